"""Staff invite a partner member by email; the link sets a password once, within 7 days."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.ratelimit import FAILURES_PER_MINUTE
from partners import services
from partners.models import MemberInvitation, Membership, hash_token
from tests.core.test_ratelimit import wait_for_a_fresh_minute

NEW_PASSWORD = "hadramout-coast-2018"
LINK = re.compile(r"https?://\S+/partners/join/[\w-]+/")


def invite_url(org) -> str:
    with translation.override("ar"):
        return reverse("partners:member_invite", args=[org.pk])


def join_url(token: str) -> str:
    with translation.override("ar"):
        return reverse("partners:accept_invitation", args=[token])


@pytest.fixture
def invited(staff_client, org_a, django_capture_on_commit_callbacks):
    """Staff invite khawla@example.org to org A through the page; returns the emailed link's path."""
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            invite_url(org_a),
            {"email": "Khawla@Example.org", "first_name": "Khawla", "last_name": "Sakaro", "language": "en"},
        )
    assert response.status_code == 302
    assert response["Location"] == org_a.get_absolute_url()
    assert len(mail.outbox) == 1
    links = LINK.findall(mail.outbox[0].body)
    assert len(links) == 1
    return urlsplit(links[0]).path


def _set_password(client, path: str):
    return client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_staff_invite_by_email_and_an_email_with_a_link_is_sent(invited, org_a):
    message = mail.outbox[0]
    assert message.to == ["khawla@example.org"]
    assert org_a.name_en in message.subject
    assert invited.startswith("/en/partners/join/")  # in the language staff chose for the email
    user = get_user_model().objects.get(email="khawla@example.org")
    assert user.membership.organization == org_a
    assert not user.has_usable_password()


def test_no_email_leaves_before_the_invitation_is_committed(staff_client, org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        staff_client.post(invite_url(org_a), {"email": "late@example.org", "language": "ar"})
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_the_link_lets_the_person_set_a_password_and_then_sign_in_with_their_email(client, invited, org_a):
    page = client.get(invited)
    assert page.status_code == 200
    assert "khawla@example.org" in page.content.decode()

    response = _set_password(client, invited)
    assert response.status_code == 302
    assert response["Location"] == org_a.get_absolute_url()
    user = get_user_model().objects.get(email="khawla@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)

    client.post("/ar/accounts/logout/")
    fresh = Client()
    signed_in = fresh.post("/ar/accounts/login/", {"username": "khawla@example.org", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    assert fresh.session["_auth_user_id"] == str(user.pk)
    assert fresh.get(f"/ar/partners/{org_a.pk}/edit/").status_code == 200


def test_the_link_works_once(client, invited):
    assert _set_password(client, invited).status_code == 302
    other = Client()
    assert other.get(invited).status_code == 404
    assert _set_password(other, invited).status_code == 404


def test_the_link_expires_after_seven_days(client, invited):
    invitation = MemberInvitation.objects.get()
    assert abs(invitation.expires_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    MemberInvitation.objects.update(expires_at=timezone.now() + timedelta(hours=1))
    assert client.get(invited).status_code == 200
    MemberInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(invited).status_code == 404
    assert _set_password(client, invited).status_code == 404
    assert not get_user_model().objects.get(email="khawla@example.org").has_usable_password()


def test_a_revoked_link_answers_404(client, invited):
    MemberInvitation.objects.update(revoked_at=timezone.now())
    assert client.get(invited).status_code == 404


def test_a_new_invitation_revokes_the_earlier_link(staff, org_a, client):
    _first, old_token = services.member_invite(
        organization=org_a, email="twice@example.org", invited_by=staff, language="ar"
    )
    _second, new_token = services.member_invite(
        organization=org_a, email="twice@example.org", invited_by=staff, language="ar"
    )
    assert client.get(join_url(old_token)).status_code == 404
    assert client.get(join_url(new_token)).status_code == 200


def test_suspending_a_member_revokes_their_pending_link(staff, staff_client, org_a, client):
    invitation, token = services.member_invite(
        organization=org_a, email="pending@example.org", invited_by=staff, language="ar"
    )
    membership = Membership.objects.get(user=invitation.user)
    with translation.override("ar"):
        toggle = reverse("partners:membership_toggle", args=[org_a.pk, membership.pk])
    assert staff_client.post(toggle).status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active
    assert client.get(join_url(token)).status_code == 404


def test_an_unknown_token_answers_404(client, db):
    assert client.get(join_url("not-a-token")).status_code == 404


def test_the_token_is_stored_hashed(staff, org_a):
    invitation, token = services.member_invite(
        organization=org_a, email="hashed@example.org", invited_by=staff, language="ar"
    )
    assert invitation.token_hash == hash_token(token) != token
    stored = MemberInvitation.objects.filter(pk=invitation.pk).values().get()
    assert all(token not in str(value) for value in stored.values())


def test_after_20_bad_tokens_from_one_address_within_a_minute_the_next_answer_is_429(client, staff, org_a):
    _invitation, token = services.member_invite(
        organization=org_a, email="good@example.org", invited_by=staff, language="ar"
    )
    wait_for_a_fresh_minute()
    for attempt in range(FAILURES_PER_MINUTE):
        assert client.get(join_url(f"guess-{attempt}")).status_code == 404
    blocked = client.get(join_url("guess-more"))
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "60"
    assert client.get(join_url(token)).status_code == 429  # even a good link waits, from that address
    other_address = Client(REMOTE_ADDR="10.0.0.7")
    assert other_address.get(join_url(token)).status_code == 200


def test_inviting_the_email_of_another_organizations_member_is_refused(staff_client, member_b, org_a, org_b):
    response = staff_client.post(invite_url(org_a), {"email": member_b.email.upper(), "language": "ar"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    with translation.override("ar"):
        expected = gettext("This email address already belongs to another account of the portal.")
    assert expected in response.context["form"].errors["email"]
    assert member_b.membership.organization == org_b
    assert MemberInvitation.objects.count() == 0
    assert mail.outbox == []


def test_inviting_a_staff_email_is_refused(staff_client, staff, org_a):
    response = staff_client.post(invite_url(org_a), {"email": staff.email, "language": "ar"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Membership.objects.filter(user=staff).exists()


def test_inviting_someone_who_is_already_a_member_is_refused(staff_client, member_a, org_a):
    response = staff_client.post(invite_url(org_a), {"email": member_a.email, "language": "ar"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert MemberInvitation.objects.count() == 0


def test_a_partner_member_cannot_invite(member_a_client, org_a):
    assert member_a_client.post(invite_url(org_a), {"email": "x@example.org", "language": "ar"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_staff_see_pending_invitations_and_members_on_the_organization_page(staff_client, staff, org_a, member_a):
    services.member_invite(organization=org_a, email="waiting@example.org", invited_by=staff, language="ar")
    response = staff_client.get(f"/en/partners/{org_a.pk}/")
    html = response.content.decode()
    assert "waiting@example.org" in html
    assert member_a.email in html
    assert len(response.context["invitations"]) == 1
