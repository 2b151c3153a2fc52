"""The meetings and committees lists: filters, order, empty states, and a fixed number of queries."""

import datetime

import pytest

from meetings.models import MeetingKind, MeetingStatus, MinutesState
from tests import factories
from tests.queries import count_queries

from . import factories as mf

MEETINGS = "/ar/meetings/?when=all"
COMMITTEES = "/ar/meetings/committees/"


def _meeting_with_everything(n: int, org) -> None:
    committee = mf.CommitteeFactory(member_organizations=[org])
    meeting = mf.MeetingFactory(
        kind=MeetingKind.COMMITTEE, committee=committee, starts_at=mf.days_from_now(-n - 1), host=org
    )
    mf.invite(meeting, org, factories.OrganizationFactory())
    mf.attendee(meeting, factories.ContactFactory(organization=org), present=True)
    mf.agenda_item(meeting, 1)
    mf.minutes(meeting, state=MinutesState.APPROVED)
    mf.minutes(meeting, state=MinutesState.DRAFT, number=2)


@pytest.mark.parametrize("persona", ["staff", "member_a", "governor"])
@pytest.mark.parametrize("url", [MEETINGS, COMMITTEES], ids=["meetings", "committees"])
def test_the_number_of_queries_does_not_grow_with_the_rows(url, persona, client_as, org_a):
    client = client_as(persona)
    _meeting_with_everything(0, org_a)
    with_one = count_queries(client, url)
    for n in range(1, 30):
        _meeting_with_everything(n, org_a)
    assert count_queries(client, url) == with_one


def names(response) -> list[str]:
    return [meeting.title_ar for meeting in response.context["page"].object_list]


@pytest.fixture
def calendar_of_meetings(smeps, org_a):
    rows = {
        "past_held": mf.MeetingFactory(title_ar="مضى", starts_at=mf.days_from_now(-30), host=smeps),
        "older": mf.MeetingFactory(title_ar="أقدم", starts_at=mf.days_from_now(-60), host=smeps),
        "next": mf.planned_meeting(title_ar="القادم", starts_at=mf.days_from_now(3), host=smeps),
        "later_workshop": mf.workshop(title_ar="ورشة", starts_at=mf.days_from_now(20), host=org_a),
        "cancelled": mf.planned_meeting(
            title_ar="ملغى", starts_at=mf.days_from_now(5), status=MeetingStatus.CANCELLED, host=smeps
        ),
    }
    for meeting in rows.values():
        mf.invite(meeting, org_a)
    return rows


def test_upcoming_meetings_come_first_soonest_first(staff_client, calendar_of_meetings):
    assert names(staff_client.get("/ar/meetings/")) == ["القادم", "ملغى", "ورشة"]


def test_past_meetings_read_newest_first(staff_client, calendar_of_meetings):
    assert names(staff_client.get("/ar/meetings/?when=past")) == ["مضى", "أقدم"]


def test_the_list_filters_by_kind_status_and_organization(staff_client, calendar_of_meetings, org_a):
    assert names(staff_client.get("/ar/meetings/?when=all&kind=workshop")) == ["ورشة"]
    assert names(staff_client.get("/ar/meetings/?when=all&status=cancelled")) == ["ملغى"]
    other = factories.OrganizationFactory()
    mf.invite(calendar_of_meetings["older"], other)
    assert names(staff_client.get(f"/ar/meetings/?when=all&organization={other.pk}")) == ["أقدم"]


def test_sorting_by_date_can_be_reversed(staff_client, calendar_of_meetings):
    assert names(staff_client.get("/ar/meetings/?when=all&sort=date"))[:2] == ["أقدم", "مضى"]
    assert names(staff_client.get("/ar/meetings/?when=all&sort=-date"))[:2] == ["ورشة", "ملغى"]


def test_a_partner_lists_only_the_meetings_their_organization_was_invited_to(
    member_b_client, calendar_of_meetings, org_b
):
    assert names(member_b_client.get("/ar/meetings/?when=all")) == []
    mf.invite(calendar_of_meetings["next"], org_b)
    assert names(member_b_client.get("/ar/meetings/?when=all")) == ["القادم"]


def test_an_empty_list_tells_staff_what_to_do_next(staff_client):
    html = staff_client.get("/en/meetings/").content.decode()
    assert "No meeting is planned." in html
    assert 'href="/en/meetings/new/"' in html


def test_an_empty_list_tells_a_partner_where_meetings_come_from(member_a_client):
    html = member_a_client.get("/en/meetings/").content.decode()
    assert "When SMEPS invites your organization to a meeting, it appears here." in html
    assert "/en/meetings/new/" not in html


def test_a_filter_that_does_not_parse_is_reported_and_ignored(staff_client, calendar_of_meetings):
    response = staff_client.get("/en/meetings/?when=all&kind=banquet")
    assert len(names(response)) == 5
    assert "Some filters were not understood and were ignored:" in response.content.decode()


def test_committees_list_marks_overdue_and_done(staff_client):
    mf.CommitteeFactory(name_en="Late", deadline=datetime.date(2018, 1, 22))
    mf.CommitteeFactory(name_en="Finished", deadline=datetime.date(2018, 1, 22), is_done=True)
    mf.CommitteeFactory(name_en="Working")
    html = staff_client.get("/en/meetings/committees/").content.decode()
    late = html[html.index("Late") :]
    assert "overdue" in late[: late.index("</tr>")]
    finished = html[html.index("Finished") :]
    assert "done" in finished[: finished.index("</tr>")]
    overdue = staff_client.get("/en/meetings/committees/?state=overdue").context["page"].object_list
    assert [committee.name_en for committee in overdue] == ["Late"]


WORKSHOPS = "/ar/meetings/?when=all&kind=workshop"


@pytest.mark.parametrize("persona", ["staff", "member_a"])
def test_the_workshops_list_costs_the_same_queries_at_one_and_thirty_workshops(persona, client_as, org_a, smeps):
    client = client_as(persona)

    def add_workshop(n: int) -> None:
        workshop = mf.workshop(starts_at=mf.days_from_now(n + 1), host=smeps)
        mf.invite(workshop, org_a, factories.OrganizationFactory())
        mf.minutes(workshop, state=MinutesState.APPROVED)

    add_workshop(0)
    with_one = count_queries(client, WORKSHOPS)
    for n in range(1, 30):
        add_workshop(n)
    assert count_queries(client, WORKSHOPS) == with_one


def test_the_list_opening_on_its_own_costs_the_same_queries_at_one_and_thirty_meetings(staff_client, org_a):
    _meeting_with_everything(0, org_a)
    with_one = count_queries(staff_client, "/ar/meetings/")
    for n in range(1, 30):
        _meeting_with_everything(n, org_a)
    assert count_queries(staff_client, "/ar/meetings/") == with_one


# --- which tab the list opens on ----------------------------------------------------------------


def test_the_list_opens_on_upcoming_meetings_when_one_is_planned(staff_client, calendar_of_meetings):
    response = staff_client.get("/en/meetings/")
    assert response.context["when"] == "upcoming"
    assert "No meeting is planned, so the list opens on the past meetings." not in response.content.decode()


def test_the_list_opens_on_past_meetings_when_nothing_is_planned_and_says_so(staff_client, smeps):
    mf.MeetingFactory(title_ar="مضى", starts_at=mf.days_from_now(-30), host=smeps)
    response = staff_client.get("/en/meetings/")
    assert response.context["when"] == "past"
    assert names(response) == ["مضى"]
    html = response.content.decode()
    assert "No meeting is planned, so the list opens on the past meetings." in html
    assert 'aria-current="page" href="?when=past">Past</a>' in html
    # Filtering from here stays on the past meetings.
    assert '<input type="hidden" name="when" value="past">' in html


def test_the_upcoming_tab_asked_for_stays_open_even_when_empty(staff_client, smeps):
    mf.MeetingFactory(starts_at=mf.days_from_now(-30), host=smeps)
    response = staff_client.get("/en/meetings/?when=upcoming")
    assert response.context["when"] == "upcoming"
    html = response.content.decode()
    assert "No meeting is planned." in html
    assert 'href="?when=past"' in html


def test_an_unknown_tab_falls_back_to_the_one_that_has_meetings(staff_client, calendar_of_meetings):
    assert staff_client.get("/en/meetings/?when=tomorrow").context["when"] == "upcoming"


def test_clearing_the_filters_keeps_the_tab(staff_client, calendar_of_meetings):
    response = staff_client.get("/en/meetings/?when=past&kind=workshop")
    assert response.context["listing"].clear_url == "/en/meetings/?when=past"
