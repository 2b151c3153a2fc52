"""The questionnaires list (/surveys/): its status filter, order and a fixed number of queries."""

import pytest

from surveys import services
from surveys.models import SurveyStatus
from tests import factories
from tests.queries import count_queries
from tests.surveys.factories import invite

LIST = "/ar/surveys/"


def _survey_with_everything(n: int, first=None):
    survey = services.survey_create(by=None, title_ar=f"استبيان {n}", title_en=f"Questionnaire {n}")
    if first is not None:
        survey.copied_from = first
        survey.save(update_fields=["copied_from"])
    invite(survey, factories.OrganizationFactory())
    return survey


@pytest.mark.parametrize("persona", ["staff", "governor"])
def test_the_number_of_queries_does_not_grow_with_the_rows(persona, client_as):
    client = client_as(persona)
    first = _survey_with_everything(0)
    with_one = count_queries(client, LIST)
    for n in range(1, 30):
        _survey_with_everything(n, first)
    assert count_queries(client, LIST) == with_one


def test_the_status_filter_lists_only_that_status_and_a_bad_one_is_reported(staff_client):
    draft = _survey_with_everything(1)
    closed = services.survey_create(by=None, title_ar="مغلق", title_en="Closed")
    closed.status = SurveyStatus.CLOSED
    closed.save(update_fields=["status"])
    listed = staff_client.get("/en/surveys/", {"status": SurveyStatus.CLOSED}).context["listing"].rows
    assert [survey.pk for survey in listed] == [closed.pk]
    response = staff_client.get("/en/surveys/", {"status": "lost"})
    assert {survey.pk for survey in response.context["listing"].rows} == {draft.pk, closed.pk}
    assert "Some filters were not understood and were ignored:" in response.content.decode()


def test_a_filtered_empty_list_offers_to_clear_the_filter(staff_client):
    _survey_with_everything(1)
    html = staff_client.get("/en/surveys/", {"status": SurveyStatus.CLOSED}).content.decode()
    assert "No questionnaire has this status." in html
    assert 'href="/en/surveys/">Clear the filters</a>' in html
