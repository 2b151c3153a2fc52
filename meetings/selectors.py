"""Reads of the meetings app that more than one view (or the home panels) need."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone
from django.utils.translation import get_language

from core.access import is_agency_staff
from partners.models import Membership, Organization

from .models import (
    Attendance,
    Committee,
    Document,
    DocumentVersion,
    Meeting,
    MeetingInvitation,
    MeetingKind,
    MeetingStatus,
    MinutesState,
    MinutesVersion,
)
from .models.calendar import CalendarFeed, hash_feed_token

MEETING_SORTS = {
    "date": ("starts_at",),
    "title": ("title_sort", "starts_at"),
    "kind": ("kind", "starts_at"),
    "status": ("status", "starts_at"),
}
COMMITTEE_SORTS = {
    "name": ("name_sort",),
    "deadline": ("deadline", "name_sort"),
    "formed": ("formed_at__starts_at", "name_sort"),
}
MAX_CHAIN = 50


def _bilingual_sort(field: str):
    first, second = (
        (f"{field}_en", f"{field}_ar")
        if (get_language() or "ar").startswith("en")
        else (
            f"{field}_ar",
            f"{field}_en",
        )
    )
    return Lower(Coalesce(NullIf(first, Value("")), second))


def _readable_minutes(user) -> QuerySet[MinutesVersion]:
    return MinutesVersion.objects.all() if is_agency_staff(user) else MinutesVersion.objects.published()


def meetings_list(*, user) -> QuerySet[Meeting]:
    """Meetings `user` may see, with what a list row shows (host, minutes state); filters are in
    meetings/filters.py. The number of queries does not depend on the number of rows."""
    latest_minutes = _readable_minutes(user).filter(meeting=OuterRef("pk")).order_by("-number")
    return (
        Meeting.objects.visible_to(user)
        .select_related("host", "committee")
        .annotate(
            title_sort=_bilingual_sort("title"),
            minutes_state=Subquery(latest_minutes.values("state")[:1]),
        )
    )


def meetings_opening_tab(*, meetings: QuerySet[Meeting]) -> str:
    """The tab the meetings list opens on: "upcoming", unless nothing is planned and meetings were
    held, then "past", so that the list a user meets first is not empty when it need not be."""
    if meetings.upcoming().exists() or not meetings.past().exists():
        return "upcoming"
    return "past"


def meeting_chain(*, meeting: Meeting, user) -> list[Meeting]:
    """The meetings `meeting` follows and those that follow it, that `user` may see, in date order."""
    visible = Meeting.objects.visible_to(user)
    chain = {meeting.pk: meeting}
    current = meeting
    while current.follows_id and len(chain) < MAX_CHAIN:
        earlier = visible.filter(pk=current.follows_id).first()
        if earlier is None or earlier.pk in chain:
            break
        chain[earlier.pk] = earlier
        current = earlier
    frontier = [meeting.pk]
    while frontier and len(chain) < MAX_CHAIN:
        later = [m for m in visible.filter(follows_id__in=frontier) if m.pk not in chain]
        chain.update({m.pk: m for m in later})
        frontier = [m.pk for m in later]
    return sorted(chain.values(), key=lambda m: (m.starts_at, m.pk))


@dataclass(frozen=True)
class AttendeeGroup:
    organization: Organization
    attendees: list[Attendance]

    @property
    def present_count(self) -> int:
        return sum(1 for a in self.attendees if a.present)


def attendee_groups(*, meeting: Meeting) -> list[AttendeeGroup]:
    """The attendees by organization: the host first, then by name; the chair first within each."""
    rows = list(meeting.attendances.select_related("organization", "contact"))
    groups: dict[int, list[Attendance]] = {}
    organizations: dict[int, Organization] = {}
    for row in rows:
        groups.setdefault(row.organization_id, []).append(row)
        organizations[row.organization_id] = row.organization
    role_rank = {"chair": 0, "member": 1, "expert": 2, "guest": 3}

    def org_key(org_id):
        return (org_id != meeting.host_id, organizations[org_id].name.casefold())

    return [
        AttendeeGroup(
            organization=organizations[org_id],
            attendees=sorted(groups[org_id], key=lambda a: (a.is_group, role_rank.get(a.role, 9), a.name)),
        )
        for org_id in sorted(groups, key=org_key)
    ]


def minutes_versions(*, meeting: Meeting, user) -> QuerySet[MinutesVersion]:
    """The versions of the minutes `user` may read, newest first (drafts for staff only)."""
    return _readable_minutes(user).filter(meeting=meeting).select_related("approved_by").order_by("-number")


def minutes_current(*, meeting: Meeting, user) -> MinutesVersion | None:
    """The newest version `user` may read, or None."""
    return minutes_versions(meeting=meeting, user=user).first()


def minutes_recipients(*, meeting: Meeting) -> list[str]:
    """Emails of the attendees (from the registry) and of the invited organizations' active members."""
    emails = set()
    for email in meeting.attendances.exclude(contact=None).values_list("contact__email", flat=True):
        if email:
            emails.add(email.strip().lower())
    organization_ids = set(meeting.invitations.values_list("organization_id", flat=True))
    organization_ids |= set(meeting.attendances.values_list("organization_id", flat=True))
    members = Membership.objects.filter(
        organization_id__in=organization_ids, is_active=True, user__is_active=True
    ).values_list("user__email", flat=True)
    emails |= {email.strip().lower() for email in members if email}
    return sorted(emails)


@dataclass(frozen=True)
class AttendanceRate:
    held_invited: int
    held_present: int

    @property
    def percent(self) -> int | None:
        if not self.held_invited:
            return None
        return round(100 * self.held_present / self.held_invited)


def organization_meetings(*, organization: Organization, user) -> QuerySet[Meeting]:
    """Meetings `organization` hosted or was invited to (that `user` may see), newest first, each
    with `org_present` (someone of the organization was present) and `org_attendees`."""
    invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), organization=organization)
    attended = Attendance.objects.filter(meeting=OuterRef("pk"), organization=organization)
    present = attended.filter(present=True)
    return (
        Meeting.objects.visible_to(user)
        .filter(Q(host=organization) | Exists(invited) | Exists(attended))
        .annotate(
            org_present=Exists(present),
            org_attendees=Count("attendances", filter=Q(attendances__organization=organization)),
        )
        .select_related("host")
        .order_by("-starts_at", "pk")
    )


def attendance_rate(*, organization: Organization) -> AttendanceRate:
    """Held meetings where someone of `organization` was present / held meetings it was invited to."""
    invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), organization=organization)
    attended = Attendance.objects.filter(meeting=OuterRef("pk"), organization=organization)
    held = Meeting.objects.filter(status=MeetingStatus.HELD).filter(
        Q(host=organization) | Exists(invited) | Exists(attended)
    )
    counts = held.aggregate(invited=Count("pk"), present=Count("pk", filter=Q(Exists(attended.filter(present=True)))))
    return AttendanceRate(held_invited=counts["invited"], held_present=counts["present"])


def committees_list(*, user) -> QuerySet[Committee]:
    """Committees `user` may see, with their formed-at meeting and counts for a list row."""
    return (
        Committee.objects.visible_to(user)
        .select_related("formed_at")
        .annotate(
            name_sort=_bilingual_sort("name"),
            organization_count=Count("member_organizations", distinct=True),
            meeting_count=Count("meetings", distinct=True),
        )
    )


def committee_meetings(*, committee: Committee, user) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user).filter(committee=committee).select_related("host").order_by("starts_at")


def documents_of(*, user, meeting: Meeting | None = None, committee: Committee | None = None) -> QuerySet[Document]:
    """Documents of a meeting or committee `user` may see, with their versions and note counts."""
    qs = Document.objects.visible_to(user)
    qs = qs.filter(meeting=meeting) if meeting is not None else qs.filter(committee=committee)
    return qs.annotate(note_count=Count("notes", distinct=True)).prefetch_related(
        Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))
    )


def upcoming_meetings(*, user, limit: int = 3) -> list[Meeting]:
    """The next meetings `user` may see, not cancelled, soonest first."""
    return list(
        Meeting.objects.visible_to(user)
        .upcoming()
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("host")
        .order_by("starts_at", "pk")[:limit]
    )


def minutes_awaiting_action() -> dict:
    """For staff: meetings whose newest minutes are a draft or circulated and not yet approved,
    and held meetings without minutes."""
    latest = MinutesVersion.objects.filter(meeting=OuterRef("pk")).order_by("-number")
    meetings = Meeting.objects.annotate(minutes_state=Subquery(latest.values("state")[:1]))
    return {
        "circulated": list(meetings.filter(minutes_state=MinutesState.CIRCULATED).order_by("-starts_at")[:5]),
        "drafts": meetings.filter(minutes_state=MinutesState.DRAFT).count(),
        "missing": meetings.filter(status=MeetingStatus.HELD, minutes_state__isnull=True).count(),
    }


def workshops_open_for(*, organization_id: int) -> list[Meeting]:
    """Planned workshops ahead that the organization was invited to, with seats taken."""
    invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), organization_id=organization_id)
    return list(
        Meeting.objects.filter(kind=MeetingKind.WORKSHOP, status=MeetingStatus.PLANNED, starts_at__gt=timezone.now())
        .filter(Exists(invited))
        .annotate(seats_taken=Coalesce(Sum("registrations__count"), 0))
        .order_by("starts_at")[:5]
    )


def feed_user(*, token: str):
    """The active user whose calendar feed `token` opens, or None."""
    if not token or len(token) > 100:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=hash_feed_token(token)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def feed_meetings(*, user) -> QuerySet[Meeting]:
    """What a personal feed lists: meetings `user` may see from today on, cancelled ones included
    (calendars then show them as cancelled)."""
    start_of_today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Meeting.objects.visible_to(user).filter(ends_at__gte=start_of_today).order_by("starts_at")
