"""Writes to the minutes: edit, circulate, approve.

A draft is edited in place. A circulated version edited again goes back to draft (it must be
circulated again before approval). An approved version is never changed: editing the minutes
after approval makes the next version, a draft, and the approved one stays readable.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.concurrency import StaleEditError, save_versioned
from core.mail import absolute_url, email_enqueue

from ..models import Meeting, MinutesState, MinutesVersion
from ..selectors import minutes_recipients


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    based_on: MinutesVersion | None,
    expected_version: int | None,
    text_ar: str,
    text_en: str,
    user,
) -> MinutesVersion:
    """Save the minutes text; returns the version written (a new one after approval).

    `based_on` is the version the editor started from: if someone has added a version since,
    or changed that one, the edit is refused as stale instead of overwriting theirs.
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    latest = meeting.minutes_versions.order_by("-number").first()
    if (based_on is None) != (latest is None) or (latest is not None and latest.pk != based_on.pk):
        raise StaleEditError()
    if not (text_ar or "").strip() and not (text_en or "").strip():
        raise ValidationError({"text_ar": _("Write the minutes in Arabic or in English.")})
    if latest is None or latest.state == MinutesState.APPROVED:
        version = MinutesVersion(
            meeting=meeting,
            number=(latest.number + 1) if latest else 1,
            text_ar=text_ar,
            text_en=text_en,
            created_by=user,
        )
        version.full_clean()
        save_versioned(version, expected_version=None)
        return version
    latest.text_ar = text_ar
    latest.text_en = text_en
    latest.state = MinutesState.DRAFT
    latest.circulated_at = None
    latest.circulated_by = None
    latest.full_clean()
    save_versioned(latest, expected_version=expected_version)
    return latest


@transaction.atomic
def minutes_circulate(*, version: MinutesVersion, user, language: str = "ar") -> int:
    """Mark the version circulated and queue one email per attendee with a link to the minutes.

    Recipients are the attendees' registry emails and the active portal members of every invited
    organization. The emails leave through the task queue after commit; the request only queues.
    Returns the number of emails queued.
    """
    locked = MinutesVersion.objects.select_for_update().get(pk=version.pk)
    if locked.state == MinutesState.APPROVED:
        raise ValidationError(_("These minutes are already approved."))
    if not (locked.text_ar.strip() or locked.text_en.strip()):
        raise ValidationError(_("Write the minutes before circulating them."))
    locked.state = MinutesState.CIRCULATED
    locked.circulated_at = timezone.now()
    locked.circulated_by = user
    save_versioned(locked, expected_version=locked.version)
    meeting = locked.meeting
    with translation.override(language):
        link = absolute_url(reverse("meetings:minutes", args=[meeting.pk]))
    recipients = minutes_recipients(meeting=meeting)
    for email in recipients:
        email_enqueue(
            to=email,
            template="meetings/email/minutes_circulated",
            context={"meeting": meeting, "version": locked, "link": link},
            language=language,
        )
    version.refresh_from_db()
    return len(recipients)


@transaction.atomic
def minutes_approve(*, version: MinutesVersion, user) -> MinutesVersion:
    """Approve circulated minutes; from then on that version is locked."""
    locked = MinutesVersion.objects.select_for_update().get(pk=version.pk)
    if locked.state != MinutesState.CIRCULATED:
        raise ValidationError(_("Only circulated minutes can be approved. Circulate them to the attendees first."))
    locked.state = MinutesState.APPROVED
    locked.approved_at = timezone.now()
    locked.approved_by = user
    save_versioned(locked, expected_version=locked.version)
    version.refresh_from_db()
    return locked
