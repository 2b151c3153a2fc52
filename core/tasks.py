"""Background tasks shared by every app. Run in-process by default, by `manage.py db_worker` in
production (TASKS_BACKEND=database)."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str, html: str = "", reply_to: list[str] | None = None) -> int:
    """Send one already-rendered email; returns the number of messages sent (0 or 1)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, reply_to=reply_to or None)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
