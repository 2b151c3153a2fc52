"""Writes to meetings, invitations, attendance, agenda items, committees and workshop registrations."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.concurrency import save_versioned
from partners.models import Contact, Organization

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Committee,
    Meeting,
    MeetingInvitation,
    WorkshopRegistration,
)
from ..models.committees import MAX_REGISTRATION_NAMES, registration_closed


def _snapshot(contact: Contact) -> dict:
    """What the minutes keep of a person: their name and position on the day."""
    return {
        "organization_id": contact.organization_id,
        "title": contact.title,
        "name_ar": contact.full_name_ar,
        "name_en": contact.full_name_en,
        "position_ar": contact.position_ar,
        "position_en": contact.position_en,
    }


def _ensure_invited(meeting: Meeting, organization_ids: Iterable[int]) -> None:
    existing = set(meeting.invitations.values_list("organization_id", flat=True))
    MeetingInvitation.objects.bulk_create(
        [MeetingInvitation(meeting=meeting, organization_id=org_id) for org_id in set(organization_ids) - existing]
    )


def _set_invitations(meeting: Meeting, organizations: Iterable[Organization]) -> None:
    wanted = {org.pk for org in organizations} | {meeting.host_id}
    if meeting.chair_id:
        wanted.add(meeting.chair.organization_id)
    current = set(meeting.invitations.values_list("organization_id", flat=True))
    dropped = current - wanted
    if dropped:
        busy = set(meeting.attendances.filter(organization_id__in=dropped).values_list("organization_id", flat=True))
        busy |= set(meeting.registrations.filter(organization_id__in=dropped).values_list("organization_id", flat=True))
        if busy:
            names = ", ".join(org.name for org in Organization.objects.filter(pk__in=busy))
            raise ValidationError(
                {
                    "invited": _(
                        "%(names)s cannot be removed from the invitations: people of theirs are recorded "
                        "as attendees or registered. Remove those first."
                    )
                    % {"names": names}
                }
            )
        meeting.invitations.filter(organization_id__in=dropped).delete()
    _ensure_invited(meeting, wanted)


def _sync_chair(meeting: Meeting) -> None:
    # The chair is an attendee with the role "chair"; a former chair becomes a member again.
    meeting.attendances.filter(role=AttendanceRole.CHAIR).exclude(contact_id=meeting.chair_id).update(
        role=AttendanceRole.MEMBER
    )
    if meeting.chair_id is None:
        return
    attendance = meeting.attendances.filter(contact_id=meeting.chair_id).first()
    if attendance is None:
        Attendance.objects.create(
            meeting=meeting, contact=meeting.chair, role=AttendanceRole.CHAIR, **_snapshot(meeting.chair)
        )
    elif attendance.role != AttendanceRole.CHAIR:
        attendance.role = AttendanceRole.CHAIR
        attendance.save(update_fields=["role"])


def committee_previous_meeting(*, committee: Committee, before) -> Meeting | None:
    """What a committee meeting starting at `before` follows up: the committee's latest meeting
    before it, else the meeting that formed the committee (when it took place before)."""
    earlier = committee.meetings.filter(starts_at__lt=before).order_by("-starts_at", "-pk").first()
    if earlier is None and committee.formed_at_id and committee.formed_at.starts_at < before:
        earlier = committee.formed_at
    return earlier


def _invite_committee_members(meeting: Meeting) -> None:
    committee = meeting.committee
    organization_ids = set(committee.member_organizations.values_list("pk", flat=True))
    _ensure_invited(meeting, organization_ids)
    attendees_add(meeting=meeting, contacts=committee.member_contacts.select_related("organization"))


@transaction.atomic
def meeting_save(
    *, meeting: Meeting, expected_version: int | None, invited: Iterable[Organization] | None = None, user=None
) -> Meeting:
    """Create or update a meeting; refuses a stale edit, an end before the start, a circle of
    follow-ups, and a capacity below the seats already registered. The host (and the chair's
    organization) are always among the invited organizations, and the chair is an attendee.

    A new committee meeting invites the committee's member organizations and people, and, unless
    told otherwise, follows the committee's previous meeting (see committee_previous_meeting)."""
    is_new_committee_meeting = meeting.pk is None and meeting.committee_id is not None
    if meeting.pk is None and user is not None and meeting.created_by_id is None:
        meeting.created_by = user
    if is_new_committee_meeting and meeting.follows_id is None and meeting.starts_at:
        meeting.follows = committee_previous_meeting(committee=meeting.committee, before=meeting.starts_at)
    meeting.full_clean()
    if meeting.pk is not None and meeting.capacity is not None:
        registered = meeting.registrations.aggregate(total=Sum("count"))["total"] or 0
        if registered > meeting.capacity:
            raise ValidationError(
                {
                    "capacity": ngettext(
                        "%(count)s person is already registered: the capacity cannot be lower.",
                        "%(count)s people are already registered: the capacity cannot be lower.",
                        registered,
                    )
                    % {"count": registered}
                }
            )
    save_versioned(meeting, expected_version=expected_version)
    if invited is not None:
        _set_invitations(meeting, invited)
    else:
        _ensure_invited(meeting, [meeting.host_id, *([meeting.chair.organization_id] if meeting.chair_id else [])])
    if is_new_committee_meeting:
        _invite_committee_members(meeting)
    _sync_chair(meeting)
    return meeting


@transaction.atomic
def attendees_add(*, meeting: Meeting, contacts: Iterable[Contact], role: str = AttendanceRole.MEMBER) -> int:
    """Invite people of the registry; their organizations become invited too. Returns how many
    were added (people already on the list are left as they are)."""
    already = set(meeting.attendances.exclude(contact=None).values_list("contact_id", flat=True))
    added = []
    for contact in contacts:
        if contact.pk in already:
            continue
        attendance = Attendance(meeting=meeting, contact=contact, role=role, **_snapshot(contact))
        attendance.full_clean()
        added.append(attendance)
        already.add(contact.pk)
    Attendance.objects.bulk_create(added)
    _ensure_invited(meeting, [attendance.organization_id for attendance in added])
    return len(added)


@transaction.atomic
def attendee_add_other(
    *,
    meeting: Meeting,
    organization: Organization,
    name_ar: str,
    name_en: str = "",
    position_ar: str = "",
    position_en: str = "",
    role: str = AttendanceRole.MEMBER,
    is_group: bool = False,
    headcount: int | None = None,
) -> Attendance:
    """Add someone who is not in the registry, or a group recorded without names."""
    attendance = Attendance(
        meeting=meeting,
        organization=organization,
        name_ar=name_ar,
        name_en=name_en,
        position_ar=position_ar,
        position_en=position_en,
        role=role,
        is_group=is_group,
        headcount=headcount if is_group else None,
    )
    attendance.full_clean()
    attendance.save()
    _ensure_invited(meeting, [organization.pk])
    return attendance


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, changes: Iterable[tuple[Attendance, str, bool | None]], removed: Iterable[Attendance] = ()
) -> None:
    """Record each attendee's role and presence (True present, False absent, None not recorded),
    and remove those taken off the list. Presence is recorded only once the meeting has started."""
    changes = list(changes)
    removed = list(removed)
    if not meeting.has_started and any(present is not None for _a, _r, present in changes):
        raise ValidationError(_("Presence can be recorded once the meeting has started."))
    if meeting.chair_id and any(attendance.contact_id == meeting.chair_id for attendance in removed):
        raise ValidationError(_("The chair cannot be removed from the attendees. Change the meeting's chair first."))
    for attendance, role, present in changes:
        if attendance.meeting_id != meeting.pk:
            raise ValidationError(_("This attendee belongs to another meeting."))
        if role == AttendanceRole.CHAIR and attendance.contact_id != meeting.chair_id:
            raise ValidationError(
                _("Only the meeting's chair has the role of chair. Change the chair in the meeting's details.")
            )
        attendance.role = role
        attendance.present = present
        attendance.full_clean()
        attendance.save(update_fields=["role", "present"])
    for attendance in removed:
        if attendance.meeting_id == meeting.pk:
            attendance.delete()


@transaction.atomic
def agenda_item_save(*, item: AgendaItem) -> AgendaItem:
    """Create (at the end of the agenda) or update an agenda item."""
    if item.pk is None and not item.order:
        Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
        last = AgendaItem.objects.filter(meeting_id=item.meeting_id).aggregate(last=Max("order"))["last"] or 0
        item.order = last + 1
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item; the items after it move up, so the numbering stays 1, 2, 3..."""
    Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
    meeting_id, order = item.meeting_id, item.order
    item.delete()
    for later in AgendaItem.objects.filter(meeting_id=meeting_id, order__gt=order).order_by("order"):
        later.order -= 1
        later.save(update_fields=["order"])


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    """Swap an item with the one before (up) or after it."""
    Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
    siblings = AgendaItem.objects.filter(meeting_id=item.meeting_id)
    other = (
        siblings.filter(order__lt=item.order).order_by("-order").first()
        if up
        else siblings.filter(order__gt=item.order).order_by("order").first()
    )
    if other is None:
        return
    first, second = item.order, other.order
    # Through a free number: (meeting, order) is unique at every step.
    parking = (siblings.aggregate(last=Max("order"))["last"] or 0) + 1
    AgendaItem.objects.filter(pk=item.pk).update(order=parking)
    AgendaItem.objects.filter(pk=other.pk).update(order=first)
    AgendaItem.objects.filter(pk=item.pk).update(order=second)


@transaction.atomic
def committee_save(
    *,
    committee: Committee,
    expected_version: int | None,
    member_organizations: Iterable[Organization] | None = None,
    member_contacts: Iterable[Contact] | None = None,
) -> Committee:
    """Create or update a committee and its members; refuses a stale edit."""
    committee.full_clean()
    save_versioned(committee, expected_version=expected_version)
    if member_organizations is not None:
        committee.member_organizations.set(member_organizations)
    if member_contacts is not None:
        committee.member_contacts.set(member_contacts)
    return committee


def parse_names(text: str) -> list[str]:
    """One name per line; blank lines and surrounding spaces dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@transaction.atomic
def workshop_register(
    *, meeting: Meeting, organization: Organization, names: list[str], user
) -> WorkshopRegistration | None:
    """Set the names `organization` registers for a workshop (no names withdraws it).

    The workshop's row is locked while the seats are counted, so that two organizations
    registering at the same moment cannot together pass the capacity.
    """
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not locked.is_workshop:
        raise ValidationError(_("Registration is only for workshops."))
    existing = WorkshopRegistration.objects.filter(meeting=locked, organization=organization).first()
    taken = WorkshopRegistration.objects.filter(meeting=locked).aggregate(total=Sum("count"))["total"] or 0
    closed = registration_closed(locked, invited=True, seats_taken=taken, has_registration=existing is not None)
    if closed is not None:
        raise ValidationError(closed.message, code=closed.reason)
    if not locked.invitations.filter(organization=organization).exists():
        raise ValidationError(
            _("%(organization)s is not invited to this workshop.") % {"organization": organization.name},
            code="not_invited",
        )
    if not names:
        if existing is not None:
            existing.delete()
        return None
    if len(names) > MAX_REGISTRATION_NAMES:
        raise ValidationError(
            {
                "attendee_names": ngettext(
                    "At most %(count)s name per organization.",
                    "At most %(count)s names per organization.",
                    MAX_REGISTRATION_NAMES,
                )
                % {"count": MAX_REGISTRATION_NAMES}
            }
        )
    if locked.capacity is not None:
        others = (
            WorkshopRegistration.objects.filter(meeting=locked)
            .exclude(organization=organization)
            .aggregate(total=Sum("count"))["total"]
            or 0
        )
        left = max(locked.capacity - others, 0)
        if len(names) > left:
            raise ValidationError(
                {
                    "attendee_names": ngettext(
                        "Only %(left)s seat is left in this workshop; remove names to fit.",
                        "Only %(left)s seats are left in this workshop; remove names to fit.",
                        left,
                    )
                    % {"left": left}
                }
            )
    registration = existing or WorkshopRegistration(meeting=locked, organization=organization)
    registration.attendee_names = "\n".join(names)
    registration.count = len(names)
    registration.registered_by = user
    registration.full_clean()
    registration.save()
    return registration
