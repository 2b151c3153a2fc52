"""Planning a committee's next meeting: its members are invited (organizations, and its member
people as expected attendees) and the meeting follows the committee's latest one."""

import datetime

from django.utils import translation

from meetings.models import Meeting, MeetingKind, MeetingStatus
from meetings.services import meetings as services
from tests import factories

from . import factories as mf


def committee_meeting(committee, *, days: int, **kwargs) -> Meeting:
    kwargs.setdefault("host", committee.formed_at.host)
    return mf.planned_meeting(
        kind=MeetingKind.COMMITTEE, committee=committee, starts_at=mf.days_from_now(days), **kwargs
    )


def plan_next(committee, **fields) -> Meeting:
    """Save a new meeting of `committee` in a week, as the planning form does (nothing invited)."""
    starts_at = mf.days_from_now(7)
    meeting = Meeting(
        kind=MeetingKind.COMMITTEE,
        committee=committee,
        title_ar="اجتماع اللجنة",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place_ar="مقر الوكالة",
        status=MeetingStatus.PLANNED,
        **fields,
    )
    return services.meeting_save(meeting=meeting, expected_version=None, invited=[])


def test_the_form_for_the_next_meeting_starts_from_the_committees_latest_meeting(staff_client, meeting_a, org_a, org_b):
    person = factories.ContactFactory(organization=org_b)
    committee = mf.CommitteeFactory(formed_at=meeting_a, member_organizations=[org_a], name_en="Study committee")
    committee.member_contacts.set([person])
    committee_meeting(committee, days=-3, place_ar="قاعة اللجنة")
    latest = committee_meeting(committee, days=-1, place_ar="قاعة اللجنة")
    form = staff_client.get(f"/en/meetings/new/?committee={committee.pk}").context["form"]
    assert form.initial["kind"] == MeetingKind.COMMITTEE
    assert form.initial["committee"] == committee.pk
    assert form.initial["follows"] == latest.pk
    assert form.initial["host"] == latest.host_id
    assert form.initial["place_ar"] == "قاعة اللجنة"
    assert set(form.initial["invited"]) == {org_a.pk, org_b.pk}
    assert form.initial["title_en"] == "Meeting of Study committee"
    with translation.override("ar"):
        assert form.initial["title_ar"].endswith(committee.name_ar)


def test_the_first_meeting_of_a_committee_follows_the_meeting_that_formed_it(staff_client, meeting_a):
    committee = mf.CommitteeFactory(formed_at=meeting_a)
    form = staff_client.get(f"/ar/meetings/new/?committee={committee.pk}").context["form"]
    assert form.initial["follows"] == meeting_a.pk


def test_saving_the_next_meeting_invites_the_members_and_follows_the_latest_meeting(meeting_a, org_a, org_b, smeps):
    person = factories.ContactFactory(organization=org_b, full_name_ar="خولة سالم سكارو")
    committee = mf.CommitteeFactory(formed_at=meeting_a, member_organizations=[org_a])
    committee.member_contacts.set([person])
    latest = committee_meeting(committee, days=-2)
    meeting = plan_next(committee, host=smeps)
    assert meeting.follows == latest
    assert set(meeting.invitations.values_list("organization_id", flat=True)) == {smeps.pk, org_a.pk, org_b.pk}
    attendee = meeting.attendances.get()
    assert (attendee.contact, attendee.name_ar, attendee.present) == (person, "خولة سالم سكارو", None)


def test_a_follow_up_chosen_by_hand_is_kept(meeting_a, smeps):
    committee = mf.CommitteeFactory(formed_at=meeting_a)
    committee_meeting(committee, days=-2)
    chosen = mf.MeetingFactory(host=smeps, starts_at=mf.days_from_now(-1))
    meeting = plan_next(committee, host=smeps, follows=chosen)
    assert meeting.follows == chosen


def test_a_partner_cannot_open_the_planning_form(member_a_client, meeting_a):
    committee = mf.CommitteeFactory(formed_at=meeting_a)
    assert member_a_client.get(f"/ar/meetings/new/?committee={committee.pk}").status_code == 403
