"""Meetings, who was invited, who attended, and the agenda."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from core.models import TimeStampedModel, VersionedModel, bilingual
from partners.models import Contact, Organization, Title

# A chain of meetings longer than this is a data error, not a history.
MAX_CHAIN_LENGTH = 200


class MeetingKind(models.TextChoices):
    PARTNERS = "partners", _("Partners meeting")
    COMMITTEE = "committee", _("Committee meeting")
    WORKSHOP = "workshop", _("Workshop")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


# The status of one meeting, worded to agree with what it is (in Arabic a meeting, اجتماع, is
# masculine and a workshop, ورشة, feminine); the choices' labels above name meetings in general.
STATUS_OF_A_MEETING = {
    MeetingStatus.PLANNED: pgettext_lazy("status of a meeting", "Planned"),
    MeetingStatus.HELD: pgettext_lazy("status of a meeting", "Held"),
    MeetingStatus.CANCELLED: pgettext_lazy("status of a meeting", "Cancelled"),
}
STATUS_OF_A_WORKSHOP = {
    MeetingStatus.PLANNED: pgettext_lazy("status of a workshop", "Planned"),
    MeetingStatus.HELD: pgettext_lazy("status of a workshop", "Held"),
    MeetingStatus.CANCELLED: pgettext_lazy("status of a workshop", "Cancelled"),
}


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MeetingQuerySet":
        """Staff and the governor's office: every meeting. A partner member: the meetings their
        organization hosts, was invited to or attended. Anyone else: none."""
        if is_agency_staff(user) or is_governor_office(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is None:
            return self.none()
        invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), organization_id=org_id)
        attended = Attendance.objects.filter(meeting=OuterRef("pk"), organization_id=org_id)
        return self.filter(Q(host_id=org_id) | Exists(invited) | Exists(attended))

    def editable_by(self, user) -> "MeetingQuerySet":
        """Only agency staff create and edit meetings."""
        return self if is_agency_staff(user) else self.none()

    def upcoming(self) -> "MeetingQuerySet":
        """Meetings that have not ended yet (today's included while they last)."""
        return self.filter(ends_at__gte=timezone.now())

    def past(self) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=timezone.now())


class Meeting(TimeStampedModel, VersionedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.PARTNERS)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    subject_ar = models.TextField(_("subject (Arabic)"), blank=True)
    subject_en = models.TextField(_("subject (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    date_is_tentative = models.BooleanField(
        _("date to be confirmed"),
        default=False,
        help_text=_("The date is an estimate; calendars show it as tentative."),
    )
    place_ar = models.CharField(_("place (Arabic)"), max_length=255)
    place_en = models.CharField(_("place (English)"), max_length=255, blank=True)
    host = models.ForeignKey(
        Organization, verbose_name=_("host"), related_name="hosted_meetings", on_delete=models.PROTECT
    )
    chair = models.ForeignKey(
        Contact,
        verbose_name=_("chair"),
        related_name="chaired_meetings",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    follows = models.ForeignKey(
        "self",
        verbose_name=_("follows"),
        related_name="followed_by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("The earlier meeting this one follows up."),
    )
    committee = models.ForeignKey(
        "meetings.Committee",
        verbose_name=_("committee"),
        related_name="meetings",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("For a committee meeting: the committee that meets."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("For a workshop: how many people can attend.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=Q(committee__isnull=True) | Q(kind=MeetingKind.COMMITTEE),
                name="meeting_committee_only_for_committee_meetings",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(kind=MeetingKind.WORKSHOP, capacity__gte=1),
                name="meeting_capacity_only_for_workshops",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        if self.committee_id and self.kind != MeetingKind.COMMITTEE:
            errors["committee"] = _("Only a committee meeting belongs to a committee.")
        if self.capacity is not None and self.kind != MeetingKind.WORKSHOP:
            errors["capacity"] = _("Only a workshop has a capacity.")
        if self.status == MeetingStatus.HELD and self.starts_at and self.starts_at > timezone.now():
            errors["status"] = _("A meeting that has not started yet cannot be marked as held.")
        follows_error = self._follows_error()
        if follows_error:
            errors["follows"] = follows_error
        if errors:
            raise ValidationError(errors)

    def _follows_error(self):
        if self.follows_id is None:
            return None
        if self.pk is not None and self.follows_id == self.pk:
            return _("A meeting cannot follow itself.")
        # Walking up the chain must never come back to this meeting.
        seen = set()
        current_id = self.follows_id
        while current_id is not None and len(seen) < MAX_CHAIN_LENGTH:
            if current_id == self.pk or current_id in seen:
                return _("This would make a circle of meetings that follow each other.")
            seen.add(current_id)
            current_id = Meeting.objects.filter(pk=current_id).values_list("follows_id", flat=True).first()
        earlier = Meeting.objects.filter(pk=self.follows_id).values_list("starts_at", flat=True).first()
        if earlier is not None and self.starts_at and earlier >= self.starts_at:
            return _("The meeting followed up must take place before this one.")
        if self.pk is not None and self.starts_at:
            later = self.followed_by.filter(starts_at__lte=self.starts_at).first()
            if later is not None:
                return _("%(meeting)s follows this meeting, so this one must take place before it.") % {
                    "meeting": later.title
                }
        return None

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def subject(self) -> str:
        return bilingual(self, "subject")

    @property
    def place(self) -> str:
        return bilingual(self, "place")

    @property
    def is_workshop(self) -> bool:
        return self.kind == MeetingKind.WORKSHOP

    @property
    def status_label(self) -> str:
        labels = STATUS_OF_A_WORKSHOP if self.is_workshop else STATUS_OF_A_MEETING
        return str(labels.get(self.status, self.get_status_display()))

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at >= timezone.now()

    @property
    def needs_update(self) -> bool:
        """Still "planned" although it is over: the secretary should record what happened."""
        return self.status == MeetingStatus.PLANNED and self.ends_at < timezone.now()

    @property
    def is_open_for_registration(self) -> bool:
        return self.is_workshop and self.status == MeetingStatus.PLANNED and self.starts_at > timezone.now()


class MeetingInvitation(models.Model):
    """An organization invited to a meeting (its people are recorded as Attendance rows)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), related_name="invitations", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="meeting_invitations", on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        ordering = ["organization__name_ar"]
        verbose_name = _("invited organization")
        verbose_name_plural = _("invited organizations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], name="invitation_unique_per_meeting"),
        ]

    def __str__(self):
        return f"{self.meeting} - {self.organization}"


class AttendanceRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")
    EXPERT = "expert", _("Expert")
    GUEST = "guest", _("Guest")


class Attendance(models.Model):
    """One person invited to a meeting, or a group recorded without names ("a number of the
    agency's experts"). Name and position are copied from the registry when the person is added,
    so that the minutes keep what was true on the day."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), related_name="attendances", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="meeting_attendances", on_delete=models.PROTECT
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("person"),
        related_name="meeting_attendances",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    title = models.CharField(_("title"), max_length=10, choices=Title.choices, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    position_ar = models.CharField(_("position (Arabic)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=AttendanceRole.choices, default=AttendanceRole.MEMBER)
    present = models.BooleanField(_("present"), null=True, blank=True, help_text=_("Empty until it is recorded."))
    is_group = models.BooleanField(
        _("group without names"), default=False, help_text=_("For example: a number of the agency's experts.")
    )
    headcount = models.PositiveSmallIntegerField(
        _("number of people"), null=True, blank=True, help_text=_("For a group; leave empty when it is not known.")
    )

    class Meta:
        ordering = ["is_group", "name_ar", "pk"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "contact"],
                condition=Q(contact__isnull=False),
                name="attendance_person_once_per_meeting",
            ),
            models.CheckConstraint(condition=~Q(name_ar=""), name="attendance_has_a_name"),
            models.CheckConstraint(
                condition=Q(is_group=False) | Q(contact__isnull=True), name="attendance_group_has_no_contact"
            ),
            models.CheckConstraint(
                condition=Q(headcount__isnull=True) | Q(is_group=True, headcount__gte=1),
                name="attendance_headcount_only_for_groups",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def name(self) -> str:
        return bilingual(self, "name")

    @property
    def position(self) -> str:
        return bilingual(self, "position")

    @property
    def display_name(self) -> str:
        title = self.get_title_display() if self.title else ""
        return f"{title} {self.name}".strip()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), related_name="agenda_items", on_delete=models.CASCADE
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    presenter = models.ForeignKey(
        Contact,
        verbose_name=_("presenter"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    presenter_name_ar = models.CharField(_("presenter, if not in the registry (Arabic)"), max_length=200, blank=True)
    presenter_name_en = models.CharField(_("presenter, if not in the registry (English)"), max_length=200, blank=True)
    outcome_ar = models.TextField(_("outcome (Arabic)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique"),
            models.CheckConstraint(condition=Q(order__gte=1), name="agenda_item_order_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def outcome(self) -> str:
        return bilingual(self, "outcome")

    @property
    def presenter_label(self) -> str:
        if self.presenter_id:
            return self.presenter.display_name
        return bilingual(self, "presenter_name")
