"""Writes to the personal calendar feed."""

import secrets

from django.db import transaction

from ..models import CalendarFeed
from ..models.calendar import hash_feed_token


@transaction.atomic
def calendar_feed_rotate(*, user) -> str:
    """Make a new secret feed link for `user` and return its token (shown once; only its hash is
    stored). The previous link, if any, stops working at once."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": hash_feed_token(token)})
    return token
