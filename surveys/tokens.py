"""Invitation links that staff can show at any time and that a copy of the database does not give.

The scheme:

- Each invitation stores a random `key` of 128 bits (`secrets.token_urlsafe(16)`, 22 characters).
  The key alone opens nothing.
- The link's token is `<key>.<mac>`, where `mac` is HMAC-SHA256 of the survey's id and the key under
  settings.SECRET_KEY (`django.utils.crypto.salted_hmac`), cut to its first 128 bits and written in
  URL-safe base64 (22 characters). Staff's pages compute it again whenever they show the link, so
  the link itself is never stored; someone with the database but not SECRET_KEY cannot make one.
- A token is checked by looking the invitation up by its key within the survey of the URL and
  comparing the MAC in constant time (`constant_time_compare`). MACs made with a key of
  SECRET_KEY_FALLBACKS are still accepted, so rotating SECRET_KEY that way keeps links working.
- Revoking an invitation, or issuing a new link, replaces the key: every earlier link stops working.
"""

import base64
import re
import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

KEY_BYTES = 16  # 128 bits
_SALT = "surveys.invitation-link"
_PART = r"[A-Za-z0-9_-]{22}"
_TOKEN = re.compile(rf"({_PART})\.({_PART})")


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def _mac(*, survey_id: int, key: str, secret: str | None = None) -> str:
    digest = salted_hmac(_SALT, f"{survey_id}:{key}", secret=secret, algorithm="sha256").digest()[:KEY_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def make_token(*, survey_id: int, key: str) -> str:
    return f"{key}.{_mac(survey_id=survey_id, key=key)}"


def split_token(token: str) -> tuple[str, str] | None:
    """(key, mac) of a well-formed token, or None."""
    match = _TOKEN.fullmatch(token or "")
    return (match.group(1), match.group(2)) if match else None


def mac_matches(*, survey_id: int, key: str, mac: str) -> bool:
    secrets_to_try = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        constant_time_compare(mac, _mac(survey_id=survey_id, key=key, secret=secret)) for secret in secrets_to_try
    )
