"""Reads of the meetings app that more than one view (or the home panels) need."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext

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
from .models.meetings import MAX_CHAIN_LENGTH

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
# The chain panel shows at most this many meetings.
MAX_CHAIN = 100


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


@dataclass
class ChainBranch:
    """A run of meetings each following the one before, then the branches that follow its last
    meeting when more than one meeting follows it (the chain forks there)."""

    meetings: list[Meeting]
    forks: list["ChainBranch"]


@dataclass
class MeetingChain:
    branches: list[ChainBranch]  # one, unless the start of the chain is hidden from the user
    meetings: list[Meeting]  # every meeting of the chain the user may see, in date order

    def __len__(self) -> int:
        return len(self.meetings)


def _chain_links(meeting_pk: int) -> dict[int, int | None]:
    """{meeting id: id of the meeting it follows} for every meeting connected to `meeting_pk`
    through "follows": up to the first meeting of the chain, then everything that follows that one,
    branches included. One query, whatever the length of the chain."""
    quote = connection.ops.quote_name
    table = quote(Meeting._meta.db_table)
    pk = quote(Meeting._meta.pk.column)
    follows = quote(Meeting._meta.get_field("follows").column)
    # The depth bound stops a circle of meetings (a data error that clean() refuses) from looping.
    sql = f"""
        WITH RECURSIVE up(id, parent, depth) AS (
            SELECT {pk}, {follows}, 0 FROM {table} WHERE {pk} = %s
            UNION ALL
            SELECT m.{pk}, m.{follows}, up.depth + 1 FROM {table} m JOIN up ON m.{pk} = up.parent
            WHERE up.depth < %s
        ),
        down(id, parent, depth) AS (
            SELECT id, parent, 0 FROM (SELECT id, parent FROM up ORDER BY depth DESC LIMIT 1) first_meeting
            UNION ALL
            SELECT m.{pk}, m.{follows}, down.depth + 1 FROM {table} m JOIN down ON m.{follows} = down.id
            WHERE down.depth < %s
        )
        SELECT id, parent, MIN(depth) FROM down GROUP BY id, parent ORDER BY MIN(depth) LIMIT %s
    """  # noqa: S608 - only quoted table and column names are formatted in; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting_pk, MAX_CHAIN_LENGTH, MAX_CHAIN_LENGTH, MAX_CHAIN])
        return {row[0]: row[1] for row in cursor.fetchall()}


def meeting_chain(*, meeting: Meeting, user) -> MeetingChain:
    """Every meeting connected to `meeting` through "follows" (what it follows, and everything
    that follows the first meeting of its chain, forks included) that `user` may see, as a tree.
    Two queries, whatever the size of the chain; at most MAX_CHAIN meetings."""
    links = _chain_links(meeting.pk)
    links.setdefault(meeting.pk, meeting.follows_id)
    visible = {m.pk: m for m in Meeting.objects.visible_to(user).filter(pk__in=list(links))}
    visible[meeting.pk] = meeting

    def visible_parent(pk: int) -> int | None:
        # A meeting hidden from the user is skipped: the next one hangs on the one before it.
        seen = set()
        parent = links.get(pk)
        while parent is not None and parent not in visible and parent not in seen:
            seen.add(parent)
            parent = links.get(parent)
        return parent if parent in visible and parent != pk else None

    def order(m: Meeting):
        return (m.starts_at, m.pk)

    children: dict[int | None, list[Meeting]] = {}
    for m in visible.values():
        children.setdefault(visible_parent(m.pk), []).append(m)
    for followers in children.values():
        followers.sort(key=order)

    def branch_from(first: Meeting, placed: set[int]) -> ChainBranch:
        run = [first]
        placed.add(first.pk)
        while True:
            followers = [m for m in children.get(run[-1].pk, []) if m.pk not in placed]
            if len(followers) != 1:
                return ChainBranch(meetings=run, forks=[branch_from(m, placed) for m in followers])
            run.append(followers[0])
            placed.add(followers[0].pk)

    placed: set[int] = set()
    branches = [branch_from(m, placed) for m in children.get(None, [])]
    if meeting.pk not in placed:  # only when the stored links make a circle
        branches.append(branch_from(meeting, placed))
    return MeetingChain(branches=branches, meetings=sorted(visible.values(), key=order))


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


def committee_next_meeting_initial(*, committee: Committee) -> dict:
    """The form's starting values for the committee's next meeting: a committee meeting that
    follows its latest meeting (or the meeting that formed it), at the same place and host,
    with the committee's member organizations (and those of its member people) invited."""
    latest = committee.meetings.order_by("-starts_at", "-pk").first() or committee.formed_at
    invited = set(committee.member_organizations.values_list("pk", flat=True))
    invited |= set(committee.member_contacts.values_list("organization_id", flat=True))
    initial = {"kind": MeetingKind.COMMITTEE, "committee": committee.pk, "invited": sorted(invited)}
    for language in ("ar", "en"):
        name = getattr(committee, f"name_{language}") or committee.name_ar
        with translation.override(language):
            initial[f"title_{language}"] = gettext("Meeting of %(committee)s") % {"committee": name}
    if latest is not None:
        initial.update(
            follows=latest.pk,
            host=latest.host_id,
            place_ar=latest.place_ar,
            place_en=latest.place_en,
            chair=latest.chair_id,
        )
    return initial


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
