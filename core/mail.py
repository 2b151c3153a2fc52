from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email


def absolute_url(path: str) -> str:
    """A link for an email: SITE_URL plus an absolute path."""
    return f"{settings.SITE_URL}{path}"


def email_enqueue(*, to: str | list[str], template: str, context: dict, language: str = "ar") -> None:
    """Render `template`_subject.txt / _body.txt in `language` and queue the email after commit.

    The request never waits on SMTP: the message goes to the task queue once the transaction that
    decided to send it has committed (nothing is sent for a rolled-back change).
    """
    recipients = [to] if isinstance(to, str) else list(to)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(to=recipients, subject=subject, body=body))
