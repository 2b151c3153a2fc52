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
