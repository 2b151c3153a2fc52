"""The links organizations get: creating and emailing them, revoking and renewing them, reminders.

Emails never leave inside the request: each invitation queues one message through
`core.mail.email_enqueue`, which hands it to the task queue once the transaction commits.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_enqueue

from .. import tokens
from ..models import Invitation, Reminder, ReminderVia, ResponseStatus, Survey, SurveyStatus
from ..selectors import invitation_link, invitation_recipients, recipient_prefetches


def _email_context(invitation: Invitation, language: str) -> dict:
    return {
        "survey": invitation.survey,
        "organization": invitation.organization,
        "link": invitation_link(invitation, language=language),
        "closes_on": invitation.survey.closes_on,
    }


def _refuse_unless_open(survey: Survey) -> None:
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("The questionnaire is not open. Open it before inviting or reminding organizations."))


@transaction.atomic
def invitations_create(*, survey: Survey, organizations, by, language: str = "ar") -> list[Invitation]:
    """Invite each of `organizations` that has no invitation to the (open) survey yet and email its
    link; returns the new invitations. Organizations already invited are left as they are."""
    _refuse_unless_open(survey)
    already = set(survey.invitations.values_list("organization_id", flat=True))
    created = []
    for organization in organizations:
        if organization.pk in already:
            continue
        invitation = Invitation(
            survey=survey, organization=organization, key=tokens.new_key(), language=language, created_by=by
        )
        invitation.full_clean(exclude=["survey", "organization"], validate_constraints=False)
        try:
            # Two staff inviting at the same moment: the unique pair keeps one invitation.
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            continue
        invitation_send(invitation=invitation, by=by, language=language)
        created.append(invitation)
    return created


@transaction.atomic
def invitation_send(*, invitation: Invitation, by, language: str | None = None) -> bool:
    """Queue the invitation email to the organization's addresses (see `invitation_recipients`).

    Returns False, queuing nothing, when the organization has no address: staff copy the link
    into WhatsApp or a text message instead. Refused for a revoked link or a survey not open.
    """
    _refuse_unless_open(invitation.survey)
    if invitation.revoked_at is not None:
        raise ValidationError(_("This link was revoked. Issue a new link first."))
    recipients = invitation_recipients(invitation.organization)
    if not recipients:
        return False
    language = language or invitation.language
    email_enqueue(
        to=recipients,
        template="surveys/email/invitation",
        context=_email_context(invitation, language),
        language=language,
    )
    changes = {"language": language}
    if invitation.sent_at is None:
        changes["sent_at"] = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(**changes, updated_at=timezone.now())
    for name, value in changes.items():
        setattr(invitation, name, value)
    return True


@transaction.atomic
def invitation_mark_shared(*, invitation: Invitation, by) -> Invitation:
    """Record that staff passed the link on themselves (WhatsApp, a text message), so that the
    board counts the invitation as sent."""
    if invitation.sent_at is None:
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> Invitation:
    """Stop the link from working at once (its key is replaced); answers saved so far stay."""
    invitation.key = tokens.new_key()
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["key", "revoked_at", "updated_at"])
    return invitation


@transaction.atomic
def invitation_renew(*, invitation: Invitation, by) -> Invitation:
    """Issue a new link for the invitation (after a revoke, or when a link went to the wrong
    person): earlier links stop working, the answers saved so far stay with the new one."""
    invitation.key = tokens.new_key()
    invitation.revoked_at = None
    invitation.save(update_fields=["key", "revoked_at", "updated_at"])
    return invitation


def invitation_record_open(*, invitation: Invitation) -> None:
    """Remember when the link was first and last opened (two single-row updates, no lock)."""
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk, first_opened_at__isnull=True).update(first_opened_at=now)
    Invitation.objects.filter(pk=invitation.pk).update(last_opened_at=now)
    invitation.first_opened_at = invitation.first_opened_at or now
    invitation.last_opened_at = now


@dataclass
class RemindResult:
    reminded: list[Invitation] = field(default_factory=list)
    without_email: list[Invitation] = field(default_factory=list)
    already_today: list[Invitation] = field(default_factory=list)


def pending_invitations(survey: Survey):
    """Invitations of `survey` that went out (or were opened) and are not submitted yet."""
    return (
        Invitation.objects.filter(survey=survey, revoked_at__isnull=True)
        .filter(Q(sent_at__isnull=False) | Q(first_opened_at__isnull=False))
        .exclude(response__status=ResponseStatus.SUBMITTED)
        .select_related("survey", "organization")
        .prefetch_related(*recipient_prefetches("organization__"))
        .order_by("organization__name_ar")
    )


@transaction.atomic
def invitations_remind(*, survey: Survey, by, via: str, today: date | None = None) -> RemindResult:
    """Email a reminder on every invitation of the open survey that is not submitted yet, at most
    one per invitation per day.

    The day's reminder row is inserted first, in a savepoint; the email is queued only if the
    insert succeeded. The unique (invitation, day) constraint makes the portal's action and the
    scheduled command, run at the same moment, send one reminder between them.
    """
    _refuse_unless_open(survey)
    today = today or timezone.localdate()
    via = ReminderVia(via)
    result = RemindResult()
    for invitation in pending_invitations(survey):
        recipients = invitation_recipients(invitation.organization)
        if not recipients:
            result.without_email.append(invitation)
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(invitation=invitation, sent_on=today, sent_by=by, via=via)
        except IntegrityError:
            result.already_today.append(invitation)
            continue
        context = _email_context(invitation, invitation.language)
        context["overdue"] = survey.is_overdue(today)
        email_enqueue(to=recipients, template="surveys/email/reminder", context=context, language=invitation.language)
        result.reminded.append(invitation)
    return result
