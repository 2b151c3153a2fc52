from collections.abc import Callable
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect


def form_helper(*, submit_label=None, form_tag: bool = True) -> FormHelper:
    """The portal's crispy helper: POST, one primary submit button, labels above fields."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_tag = form_tag
    if submit_label is not None:
        helper.add_input(Submit("submit", submit_label))
    return helper


class VersionedFormMixin(forms.Form):
    """Carries the version the user started from, so the save can refuse a stale edit."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


def usable_filters(form: forms.Form) -> dict:
    """The filters of a list page that parse; the others are reported beside the form and ignored."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data


def form_error_from(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, beside the fields it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_and_redirect(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[], Any],
    message: str | Callable[[Any], str] | None,
    to: Any = None,
) -> HttpResponseRedirect | None:
    """Save a valid POSTed form through a service, then say so and redirect; None means "show the
    form again" (not a POST, not valid, or the service refused: its error is then on the form).

    `save()` calls the service and returns what it saved. `message` is the success message, or a
    function of what was saved. `to` is where to go next (a model, URL or URL name, or a function
    of what was saved); by default, what was saved (its `get_absolute_url`).

        if response := save_and_redirect(request, form, save=lambda: services.contact_save(...),
                                         message=_("The changes were saved."), to=organization):
            return response
        return render(request, "partners/form.html", {"form": form})
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        form_error_from(form, error)
        return None
    if message is not None:
        messages.success(request, message(saved) if callable(message) else message)
    if to is None:
        return redirect(saved)
    return redirect(to(saved) if callable(to) else to)
