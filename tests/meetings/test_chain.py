"""The chain of meetings on a meeting's overview: every meeting connected through "follows",
branches included, as the user may see it, in a number of queries that does not grow with it."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from meetings.models import Meeting
from meetings.selectors import meeting_chain

from . import factories as mf


def detail(pk: int, language: str = "ar") -> str:
    with translation.override(language):
        return reverse("meetings:detail", args=[pk])


def follow_up(earlier: Meeting, *, days: int, **kwargs) -> Meeting:
    kwargs.setdefault("host", earlier.host)
    return mf.MeetingFactory(follows=earlier, starts_at=earlier.starts_at + datetime.timedelta(days=days), **kwargs)


def titles(branch) -> list:
    """A branch as nested lists of titles: [title, title, ..., [fork], [fork]]."""
    return [m.title_en for m in branch.meetings] + [titles(fork) for fork in branch.forks]


def test_a_straight_chain_lists_every_meeting_in_date_order(staff, meeting_a):
    second = follow_up(meeting_a, days=2, title_en="second")
    third = follow_up(second, days=2, title_en="third")
    chain = meeting_chain(meeting=second, user=staff)
    assert chain.meetings == [meeting_a, second, third]
    assert [titles(branch) for branch in chain.branches] == [[meeting_a.title_en, "second", "third"]]


def test_a_forked_chain_is_shown_whole_from_any_of_its_meetings(staff_client, staff, meeting_a):
    # 31/12 -> committee meeting -> workshop, and later a new committee meeting that follows the
    # same committee meeting: the chain forks there.
    committee_meeting = follow_up(meeting_a, days=20, title_en="committee 22/01")
    workshop = follow_up(committee_meeting, days=20, title_en="workshop")
    after_workshop = follow_up(workshop, days=5, title_en="after the workshop")
    new_committee_meeting = follow_up(committee_meeting, days=30, title_en="next committee meeting")
    every = [meeting_a, committee_meeting, workshop, after_workshop, new_committee_meeting]
    for meeting in every:
        chain = meeting_chain(meeting=meeting, user=staff)
        assert set(chain.meetings) == set(every)
        assert [titles(branch) for branch in chain.branches] == [
            [meeting_a.title_en, "committee 22/01", ["workshop", "after the workshop"], ["next committee meeting"]]
        ]
    page = staff_client.get(detail(new_committee_meeting.pk, "en")).content.decode()
    for meeting in every:
        assert meeting.title_en in page
    assert "2 meetings follow it:" in page


def test_the_chain_costs_the_same_queries_for_three_meetings_as_for_thirty_with_forks(staff, meeting_a, smeps):
    second = follow_up(meeting_a, days=1)
    follow_up(second, days=1)
    meeting_chain(meeting=second, user=staff)  # the user's role is looked up once, then kept
    with CaptureQueriesContext(connection) as small:
        assert len(meeting_chain(meeting=second, user=staff)) == 3
    big_root = mf.MeetingFactory(host=smeps, starts_at=mf.days_from_now(-400))
    earlier = big_root
    for day in range(1, 20):
        earlier = follow_up(earlier, days=day)
        if day % 3 == 0:
            follow_up(earlier, days=200 + day)  # a branch at every third meeting
    with CaptureQueriesContext(connection) as big:
        chain = meeting_chain(meeting=earlier, user=staff)
    assert len(chain) == 1 + 19 + 6
    assert len(big) == len(small) == 2


def test_a_partner_sees_only_the_meetings_of_the_chain_their_organization_was_invited_to(
    member_a, staff, meeting_a, org_a, org_b, smeps
):
    earlier = mf.MeetingFactory(host=smeps, starts_at=mf.days_from_now(-20), title_en="earlier")
    mf.invite(earlier, org_b)
    Meeting.objects.filter(pk=meeting_a.pk).update(follows=earlier)
    hidden = follow_up(meeting_a, days=1, title_en="hidden")  # org A is not invited
    mf.invite(hidden, org_b)
    later = follow_up(hidden, days=1, title_en="later")
    mf.invite(later, org_a)
    meeting_a.refresh_from_db()
    chain = meeting_chain(meeting=meeting_a, user=member_a)
    assert chain.meetings == [meeting_a, later]
    # The hidden meeting is skipped: the later one hangs on the one before it.
    assert [titles(branch) for branch in chain.branches] == [[meeting_a.title_en, "later"]]
    assert meeting_chain(meeting=meeting_a, user=staff).meetings == [earlier, meeting_a, hidden, later]


def test_a_circle_of_meetings_stored_by_mistake_still_shows_the_meeting(staff, meeting_a):
    second = follow_up(meeting_a, days=1)
    Meeting.objects.filter(pk=meeting_a.pk).update(follows=second)
    meeting_a.refresh_from_db()
    chain = meeting_chain(meeting=meeting_a, user=staff)
    assert set(chain.meetings) == {meeting_a, second}
    assert meeting_a in [m for branch in chain.branches for m in branch.meetings]
