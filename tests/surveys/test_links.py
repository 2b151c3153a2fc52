"""Invitation links: unguessable, not stored, tied to one organization and one survey; a bad link
answers 404 and reveals nothing, and too many bad links from one address answer 429."""

import pytest
from django.test import Client
from django.test.utils import override_settings

from core.ratelimit import FAILURES_PER_MINUTE
from surveys import services, tokens
from surveys.models import Invitation
from surveys.selectors import invitation_for_token, invitation_token
from tests.core.test_ratelimit import wait_for_a_fresh_minute
from tests.surveys.factories import build_survey, invite, respond_url, section_one, section_url


def test_a_link_carries_at_least_128_random_bits_and_differs_per_invitation(built, org_a, org_b):
    first, second = invite(built.survey, org_a), invite(built.survey, org_b)
    assert len(tokens.new_key()) * 6 >= 128  # base64: 6 bits per character
    assert first.key != second.key
    assert invitation_token(first) != invitation_token(second)


def test_the_database_does_not_hold_a_working_link(built, org_a):
    invitation = invite(built.survey, org_a)
    token = invitation_token(invitation)
    stored = " ".join(str(value) for value in Invitation.objects.filter(pk=invitation.pk).values().get().values())
    assert token not in stored
    # With the database but another SECRET_KEY, the key alone does not make a link that works.
    with override_settings(SECRET_KEY="someone-else-s-secret-key-0123456789-abcdefghijklmnop"):
        forged = tokens.make_token(survey_id=built.survey.pk, key=invitation.key)
    assert forged != token
    assert invitation_for_token(survey_id=built.survey.pk, token=forged) is None
    assert invitation_for_token(survey_id=built.survey.pk, token=f"{invitation.key}.") is None
    assert invitation_for_token(survey_id=built.survey.pk, token=token) == invitation


def test_links_keep_working_after_the_secret_key_is_rotated_through_the_fallbacks(built, org_a, settings):
    invitation = invite(built.survey, org_a)
    token = invitation_token(invitation)
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "a-brand-new-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    settings.SECRET_KEY_FALLBACKS = [old]
    assert invitation_for_token(survey_id=built.survey.pk, token=token) == invitation


def _same_404(client, url: str) -> str:
    """The page's main content (the header's language switch carries the URL asked for)."""
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_unknown_revoked_closed_and_other_survey_links_answer_the_same_404(built, org_a, org_b, respondent, staff):
    invitation = invite(built.survey, org_a)
    good = respond_url(invitation)
    assert respondent.get(good).status_code == 200

    bodies = {"unknown": _same_404(respondent, good.replace(invitation.key, tokens.new_key()))}
    other = build_survey(title_ar="استبيان آخر")
    bodies["other survey"] = _same_404(
        respondent, good.replace(f"/surveys/{built.survey.pk}/", f"/surveys/{other.survey.pk}/")
    )
    bodies["tampered"] = _same_404(respondent, good[:-3] + ("A" if good[-3] != "A" else "B") + good[-2:])

    services.invitation_revoke(invitation=invitation, by=staff)
    bodies["revoked"] = _same_404(respondent, good)
    services.invitation_renew(invitation=invitation, by=staff)
    assert respondent.get(good).status_code == 404, "a new link replaces the old one"
    assert respondent.get(respond_url(invitation)).status_code == 200

    services.survey_close(survey=built.survey, by=staff)
    bodies["closed"] = _same_404(respondent, respond_url(invitation))
    assert len(set(bodies.values())) == 1, "every bad link gets the very same page"
    assert org_a.name_ar not in bodies["closed"] and built.survey.title_ar not in bodies["closed"]


def test_a_closed_survey_accepts_no_answers_through_any_page(built, org_a, respondent, staff):
    invitation = invite(built.survey, org_a)
    services.survey_close(survey=built.survey, by=staff)
    assert respondent.post(section_url(invitation, 1), section_one(built)).status_code == 404
    assert respondent.post(respond_url(invitation, "respond_submit")).status_code == 404
    assert respondent.post(respond_url(invitation, "respond_autosave", number=1), section_one(built)).status_code == 404
    assert not invitation.__class__.objects.filter(pk=invitation.pk, response__isnull=False).exists()


def test_a_revoked_link_saves_nothing(built, org_a, respondent, staff):
    invitation = invite(built.survey, org_a)
    url = section_url(invitation, 1)
    services.invitation_revoke(invitation=invitation, by=staff)
    assert respondent.post(url, section_one(built)).status_code == 404
    assert not Invitation.objects.filter(pk=invitation.pk, response__isnull=False).exists()


@pytest.mark.parametrize("page", ["respond", "respond_review", "respond_section"])
def test_more_than_20_bad_links_a_minute_from_one_address_answer_429(built, org_a, page):
    invitation = invite(built.survey, org_a)
    client = Client(REMOTE_ADDR="198.51.100.7")
    wait_for_a_fresh_minute()
    extra = {"number": 1} if page == "respond_section" else {}
    for attempt in range(FAILURES_PER_MINUTE):
        guess = respond_url(invitation, page, **extra).replace(invitation.key, f"{attempt:022d}")
        assert client.get(guess).status_code == 404
    assert client.get(guess).status_code == 429
    # Even the right link waits: guessing cannot be told apart from a later success.
    assert client.get(respond_url(invitation, page, **extra)).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.8").get(respond_url(invitation, page, **extra)).status_code == 200


def test_autosave_counts_bad_links_toward_the_limit(built, org_a):
    invitation = invite(built.survey, org_a)
    client = Client(REMOTE_ADDR="198.51.100.9")
    wait_for_a_fresh_minute()
    url = respond_url(invitation, "respond_autosave", number=1).replace(invitation.key, tokens.new_key())
    for _attempt in range(FAILURES_PER_MINUTE):
        assert client.post(url, {}).status_code == 404
    assert client.post(url, {}).status_code == 429
