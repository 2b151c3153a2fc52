"""A personal calendar feed: calendar apps cannot sign in, so the URL carries a secret."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_feed_token(token: str) -> str:
    """Only the hash is stored: a copy of the database gives no working feed URL."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), related_name="meetings_feed", on_delete=models.CASCADE
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Reset when the link is rotated: the time the current link was made.
    created_at = models.DateTimeField(_("link created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
