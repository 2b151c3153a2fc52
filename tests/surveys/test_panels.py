"""The questionnaires on the home page and in the navigation, for each role."""

from django.utils import timezone

from surveys.models import Response, ResponseStatus
from tests.surveys.factories import invite


def test_staff_see_the_open_questionnaires_with_submitted_of_invited(staff_client, built, org_a, org_b):
    invite(built.survey, org_a)
    submitted = invite(built.survey, org_b)
    Response.objects.create(invitation=submitted, status=ResponseStatus.SUBMITTED, submitted_at=timezone.now())
    page = staff_client.get("/en/").content.decode()
    assert "Open questionnaires" in page
    assert "1 of 2 submitted" in page
    assert f"/en/surveys/{built.survey.pk}/board/" in page
    assert 'href="/en/surveys/"' in page, "the Questionnaires menu entry"


def test_the_governor_s_office_sees_the_completion(governor_client, built, org_a, org_b):
    invite(built.survey, org_a)
    submitted = invite(built.survey, org_b)
    Response.objects.create(invitation=submitted, status=ResponseStatus.SUBMITTED, submitted_at=timezone.now())
    page = governor_client.get("/en/").content.decode()
    assert "1 of 2 organizations submitted" in page
    assert 'aria-label="50%"' in page


def test_a_partner_member_sees_their_questionnaire_with_a_button_to_continue(member_a_client, built, org_a):
    invite(built.survey, org_a)
    page = member_a_client.get("/en/").content.decode()
    assert "Your organization's questionnaire" in page
    assert ">Start</a>" in page
    assert 'href="/en/surveys/mine/"' in page, "the partner's menu entry"


def test_no_panel_for_a_partner_without_a_questionnaire(member_b_client, built):
    assert "Your organization's questionnaire" not in member_b_client.get("/en/").content.decode()
