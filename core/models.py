from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """A row edited through forms: `version` lets an update refuse to overwrite a newer edit."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def bilingual(obj, field: str) -> str:
    """The active language's value of `<field>_ar` / `<field>_en`, falling back to the other."""
    ar = getattr(obj, f"{field}_ar", "") or ""
    en = getattr(obj, f"{field}_en", "") or ""
    if (get_language() or "ar").startswith("en"):
        return en or ar
    return ar or en


class UserProfile(models.Model):
    """How the portal names a user, in both languages: the account's first and last name hold one
    language only, and an Arabic page should not show "Awsina Bahaidan" for أوسينا باحيدان."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), related_name="profile", on_delete=models.CASCADE
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=150, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("display name")
        verbose_name_plural = _("display names")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self, "name")
