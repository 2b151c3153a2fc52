"""core.forms.save_and_redirect: call the service, put its error on the form, else say so and redirect."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.forms import save_and_redirect


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)


class Saved:
    def __init__(self, name):
        self.name = name

    def get_absolute_url(self):
        return f"/saved/{self.name}/"


def _request(method: str = "post", data=None):
    request = getattr(RequestFactory(), method)("/form/", data or {})
    request._messages = CookieStorage(request)
    return request


def _messages(request) -> list[str]:
    return [str(message) for message in get_messages(request)]


def test_a_valid_form_is_saved_then_the_message_is_shown_and_the_user_redirected_to_what_was_saved():
    request = _request(data={"name": "awn"})
    form = NameForm(request.POST)
    calls = []
    response = save_and_redirect(
        request, form, save=lambda: calls.append(form.cleaned_data["name"]) or Saved("awn"), message="Saved."
    )
    assert calls == ["awn"]
    assert response.status_code == 302 and response["Location"] == "/saved/awn/"
    assert _messages(request) == ["Saved."]


def test_the_message_and_the_destination_may_depend_on_what_was_saved():
    request = _request(data={"name": "awn"})
    response = save_and_redirect(
        request,
        NameForm(request.POST),
        save=lambda: Saved("nahd"),
        message=lambda saved: f"{saved.name} is in.",
        to=lambda saved: f"/list/#{saved.name}",
    )
    assert response["Location"] == "/list/#nahd"
    assert _messages(request) == ["nahd is in."]


def test_a_service_error_goes_on_the_form_beside_its_field_and_nothing_redirects():
    request = _request(data={"name": "awn"})
    form = NameForm(request.POST)

    def refuse():
        raise ValidationError({"name": "Taken.", "elsewhere": "Not a field of the form."})

    assert save_and_redirect(request, form, save=refuse, message="Saved.", to="/") is None
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Not a field of the form."]
    assert _messages(request) == []


def test_an_error_without_a_field_goes_to_the_top_of_the_form():
    request = _request(data={"name": "awn"})
    form = NameForm(request.POST)

    def refuse():
        raise ValidationError("Someone else changed this meanwhile.")

    assert save_and_redirect(request, form, save=refuse, message="Saved.", to="/") is None
    assert form.non_field_errors() == ["Someone else changed this meanwhile."]


@pytest.mark.parametrize(("method", "data"), [("get", {}), ("post", {"name": "x" * 21})])
def test_nothing_is_saved_for_a_get_or_an_invalid_form(method, data):
    request = _request(method, data)
    form = NameForm(request.POST or None)
    calls = []
    assert save_and_redirect(request, form, save=lambda: calls.append(1), message="Saved.", to="/") is None
    assert calls == []
