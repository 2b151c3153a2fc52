"""Optimistic locking: an edit based on an old version of a row is refused, not applied."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

STALE_EDIT_MESSAGE = _(
    "Someone else saved this record after you opened it. Your changes were not saved: "
    "reload the page to see the current version, then make your changes again."
)


class StaleEditError(ValidationError):
    def __init__(self):
        super().__init__(STALE_EDIT_MESSAGE, code="stale")


def save_versioned(instance: models.Model, *, expected_version: int | None) -> None:
    """Save `instance` only if its row still has `expected_version`; bump the version.

    Raises StaleEditError when another edit landed in between. Must run inside a transaction so
    that the version check and the write are one step.
    """
    model = type(instance)
    if instance.pk is None:
        instance.version = 1
        instance.save()
        return
    if expected_version is None:
        expected_version = instance.version
    claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=models.F("version") + 1
    )
    if not claimed:
        raise StaleEditError()
    instance.version = expected_version + 1
    instance.save()
