"""Committees: formed at a meeting, members, deadline, done; their meetings listed under them."""

import datetime

from core.concurrency import STALE_EDIT_MESSAGE
from meetings.models import Committee, MeetingKind
from tests import factories

from . import factories as mf


def committee_data(committee: Committee | None = None, **changes) -> dict:
    data = {
        "name_ar": "اللجنة المشكلة لدراسة المسودة",
        "name_en": "Committee formed to study the draft",
        "purpose_ar": "",
        "purpose_en": "",
        "formed_at": "",
        "deadline": "2030-01-22",
        "member_organizations": [],
        "member_contacts": [],
        "version": "",
    }
    if committee is not None:
        data.update(
            name_ar=committee.name_ar,
            name_en=committee.name_en,
            formed_at=committee.formed_at_id or "",
            deadline=committee.deadline.isoformat() if committee.deadline else "",
            member_organizations=list(committee.member_organizations.values_list("pk", flat=True)),
            version=committee.version,
        )
        if committee.is_done:
            data["is_done"] = "on"
    data.update(changes)
    return data


def test_staff_form_a_committee_at_a_meeting_with_members(staff_client, meeting_a, org_a, org_b):
    person = factories.ContactFactory(organization=org_b)
    response = staff_client.post(
        "/ar/meetings/committees/new/",
        committee_data(formed_at=meeting_a.pk, member_organizations=[org_a.pk], member_contacts=[person.pk]),
    )
    committee = Committee.objects.get()
    assert response["Location"] == f"/ar/meetings/committees/{committee.pk}/"
    assert committee.formed_at == meeting_a
    assert committee.deadline == datetime.date(2030, 1, 22)
    assert list(committee.member_organizations.all()) == [org_a]
    assert list(committee.member_contacts.all()) == [person]


def test_a_stale_edit_of_a_committee_is_refused(staff_client):
    committee = mf.CommitteeFactory()
    stale = committee_data(committee, name_en="Mine")
    assert (
        staff_client.post(
            f"/en/meetings/committees/{committee.pk}/edit/", committee_data(committee, name_en="Theirs")
        ).status_code
        == 302
    )
    response = staff_client.post(f"/en/meetings/committees/{committee.pk}/edit/", stale)
    assert str(STALE_EDIT_MESSAGE) in response.content.decode()
    committee.refresh_from_db()
    assert committee.name_en == "Theirs"


def test_a_committee_lists_its_meetings_in_date_order(staff_client, smeps):
    committee = mf.CommitteeFactory()
    later = mf.planned_meeting(
        kind=MeetingKind.COMMITTEE, committee=committee, host=smeps, starts_at=mf.days_from_now(30)
    )
    sooner = mf.planned_meeting(
        kind=MeetingKind.COMMITTEE, committee=committee, host=smeps, starts_at=mf.days_from_now(5)
    )
    response = staff_client.get(f"/ar/meetings/committees/{committee.pk}/")
    assert list(response.context["meetings"]) == [sooner, later]


def test_a_partner_sees_the_committees_their_organization_sits_on_or_meets_in(member_a_client, org_a, org_b, smeps):
    member = mf.CommitteeFactory(name_en="Member", member_organizations=[org_a])
    invited = mf.CommitteeFactory(name_en="Invited")
    meeting = mf.planned_meeting(kind=MeetingKind.COMMITTEE, committee=invited, host=smeps)
    mf.invite(meeting, org_a)
    other = mf.CommitteeFactory(name_en="Other", member_organizations=[org_b])
    listed = {c.name_en for c in member_a_client.get("/en/meetings/committees/").context["page"].object_list}
    assert listed == {"Member", "Invited"}
    assert member_a_client.get(f"/en/meetings/committees/{member.pk}/").status_code == 200
    assert member_a_client.get(f"/en/meetings/committees/{other.pk}/").status_code == 404


def test_overdue_is_derived_from_the_deadline(db):
    late = mf.CommitteeFactory(deadline=datetime.date(2018, 1, 22))
    assert late.is_overdue
    late.is_done = True
    assert not late.is_overdue
    assert not mf.CommitteeFactory(deadline=None).is_overdue
