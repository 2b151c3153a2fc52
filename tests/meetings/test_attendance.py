"""Inviting people, recording presence on one page, groups without names, the attendance rate."""

import pytest

from meetings.models import Attendance, AttendanceRole, MeetingInvitation, MeetingStatus
from meetings.selectors import attendance_rate
from tests import factories

from . import factories as mf


def formset_data(meeting, rows: dict) -> dict:
    """POST data of the attendance page: `rows` maps an Attendance to (role, present, delete)."""
    attendances = list(meeting.attendances.order_by("organization__name_ar", "is_group", "name_ar", "pk"))
    data = {
        "form-TOTAL_FORMS": str(len(attendances)),
        "form-INITIAL_FORMS": str(len(attendances)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, attendance in enumerate(attendances):
        role, present, delete = rows.get(attendance, (attendance.role, "unknown", False))
        data[f"form-{index}-id"] = str(attendance.pk)
        data[f"form-{index}-role"] = role
        data[f"form-{index}-present"] = present
        if delete:
            data[f"form-{index}-DELETE"] = "on"
    return data


def test_staff_invite_people_of_the_registry_and_their_organization_is_invited_too(staff_client, meeting_a, org_b):
    people = [factories.ContactFactory(organization=org_b) for _ in range(2)]
    response = staff_client.post(
        f"/ar/meetings/{meeting_a.pk}/attendance/add/",
        {"contacts": [p.pk for p in people], "role": "member", "add_people": "1"},
    )
    assert response.status_code == 302
    assert set(meeting_a.attendances.values_list("contact", flat=True)) == {p.pk for p in people}
    assert MeetingInvitation.objects.filter(meeting=meeting_a, organization=org_b).exists()
    assert meeting_a.attendances.filter(present__isnull=True).count() == 2


def test_a_group_without_names_is_recorded_as_the_seed_writes_it(staff_client, meeting_a, smeps):
    response = staff_client.post(
        f"/ar/meetings/{meeting_a.pk}/attendance/add/",
        {
            "organization": smeps.pk,
            "is_group": "on",
            "name_ar": "عدد من خبراء الوكالة",
            "name_en": "A number of the agency's experts",
            "role": "expert",
            "add_other": "1",
        },
    )
    assert response.status_code == 302
    group = Attendance.objects.get(meeting=meeting_a)
    assert group.is_group and group.contact is None and group.headcount is None
    html = staff_client.get(f"/ar/meetings/{meeting_a.pk}/attendance/").content.decode()
    assert "عدد من خبراء الوكالة" in html


def test_the_secretary_records_everyone_present_or_absent_on_one_page(staff_client, meeting_a, org_a):
    came, stayed_away, dropped = (
        mf.attendee(meeting_a, factories.ContactFactory(organization=org_a)) for _ in range(3)
    )
    data = formset_data(
        meeting_a,
        {came: ("member", "true", False), stayed_away: ("guest", "false", False), dropped: ("member", "unknown", True)},
    )
    response = staff_client.post(f"/ar/meetings/{meeting_a.pk}/attendance/record/", data)
    assert response.status_code == 302
    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert came.present is True
    assert (stayed_away.present, stayed_away.role) == (False, AttendanceRole.GUEST)
    assert not Attendance.objects.filter(pk=dropped.pk).exists()


def test_presence_is_not_recorded_before_the_meeting_starts(staff_client, org_a):
    meeting = mf.planned_meeting()
    person = mf.attendee(meeting, factories.ContactFactory(organization=org_a))
    response = staff_client.post(
        f"/en/meetings/{meeting.pk}/attendance/record/", formset_data(meeting, {person: ("member", "true", False)})
    )
    assert response.status_code == 200
    assert "Presence can be recorded once the meeting has started." in response.content.decode()
    person.refresh_from_db()
    assert person.present is None


def test_only_the_meetings_chair_has_the_role_of_chair(staff_client, meeting_a, org_a):
    person = mf.attendee(meeting_a, factories.ContactFactory(organization=org_a))
    response = staff_client.post(
        f"/en/meetings/{meeting_a.pk}/attendance/record/", formset_data(meeting_a, {person: ("chair", "true", False)})
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.role == AttendanceRole.MEMBER


def test_the_attendance_table_is_grouped_by_organization_host_first(staff_client, meeting_a, org_a, smeps):
    mf.attendee(meeting_a, factories.ContactFactory(organization=org_a, full_name_ar="عضو العون"), present=True)
    mf.attendee(meeting_a, factories.ContactFactory(organization=smeps, full_name_ar="مدير الوكالة"), present=True)
    groups = staff_client.get(f"/ar/meetings/{meeting_a.pk}/attendance/").context["groups"]
    assert [group.organization for group in groups] == [smeps, org_a]


class TestAttendanceRate:
    def test_held_meetings_with_someone_present_over_held_meetings_invited_to(self, org_a, smeps):
        for present in (True, True, False):
            meeting = mf.MeetingFactory(host=smeps)
            mf.attendee(meeting, factories.ContactFactory(organization=org_a), present=present)
        mf.invite(mf.MeetingFactory(host=smeps), org_a)  # invited, nobody came
        mf.invite(mf.planned_meeting(host=smeps), org_a)  # not held yet: not counted
        mf.invite(mf.MeetingFactory(host=smeps, status=MeetingStatus.CANCELLED), org_a)  # cancelled: not counted
        rate = attendance_rate(organization=org_a)
        assert (rate.held_present, rate.held_invited, rate.percent) == (2, 4, 50)

    def test_an_organization_never_invited_has_no_rate_yet(self, org_b):
        assert attendance_rate(organization=org_b).percent is None

    @pytest.mark.parametrize("persona", ["staff", "member_a", "governor"])
    def test_the_organizations_meetings_page_shows_the_rate(self, persona, client_as, meeting_a, org_a):
        mf.attendee(meeting_a, factories.ContactFactory(organization=org_a), present=True)
        html = client_as(persona).get(f"/en/meetings/organizations/{org_a.pk}/").content.decode()
        assert "Attendance rate: 100%" in html
        assert meeting_a.title_en in html

    def test_a_partner_cannot_see_another_organizations_meetings_page(self, member_b_client, org_a):
        assert member_b_client.get(f"/en/meetings/organizations/{org_a.pk}/").status_code == 404


def test_the_organizations_page_in_the_directory_shows_its_meetings_and_rate(
    member_a_client, member_b_client, meeting_a, org_a
):
    mf.attendee(meeting_a, factories.ContactFactory(organization=org_a), present=True)
    html = member_a_client.get(f"/en/partners/{org_a.pk}/").content.decode()
    assert "Attendance rate: 100%" in html
    assert f'href="/en/meetings/{meeting_a.pk}/"' in html
    assert f'href="/en/meetings/organizations/{org_a.pk}/"' in html
    # Another organization's member reads org A's profile, not its meetings.
    other = member_b_client.get(f"/en/partners/{org_a.pk}/").content.decode()
    assert "Attendance rate" not in other
