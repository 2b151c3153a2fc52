"""Minutes, kept as numbered versions: draft -> circulated -> approved.

An approved version is the record of the meeting and is never changed: a correction after
approval is a new version (a draft again), and the approved one stays readable. `save()`,
`delete()` and the queryset's `update()`/`delete()` all refuse to touch an approved row, so that no
code path (a view, the admin, a shell) can rewrite the record by mistake.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import VersionedModel, bilingual

from .meetings import Meeting


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated")
    APPROVED = "approved", _("Approved")


# Partner members and the governor's office read these states; drafts are the secretary's.
PUBLISHED_STATES = (MinutesState.CIRCULATED, MinutesState.APPROVED)


class MinutesLockedError(ValidationError):
    def __init__(self):
        super().__init__(
            _("Approved minutes cannot be changed. Edit the minutes to start a new version."), code="locked"
        )


class MinutesVersionQuerySet(models.QuerySet):
    def published(self) -> "MinutesVersionQuerySet":
        return self.filter(state__in=PUBLISHED_STATES)

    def readable_by_staff(self, is_staff: bool) -> "MinutesVersionQuerySet":
        return self if is_staff else self.published()

    def update(self, **kwargs):
        if self.filter(state=MinutesState.APPROVED).exists():
            raise MinutesLockedError()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(state=MinutesState.APPROVED).exists():
            raise MinutesLockedError()
        return super().delete()


class MinutesVersion(VersionedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), related_name="minutes_versions", on_delete=models.PROTECT
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text_ar = models.TextField(_("minutes (Arabic)"), blank=True)
    text_en = models.TextField(_("minutes (English)"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=MinutesState.choices, default=MinutesState.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    circulated_at = models.DateTimeField(_("circulated at"), null=True, blank=True)
    circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("circulated by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = MinutesVersionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "-number"]
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="minutes_version_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="minutes_version_number_positive"),
            # Only the newest version may still be worked on: at most one that is not approved.
            models.UniqueConstraint(
                fields=["meeting"],
                condition=~Q(state=MinutesState.APPROVED),
                name="minutes_one_open_version_per_meeting",
            ),
            models.CheckConstraint(
                condition=Q(state=MinutesState.APPROVED, approved_at__isnull=False)
                | (~Q(state=MinutesState.APPROVED) & Q(approved_at__isnull=True)),
                name="minutes_approved_iff_approval_time",
            ),
            models.CheckConstraint(
                condition=Q(state=MinutesState.DRAFT) | Q(circulated_at__isnull=False),
                name="minutes_published_were_circulated",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} - {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self)._base_manager.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == MinutesState.APPROVED:
                raise MinutesLockedError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.state == MinutesState.APPROVED:
            raise MinutesLockedError()
        return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:minutes_version", args=[self.meeting_id, self.number])

    @property
    def text(self) -> str:
        return bilingual(self, "text")

    @property
    def is_locked(self) -> bool:
        return self.state == MinutesState.APPROVED

    @property
    def is_published(self) -> bool:
        return self.state in PUBLISHED_STATES
