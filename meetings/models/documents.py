"""Documents of a meeting or a committee, their versions (files) and attendees' notes.

Files are stored under MEDIA_ROOT with random names and served only by a view that checks who
asks (meetings.views.documents); the name the user gave is kept in `original_name` for the
download's Content-Disposition.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from core.models import TimeStampedModel, bilingual
from partners.models import Organization

from .committees import Committee
from .meetings import Meeting

# Sniffed content type -> the extension the stored file gets.
STORED_EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
}


def document_file_path(instance: "DocumentVersion", filename: str) -> str:
    """A random path: the name a user gave never becomes a path on the server."""
    extension = STORED_EXTENSIONS.get(instance.content_type, "bin")
    return f"meetings/documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DocumentQuerySet":
        """The documents of the meetings and committees `user` may see."""
        if is_agency_staff(user) or is_governor_office(user):
            return self
        if partner_organization_id(user) is None:
            return self.none()
        return self.filter(
            Q(meeting__in=Meeting.objects.visible_to(user).values("pk"))
            | Q(committee__in=Committee.objects.visible_to(user).values("pk"))
        )

    def notable_by(self, user) -> "DocumentQuerySet":
        """Documents `user` may add a note to: staff all; partner members those they see."""
        if is_agency_staff(user):
            return self
        if is_governor_office(user) or partner_organization_id(user) is None:
            return self.none()
        return self.visible_to(user)


class Document(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        related_name="documents",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        related_name="documents",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False, committee__isnull=True)
                | Q(meeting__isnull=True, committee__isnull=False),
                name="document_belongs_to_meeting_or_committee",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:document_detail", args=[self.pk])

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def owner(self):
        """The meeting or the committee the document belongs to."""
        return self.meeting if self.meeting_id else self.committee


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), related_name="versions", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    comment = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="document_version_number_positive"),
            models.CheckConstraint(condition=Q(content_type__in=list(STORED_EXTENSIONS)), name="document_known_type"),
        ]

    def __str__(self):
        return f"{self.document} - {self.number}"

    def get_absolute_url(self):
        return reverse("meetings:document_version_download", args=[self.pk])

    @property
    def extension(self) -> str:
        return STORED_EXTENSIONS.get(self.content_type, "")


class DocumentNote(models.Model):
    """A note an attendee adds to a document (the seed's "adding the attendees' notes to the study")."""

    document = models.ForeignKey(Document, verbose_name=_("document"), related_name="notes", on_delete=models.CASCADE)
    version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("version"),
        related_name="notes",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    author_name = models.CharField(_("author's name"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        related_name="document_notes",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="document_note_not_empty")]

    def __str__(self):
        return self.text[:60]
