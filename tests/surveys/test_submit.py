"""Submitting checks every required answer and locks the response; a double submit makes one
response; staff reopen a submitted response with a reason, and the reopening is logged."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from surveys import services
from surveys.models import Reopening, Response, ResponseStatus
from tests.surveys.factories import field, respond_url, section_one, section_two, section_url


@pytest.fixture
def answered(respondent, invitation_a, built):
    """Org A's link with both sections answered, not yet submitted."""
    respondent.post(section_url(invitation_a, 1), section_one(built))
    respondent.post(section_url(invitation_a, 2), section_two(built))
    return invitation_a


def submit(client, invitation, language="ar"):
    return client.post(respond_url(invitation, "respond_submit", language))


def test_the_review_lists_the_sections_with_unanswered_required_questions_with_links(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 1), section_one(built))
    page = respondent.get(respond_url(invitation_a, "respond_review", "en")).content.decode()
    assert "Before submitting, answer the required questions of these sections:" in page
    assert f'href="{section_url(invitation_a, 2, "en")}?check=1"' in page
    assert "Products" in page and "Largest loan (YER)" in page
    assert f'href="{section_url(invitation_a, 1, "en")}?check=1"' not in page


def test_submitting_with_a_required_answer_missing_is_refused_and_changes_nothing(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 1), section_one(built))
    response = submit(respondent, invitation_a)
    assert response["Location"] == respond_url(invitation_a, "respond_review")
    assert Response.objects.get(invitation=invitation_a).status == ResponseStatus.DRAFT


def test_the_section_page_marks_the_missing_required_answers_when_sent_back_from_the_review(
    respondent, invitation_a, built
):
    respondent.post(section_url(invitation_a, 1), section_one(built))
    page = respondent.get(section_url(invitation_a, 2, "en") + "?check=1").content.decode()
    start = page.index(f'id="question-{built.q["max_loan"].pk}"')
    assert "This question is required." in page[start : page.index("</div>", start + 200)]


def test_a_required_question_hidden_by_its_condition_is_not_required(respondent, answered, built):
    # "Which other kind?" is required, but only asked when the kind is "other" (it is "mfi").
    assert submit(respondent, answered).status_code == 302
    assert Response.objects.get(invitation=answered).is_submitted


def test_a_shown_required_conditional_question_is_required(respondent, answered, built):
    respondent.post(section_url(answered, 1), section_one(built, type="other"))
    submit(respondent, answered)
    assert not Response.objects.get(invitation=answered).is_submitted


def test_submitting_locks_the_response(respondent, answered, built):
    response = submit(respondent, answered, "en")
    assert response["Location"] == respond_url(answered, language="en")
    locked = Response.objects.get(invitation=answered)
    assert locked.status == ResponseStatus.SUBMITTED and locked.submitted_at is not None
    change = respondent.post(section_url(answered, 1), section_one(built, name="اسم آخر"))
    assert change.status_code == 302
    assert locked.answers.get(question=built.q["name"]).text == "خولة سالم"
    landing = respondent.get(respond_url(answered, language="en")).content.decode()
    assert "were submitted on" in landing
    assert (
        f'name="{field(built.q["name"])}"' not in respondent.get(section_url(answered, 1), follow=True).content.decode()
    )


def test_autosave_does_not_change_a_submitted_response(respondent, answered, built):
    submit(respondent, answered)
    response = respondent.post(respond_url(answered, "respond_autosave", "en", number=1), section_one(built, name="x"))
    assert response.status_code == 200
    assert 'data-state="locked"' in response.content.decode()
    assert Response.objects.get(invitation=answered).answers.get(question=built.q["name"]).text == "خولة سالم"


def test_the_service_refuses_to_change_a_submitted_response(answered, built):
    services.response_submit(invitation=answered)
    with pytest.raises(services.ResponseLocked):
        services.response_save_section(invitation=answered, section=built.s1, answers={built.q["name"]: "x"})


def test_a_double_submit_makes_one_response(respondent, answered):
    first = submit(respondent, answered)
    submitted_at = Response.objects.get(invitation=answered).submitted_at
    second = submit(respondent, answered)
    assert first.status_code == second.status_code == 302
    assert Response.objects.filter(invitation=answered).count() == 1
    assert Response.objects.get(invitation=answered).submitted_at == submitted_at


def test_a_second_tab_submitting_sees_the_already_submitted_page(respondent, client, answered):
    submit(respondent, answered)
    page = submit(client, answered, "en")
    assert page["Location"] == respond_url(answered, language="en")
    assert "were submitted on" in client.get(page["Location"]).content.decode()


def test_the_submitted_page_thanks_in_arabic(respondent, answered):
    response = respondent.post(respond_url(answered, "respond_submit"), follow=True)
    with translation.override("ar"):
        thanks = gettext("Thank you! The questionnaire was submitted to SMEPS.")
    assert thanks != "Thank you! The questionnaire was submitted to SMEPS."
    assert thanks in response.content.decode()


# Reopening.


@pytest.fixture
def submitted(respondent, answered):
    submit(respondent, answered)
    return Response.objects.get(invitation=answered)


def test_staff_reopen_a_submitted_response_with_a_reason_and_it_is_logged(
    staff_client, staff, submitted, respondent, built
):
    page = staff_client.post(
        f"/en/surveys/responses/{submitted.pk}/reopen/", {"reason": "The portfolio figure was for the whole country."}
    )
    assert page["Location"] == submitted.get_absolute_url().replace("/ar/", "/en/")
    submitted.refresh_from_db()
    assert submitted.status == ResponseStatus.DRAFT and submitted.submitted_at is None
    log = Reopening.objects.get(response=submitted)
    assert (log.reopened_by, log.reason) == (staff, "The portfolio figure was for the whole country.")
    detail = staff_client.get(f"/en/surveys/responses/{submitted.pk}/").content.decode()
    assert "The portfolio figure was for the whole country." in detail
    # The organization can change its answers again, then submit again.
    respondent.post(section_url(submitted.invitation, 2), section_two(built, max_loan="2,000,000"))
    assert submitted.answers.get(question=built.q["max_loan"]).number == 2_000_000
    assert submit(respondent, submitted.invitation).status_code == 302
    submitted.refresh_from_db()
    assert submitted.is_submitted


def test_reopening_needs_a_reason(staff_client, submitted):
    page = staff_client.post(f"/en/surveys/responses/{submitted.pk}/reopen/", {"reason": "   "})
    assert page.status_code == 200
    assert "This field is required." in page.content.decode()
    submitted.refresh_from_db()
    assert submitted.is_submitted
    with pytest.raises(ValidationError):
        services.response_reopen(response=submitted, by=None, reason="")


def test_only_a_submitted_response_can_be_reopened(submitted, staff):
    services.response_reopen(response=submitted, by=staff, reason="Wrong figure")
    with pytest.raises(ValidationError):
        services.response_reopen(response=submitted, by=staff, reason="Again")
    assert Reopening.objects.count() == 1


def test_a_partner_member_cannot_reopen_their_own_response(member_a_client, submitted):
    assert member_a_client.post(f"/ar/surveys/responses/{submitted.pk}/reopen/", {"reason": "x"}).status_code == 403
    submitted.refresh_from_db()
    assert submitted.is_submitted
