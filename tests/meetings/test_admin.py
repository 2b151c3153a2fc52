"""The admin keeps the portal's rules: approved minutes read only, versioned meeting edits."""

from django.utils import timezone

from core.concurrency import STALE_EDIT_MESSAGE
from meetings.models import MinutesState, MinutesVersion

from . import factories as mf


def test_approved_minutes_are_read_only_and_cannot_be_deleted_in_the_admin(staff_client, meeting_a):
    approved = mf.minutes(meeting_a, state=MinutesState.APPROVED, text_ar="النص المعتمد")
    page = staff_client.get(f"/ar/admin/meetings/minutesversion/{approved.pk}/change/")
    assert page.status_code == 200
    assert 'name="text_ar"' not in page.content.decode()
    staff_client.post(f"/ar/admin/meetings/minutesversion/{approved.pk}/change/", {"text_ar": "تغيير"})
    assert staff_client.get(f"/ar/admin/meetings/minutesversion/{approved.pk}/delete/").status_code == 403
    staff_client.post(
        "/ar/admin/meetings/minutesversion/",
        {"action": "delete_selected", "_selected_action": [approved.pk], "post": "yes"},
    )
    assert MinutesVersion.objects.get(pk=approved.pk).text_ar == "النص المعتمد"


def test_a_draft_can_be_corrected_in_the_admin(staff_client, meeting_a):
    draft = mf.minutes(meeting_a, state=MinutesState.DRAFT)
    page = staff_client.get(f"/ar/admin/meetings/minutesversion/{draft.pk}/change/")
    assert 'name="text_ar"' in page.content.decode()


def test_an_admin_edit_of_a_meeting_from_a_stale_form_is_refused(staff_client, meeting_a):
    page = staff_client.get(f"/ar/admin/meetings/meeting/{meeting_a.pk}/change/")
    assert f'name="version" value="{meeting_a.version}"' in page.content.decode()
    local = timezone.localtime

    def data(title: str) -> dict:
        return {
            "kind": meeting_a.kind,
            "title_ar": title,
            "starts_at_0": local(meeting_a.starts_at).strftime("%Y-%m-%d"),
            "starts_at_1": local(meeting_a.starts_at).strftime("%H:%M"),
            "ends_at_0": local(meeting_a.ends_at).strftime("%Y-%m-%d"),
            "ends_at_1": local(meeting_a.ends_at).strftime("%H:%M"),
            "place_ar": meeting_a.place_ar,
            "host": meeting_a.host_id,
            "status": meeting_a.status,
            "version": meeting_a.version,
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("invitations", "attendances", "agenda_items", "documents")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        }

    url = f"/ar/admin/meetings/meeting/{meeting_a.pk}/change/"
    assert staff_client.post(url, data("تعديل أول")).status_code == 302
    response = staff_client.post(url, data("تعديل من نموذج قديم"))
    assert response.status_code == 200
    assert str(STALE_EDIT_MESSAGE) in response.content.decode()
    meeting_a.refresh_from_db()
    assert (meeting_a.title_ar, meeting_a.version) == ("تعديل أول", 2)
