"""Who reads whose answers: a partner member only their own organization's; the governor's office
completion and summaries, never a partner's individual answers; ids do not leak."""

import pytest
from django.utils import translation

from surveys.models import Answer, Response, ResponseStatus
from tests.access import OK, collect_rows
from tests.surveys.factories import invite, section_one, section_two, section_url

SECRET_STRENGTH = "ميزة-سرية-لمؤسسة-العون-7731"


@pytest.fixture
def response_a(built, org_a, respondent):
    """Org A submitted, with a text answer no one else may read."""
    invitation = invite(built.survey, org_a)
    respondent.post(section_url(invitation, 1), section_one(built))
    respondent.post(section_url(invitation, 2), section_two(built, strengths=SECRET_STRENGTH))
    respondent.post(section_url(invitation, 1).replace("section/1/", "submit/"))
    response = Response.objects.get(invitation=invitation)
    assert response.status == ResponseStatus.SUBMITTED
    return response


def test_a_member_of_another_organization_cannot_read_a_response_by_id(member_b_client, response_a):
    assert member_b_client.get(f"/ar/surveys/responses/{response_a.pk}/").status_code == 404
    assert member_b_client.get(f"/en/surveys/responses/{response_a.pk}/").status_code == 404


def test_a_member_of_another_organization_cannot_change_a_response_by_id(member_b_client, response_a):
    assert member_b_client.post(f"/ar/surveys/responses/{response_a.pk}/reopen/", {"reason": "x"}).status_code == 404
    response_a.refresh_from_db()
    assert response_a.is_submitted
    assert Answer.objects.get(response=response_a, question__code="strengths").text == SECRET_STRENGTH


def test_a_member_reads_their_own_organization_s_answers(member_a_client, response_a):
    page = member_a_client.get(f"/ar/surveys/responses/{response_a.pk}/")
    assert page.status_code == 200
    assert SECRET_STRENGTH in page.content.decode()


def test_the_partner_s_page_lists_only_their_organization_s_questionnaires(
    member_b_client, member_a_client, response_a
):
    assert response_a.invitation.survey.title_ar in member_a_client.get("/ar/surveys/mine/").content.decode()
    assert response_a.invitation.survey.title_ar not in member_b_client.get("/ar/surveys/mine/").content.decode()


def test_staff_read_any_response(staff_client, response_a):
    assert SECRET_STRENGTH in staff_client.get(f"/ar/surveys/responses/{response_a.pk}/").content.decode()
    assert (
        SECRET_STRENGTH in staff_client.get(f"/ar/surveys/{response_a.invitation.survey_id}/results/").content.decode()
    )


def test_the_governor_s_office_never_sees_an_individual_answer(governor_client, staff_client, access_world):
    """Every page the governor may open (the access table's rows that answer them 200), in both
    languages: the distinctive text answer of org A's submitted response is on none of them."""
    world = access_world
    strengths = world.survey.questions.get(code="strengths")
    Answer.objects.create(response=world.response_a, question=strengths, text=SECRET_STRENGTH)
    results = f"/ar/surveys/{world.survey.pk}/results/"
    assert SECRET_STRENGTH in staff_client.get(results).content.decode(), (
        "staff see it: the check below means something"
    )
    pages = [row for row in collect_rows() if row.html and row.expect["governor"] == OK]
    assert {"surveys:results", "surveys:board", "surveys:detail", "home"} <= {row.name for row in pages}
    for language in ("ar", "en"):
        with translation.override(language):
            urls = [row.url(world) for row in pages]
        for url in urls:
            response = governor_client.get(url)
            assert response.status_code == 200, url
            assert SECRET_STRENGTH not in response.content.decode(), url
    english_results = governor_client.get(f"/en/surveys/{world.survey.pk}/results/").content.decode()
    assert "Text answers are read by SMEPS staff" in english_results
    assert governor_client.get(f"/ar/surveys/responses/{world.response_a.pk}/").status_code == 404
    assert governor_client.get(f"/ar/surveys/{world.survey.pk}/export.csv").status_code == 403


def test_the_governor_s_board_has_no_links_and_no_actions(governor_client, response_a):
    page = governor_client.get(f"/en/surveys/{response_a.invitation.survey_id}/board/").content.decode()
    assert response_a.invitation.organization.name_en in page
    assert "/respond/" not in page
    assert "/remind/" not in page and "/invite/" not in page and "/revoke/" not in page
    assert f"/surveys/responses/{response_a.pk}/" not in page
