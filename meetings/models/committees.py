"""Committees (formed at a meeting, with members and a deadline) and workshop registrations."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from core.models import TimeStampedModel, VersionedModel, bilingual
from partners.models import Contact, Organization

from .meetings import Meeting, MeetingStatus

# One organization registers at most this many names for a workshop.
MAX_REGISTRATION_NAMES = 25


class CommitteeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommitteeQuerySet":
        """Staff and the governor's office: all. A partner member: committees their organization
        (or one of its people) sits on, and those formed at or meeting in a meeting they see."""
        if is_agency_staff(user) or is_governor_office(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is None:
            return self.none()
        visible_meetings = Meeting.objects.visible_to(user)
        member_org = Committee.member_organizations.through.objects.filter(
            committee=OuterRef("pk"), organization_id=org_id
        )
        member_person = Committee.member_contacts.through.objects.filter(
            committee=OuterRef("pk"), contact__organization_id=org_id
        )
        meets = visible_meetings.filter(committee=OuterRef("pk"))
        return self.filter(
            Exists(member_org) | Exists(member_person) | Exists(meets) | Q(formed_at__in=visible_meetings.values("pk"))
        )

    def editable_by(self, user) -> "CommitteeQuerySet":
        return self if is_agency_staff(user) else self.none()


class Committee(TimeStampedModel, VersionedModel):
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    purpose_ar = models.TextField(_("purpose (Arabic)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    formed_at = models.ForeignKey(
        Meeting,
        verbose_name=_("formed at"),
        related_name="committees_formed",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("The meeting that formed the committee."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    is_done = models.BooleanField(_("done"), default=False)
    member_organizations = models.ManyToManyField(
        Organization, verbose_name=_("member organizations"), related_name="committees", blank=True
    )
    member_contacts = models.ManyToManyField(
        Contact, verbose_name=_("member people"), related_name="committees", blank=True
    )

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["is_done", "deadline", "pk"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:committee_detail", args=[self.pk])

    @property
    def name(self) -> str:
        return bilingual(self, "name")

    @property
    def purpose(self) -> str:
        return bilingual(self, "purpose")

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.deadline is not None and self.deadline < timezone.localdate()


class WorkshopRegistration(TimeStampedModel):
    """The names an invited organization registers for a workshop; one registration per organization."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("workshop"), related_name="registrations", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="workshop_registrations", on_delete=models.PROTECT
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    attendee_names = models.TextField(_("names of who will come"), help_text=_("One name per line."))
    count = models.PositiveSmallIntegerField(_("number of people"))

    class Meta:
        ordering = ["organization__name_ar"]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], name="registration_one_per_organization"),
            models.CheckConstraint(
                condition=Q(count__gte=1, count__lte=MAX_REGISTRATION_NAMES), name="registration_count_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.meeting} - {self.organization}"

    @property
    def names(self) -> list[str]:
        return [line.strip() for line in self.attendee_names.splitlines() if line.strip()]


@dataclass(frozen=True)
class RegistrationClosed:
    """Why an organization cannot register for a workshop now, and what it can do instead."""

    reason: str  # "cancelled", "held", "started", "not_invited" or "full"
    message: str
    advice: str = ""


# Who reads the reason: staff can change the workshop, a partner can ask the organizer, the
# governor's office only reads.
STAFF, PARTNER, READER = "staff", "partner", "reader"


def registration_closed(
    meeting: Meeting, *, invited: bool, seats_taken: int, has_registration: bool = False, audience: str = PARTNER
) -> RegistrationClosed | None:
    """None when registration is open to the asker, else why not, with advice for `audience`.

    `invited`: whether the partner's organization is invited (staff register for any invited
    organization; the host always is). `seats_taken` counts every organization's names; one that has a
    registration (`has_registration`) may still change or withdraw its names when the workshop is full.
    """
    host = meeting.host.name
    day = date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")

    def advice(*, staff: str, partner: str = "") -> str:
        return {STAFF: staff, PARTNER: partner}.get(audience, "")

    if meeting.status == MeetingStatus.CANCELLED:
        return RegistrationClosed(
            "cancelled",
            gettext("This workshop was cancelled."),
            advice(
                staff=gettext("Change its status on the edit page if it takes place after all."),
                partner=gettext("For any question, contact the organizer, %(host)s.") % {"host": host},
            ),
        )
    if meeting.status == MeetingStatus.HELD:
        return RegistrationClosed(
            "held",
            gettext("This workshop was held on %(date)s.") % {"date": day},
            gettext("Who attended, the minutes and the documents are on the workshop's page."),
        )
    if meeting.starts_at <= timezone.now():
        return RegistrationClosed(
            "started",
            gettext("This workshop began on %(date)s: registration closed when it began.") % {"date": day},
            advice(
                staff=gettext("Record who came on the attendance page, then mark the workshop as held."),
                partner=gettext("To bring someone now, contact the organizer, %(host)s.") % {"host": host},
            ),
        )
    if not invited and audience == PARTNER:
        return RegistrationClosed(
            "not_invited",
            gettext("Your organization is not invited to this workshop."),
            gettext("Ask %(host)s to add your organization to the invited organizations.") % {"host": host},
        )
    if meeting.capacity is not None and seats_taken >= meeting.capacity and not has_registration:
        return RegistrationClosed(
            "full",
            ngettext(
                "The workshop is full: its %(count)s seat is taken.",
                "The workshop is full: all its %(count)s seats are taken.",
                meeting.capacity,
            )
            % {"count": meeting.capacity},
            advice(
                staff=gettext("Raise the capacity on the edit page, or ask an organization to withdraw names."),
                partner=gettext("Contact the organizer, %(host)s, to ask whether a seat becomes free.")
                % {"host": host},
            ),
        )
    return None
