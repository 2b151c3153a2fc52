"""Signing in and out, changing and resetting a password."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD

LOGIN = "/ar/accounts/login/"
LOGOUT = "/ar/accounts/logout/"
NEW_PASSWORD = "mukalla-harbour-1917"


def signed_in_as(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def test_a_user_signs_in_with_their_username(client, member_a):
    response = client.post(LOGIN, {"username": "member_a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert signed_in_as(client) == member_a.pk


def test_a_user_signs_in_with_their_email_in_any_case(client, member_a):
    response = client.post(LOGIN, {"username": member_a.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_as(client) == member_a.pk


def test_a_wrong_password_does_not_sign_in(client, member_a):
    for username in ("member_a", member_a.email):
        response = client.post(LOGIN, {"username": username, "password": "wrong-password"})
        assert response.status_code == 200
        assert response.context["form"].errors
        assert signed_in_as(client) is None


def test_an_inactive_user_cannot_sign_in(client, member_a):
    member_a.is_active = False
    member_a.save()
    client.post(LOGIN, {"username": member_a.email, "password": PASSWORD})
    assert signed_in_as(client) is None


def test_sign_in_returns_to_the_page_asked_for(client, member_a):
    response = client.post(f"{LOGIN}?next=/ar/partners/", {"username": "member_a", "password": PASSWORD})
    assert response["Location"] == "/ar/partners/"


def test_sign_in_does_not_redirect_to_another_site(client, member_a):
    response = client.post(f"{LOGIN}?next=https://evil.example/", {"username": "member_a", "password": PASSWORD})
    assert response["Location"] == "/ar/"


def test_sign_out_is_a_post(member_a_client, member_a):
    assert member_a_client.get(LOGOUT).status_code == 405
    assert signed_in_as(member_a_client) == member_a.pk
    response = member_a_client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert signed_in_as(member_a_client) is None


def test_a_user_changes_their_password(member_a_client, member_a):
    response = member_a_client.post(
        "/ar/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/password/change/done/"
    member_a.refresh_from_db()
    assert member_a.check_password(NEW_PASSWORD)
    assert signed_in_as(member_a_client) == member_a.pk  # the session survives the change


def test_a_password_change_needs_the_old_password(member_a_client, member_a):
    response = member_a_client.post(
        "/ar/accounts/password/change/",
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    member_a.refresh_from_db()
    assert member_a.check_password(PASSWORD)


def _reset_link(client, email: str, capture) -> str:
    with capture(execute=True):
        response = client.post("/ar/accounts/password/reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    links = re.findall(r"https?://\S+/accounts/reset/\S+/\S+/", mail.outbox[0].body)
    assert len(links) == 1
    return urlsplit(links[0]).path


def test_a_password_reset_emails_a_link_that_sets_a_new_password(client, member_a, django_capture_on_commit_callbacks):
    link = _reset_link(client, member_a.email, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == [member_a.email]

    opened = client.get(link)
    assert opened.status_code == 302
    set_password = opened["Location"]
    assert set_password.endswith("/set-password/")
    response = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/reset/done/"

    fresh = Client()
    fresh.post(LOGIN, {"username": member_a.email, "password": NEW_PASSWORD})
    assert signed_in_as(fresh) == member_a.pk


def test_a_password_reset_link_works_once(client, member_a, django_capture_on_commit_callbacks):
    link = _reset_link(client, member_a.email, django_capture_on_commit_callbacks)
    set_password = client.get(link)["Location"]
    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(link)
    assert again.status_code == 200
    assert again.context["validlink"] is False


def test_the_password_reset_email_is_queued_after_commit(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post("/ar/accounts/password/reset/", {"email": member_a.email})
    assert len(callbacks) == 1
    assert mail.outbox == []


@pytest.mark.parametrize("email", ["nobody@example.org", ""])
def test_a_password_reset_for_an_unknown_email_sends_nothing_and_says_nothing(
    client, db, email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/accounts/password/reset/", {"email": email})
    if email:
        assert response.status_code == 302
        assert response["Location"] == "/ar/accounts/password/reset/sent/"
    else:
        assert response.status_code == 200  # the form asks for the address
    assert mail.outbox == []
    assert get_user_model().objects.count() == 0
