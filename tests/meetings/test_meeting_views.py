"""Creating and editing meetings: the form, its refusals, and what saving sets up."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.concurrency import STALE_EDIT_MESSAGE
from meetings.models import Attendance, AttendanceRole, Meeting, MeetingInvitation, MeetingKind, MeetingStatus
from tests import factories

from . import factories as mf

ADEN = zoneinfo.ZoneInfo("Asia/Aden")


def url(name: str, *args, language: str = "ar") -> str:
    with translation.override(language):
        return reverse(f"meetings:{name}", args=args)


def meeting_data(meeting: Meeting | None = None, **changes) -> dict:
    data = {
        "kind": MeetingKind.PARTNERS,
        "status": MeetingStatus.PLANNED,
        "title_ar": "اجتماع المتابعة",
        "title_en": "Follow-up meeting",
        "subject_ar": "",
        "subject_en": "",
        "starts_at": "2030-03-10T10:00",
        "ends_at": "2030-03-10T12:00",
        "place_ar": "مقر الوكالة",
        "place_en": "SMEPS",
        "host": "",
        "chair": "",
        "follows": "",
        "committee": "",
        "capacity": "",
        "invited": [],
        "version": "",
    }
    if meeting is not None:
        local = timezone.localtime
        data.update(
            kind=meeting.kind,
            status=meeting.status,
            title_ar=meeting.title_ar,
            title_en=meeting.title_en,
            starts_at=local(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
            ends_at=local(meeting.ends_at).strftime("%Y-%m-%dT%H:%M"),
            place_ar=meeting.place_ar,
            place_en=meeting.place_en,
            host=meeting.host_id,
            chair=meeting.chair_id or "",
            follows=meeting.follows_id or "",
            invited=list(meeting.invitations.values_list("organization_id", flat=True)),
            version=meeting.version,
        )
    data.update(changes)
    return data


def test_staff_add_a_meeting_read_as_aden_time_with_the_host_invited(staff_client, smeps, org_a):
    response = staff_client.post(url("create"), meeting_data(host=smeps.pk, invited=[org_a.pk]))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", meeting.pk)
    assert meeting.starts_at == datetime.datetime(2030, 3, 10, 10, 0, tzinfo=ADEN)
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 7
    assert set(MeetingInvitation.objects.values_list("organization", flat=True)) == {smeps.pk, org_a.pk}


def test_the_form_uses_the_browser_date_and_time_picker(staff_client):
    html = staff_client.get(url("create")).content.decode()
    assert 'type="datetime-local" name="starts_at"' in html
    assert 'type="datetime-local" name="ends_at"' in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_end_before_the_start_is_refused_beside_the_end_field(staff_client, smeps, language):
    response = staff_client.post(
        url("create", language=language), meeting_data(host=smeps.pk, ends_at="2030-03-10T09:00")
    )
    assert response.status_code == 200
    assert Meeting.objects.count() == 0
    assert "ends_at" in response.context["form"].errors
    with translation.override(language):
        message = str(translation.gettext("The meeting must end after it starts."))
    assert message in response.content.decode()
    if language == "ar":
        assert message != "The meeting must end after it starts."


def test_an_edit_made_on_a_stale_form_is_refused(staff_client, meeting_a):
    stale = meeting_data(meeting_a, title_en="My change")
    fresh = meeting_data(meeting_a, title_en="Their change")
    assert staff_client.post(url("edit", meeting_a.pk), fresh).status_code == 302
    response = staff_client.post(url("edit", meeting_a.pk), stale)
    assert response.status_code == 200
    assert str(STALE_EDIT_MESSAGE) in response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Their change"
    assert meeting_a.version == 2


def test_a_meeting_cannot_follow_a_later_meeting(staff_client, meeting_a, smeps):
    later = mf.MeetingFactory(host=smeps, starts_at=meeting_a.starts_at + datetime.timedelta(days=5))
    response = staff_client.post(url("edit", meeting_a.pk), meeting_data(meeting_a, follows=later.pk))
    assert response.status_code == 200
    assert "follows" in response.context["form"].errors
    meeting_a.refresh_from_db()
    assert meeting_a.follows is None


def test_a_future_meeting_cannot_be_marked_as_held(staff_client, smeps):
    response = staff_client.post(url("create"), meeting_data(host=smeps.pk, status=MeetingStatus.HELD))
    assert response.status_code == 200
    assert "status" in response.context["form"].errors


def test_the_chair_becomes_an_attendee_with_the_role_of_chair_and_their_organization_is_invited(
    staff_client, meeting_a, org_b
):
    chair = factories.ContactFactory(organization=org_b, full_name_ar="رئيس الاجتماع")
    response = staff_client.post(url("edit", meeting_a.pk), meeting_data(meeting_a, chair=chair.pk))
    assert response.status_code == 302
    attendance = Attendance.objects.get(meeting=meeting_a, contact=chair)
    assert attendance.role == AttendanceRole.CHAIR
    assert attendance.name_ar == "رئيس الاجتماع"
    assert MeetingInvitation.objects.filter(meeting=meeting_a, organization=org_b).exists()


def test_an_organization_with_attendees_cannot_be_dropped_from_the_invitations(staff_client, meeting_a, org_a):
    mf.attendee(meeting_a, factories.ContactFactory(organization=org_a))
    data = meeting_data(meeting_a)
    data["invited"] = [pk for pk in data["invited"] if pk != org_a.pk]
    response = staff_client.post(url("edit", meeting_a.pk), data)
    assert response.status_code == 200
    assert "invited" in response.context["form"].errors
    assert MeetingInvitation.objects.filter(meeting=meeting_a, organization=org_a).exists()


def test_a_follow_up_meeting_starts_from_the_earlier_one(staff_client, meeting_a):
    form = staff_client.get(url("create") + f"?follows={meeting_a.pk}").context["form"]
    assert form.initial["follows"] == meeting_a.pk
    assert form.initial["host"] == meeting_a.host_id
