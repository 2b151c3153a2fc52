"""The completion board: every lending partner and every invited organization with its state,
share answered, dates and reminders; filters; a fixed number of queries for any number of rows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import PartnerRole
from surveys import services
from surveys.models import Reminder, ReminderVia, Response, ResponseStatus
from surveys.selectors import BoardState, board_rows
from tests import factories
from tests.surveys.factories import invite, section_one, section_url


@pytest.fixture
def story(built, respondent, staff):
    """One organization in each state, named after it."""
    orgs = {
        state: factories.OrganizationFactory(name_ar=f"جهة {state}", name_en=f"Org {state}", role=PartnerRole.LENDING)
        for state in ("not_sent", "sent", "opened", "in_progress", "submitted")
    }
    factories.OrganizationFactory(name_ar="جهة تمكين فقط", role=PartnerRole.EMPOWERMENT)
    now = timezone.now()
    invitations = {
        "sent": invite(built.survey, orgs["sent"], sent_at=now),
        "opened": invite(built.survey, orgs["opened"], sent_at=now, first_opened_at=now, last_opened_at=now),
        "in_progress": invite(built.survey, orgs["in_progress"], sent_at=now),
        "submitted": invite(built.survey, orgs["submitted"], sent_at=now),
    }
    respondent.post(section_url(invitations["in_progress"], 1), section_one(built))
    Response.objects.create(invitation=invitations["submitted"], status=ResponseStatus.SUBMITTED, submitted_at=now)
    Reminder.objects.create(
        invitation=invitations["sent"], sent_on=timezone.localdate() - timedelta(days=2), via=ReminderVia.COMMAND
    )
    Reminder.objects.create(
        invitation=invitations["sent"], sent_on=timezone.localdate() - timedelta(days=1), via=ReminderVia.ACTION
    )
    return orgs, invitations


def test_each_organization_shows_its_derived_state(built, story):
    orgs, _invitations = story
    rows = {row.organization.pk: row for row in board_rows(survey=built.survey, today=timezone.localdate())}
    for state, org in orgs.items():
        assert rows[org.pk].state == state
    assert len(rows) == 5, "the lending partners and the invited, not the empowerment-only partner"


def test_in_progress_shows_the_share_of_the_shown_questions_answered(built, story, staff_client):
    orgs, _ = story
    row = next(
        r for r in board_rows(survey=built.survey, today=timezone.localdate()) if r.organization == orgs["in_progress"]
    )
    # 3 answered (name, type, since) of 11 shown: the two conditional questions are not shown.
    assert (row.progress.answered, row.progress.total, row.progress.percent) == (3, 11, 27)
    assert "27% answered" in staff_client.get(f"/en/surveys/{built.survey.pk}/board/").content.decode()


def test_the_board_shows_the_reminders_sent(built, story, staff_client):
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/board/")
    row = next(r for r in page.context["rows"] if r.state == "sent")
    assert row.invitation.reminder_count == 2
    assert row.invitation.last_reminder_on == timezone.localdate() - timedelta(days=1)


@pytest.mark.parametrize(
    "state", [BoardState.NOT_SENT, BoardState.SENT, BoardState.OPENED, BoardState.IN_PROGRESS, BoardState.SUBMITTED]
)
def test_the_board_filters_by_state(built, story, staff_client, state):
    orgs, _ = story
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/board/?state={state}")
    assert [row.organization for row in page.context["rows"]] == [orgs[state]]
    assert f"Org {state}" in page.content.decode()


def test_an_unknown_filter_is_reported_and_ignored(built, story, staff_client):
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/board/?state=lost")
    assert len(page.context["rows"]) == 5
    assert "Some filters were not understood" in page.content.decode()


def test_overdue_is_derived_from_the_deadline(built, story):
    survey = built.survey
    survey.closes_on = timezone.localdate() - timedelta(days=1)
    rows = board_rows(survey=survey, today=timezone.localdate())
    assert {row.state for row in rows if row.overdue} == {"not_sent", "sent", "opened", "in_progress"}
    assert not any(row.overdue for row in board_rows(survey=survey, today=survey.closes_on))


def _lending_partner_with_everything(survey, n: int, respondent, built):
    org = factories.OrganizationFactory(role=PartnerRole.LENDING, email=f"org{n}@example.org")
    factories.ContactFactory(organization=org, email=f"contact{n}@example.org")
    factories.member_of(org, username=f"board-member-{n}")
    invitation = invite(survey, org, sent_at=timezone.now())
    services.response_save_section(
        invitation=invitation, section=built.s1, answers={built.q["name"]: f"person {n}", built.q["type"]: "mfi"}
    )
    Reminder.objects.create(invitation=invitation, sent_on=timezone.localdate(), via=ReminderVia.ACTION)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["staff_client", "governor_client"])
def test_the_board_makes_the_same_number_of_queries_for_1_and_30_rows(built, respondent, persona, request):
    client = request.getfixturevalue(persona)
    url = f"/ar/surveys/{built.survey.pk}/board/"
    _lending_partner_with_everything(built.survey, 0, respondent, built)
    with_one = _queries(client, url)
    for n in range(1, 30):
        _lending_partner_with_everything(built.survey, n, respondent, built)
    page = client.get(url)
    assert len(page.context["rows"]) == 30
    assert _queries(client, url) == with_one


def test_the_survey_list_makes_the_same_number_of_queries_for_1_and_30_rows(staff_client, db):
    from tests.surveys.factories import build_survey

    build_survey(title_ar="استبيان 0")
    with_one = _queries(staff_client, "/ar/surveys/")
    for n in range(1, 30):
        survey = build_survey(title_ar=f"استبيان {n}").survey
        invite(survey, factories.OrganizationFactory())
    assert _queries(staff_client, "/ar/surveys/") == with_one


def test_the_survey_list_s_empty_state_says_what_to_do(staff_client, db):
    page = staff_client.get("/en/surveys/").content.decode()
    assert "There is no questionnaire yet." in page
    assert "/en/surveys/new/" in page


def test_the_remind_button_counts_the_organizations_waiting(built, story, staff_client):
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/board/").content.decode()
    assert "Remind the 3 organizations that have not submitted" in page
