"""A respondent's drafts, the submission that locks them, and staff's reopening.

Every write first locks the invitation's row (`select_for_update`): two tabs, a double click or an
autosave racing a submit are applied one after the other, and the invitation never gets two
responses (the one-to-one column also refuses a second one in the database).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import answers as answer_kinds
from ..models import Answer, Invitation, Question, Reopening, Response, ResponseStatus, Section, SurveyStatus
from ..selectors import list_values, missing_required, response_answers, survey_questions, survey_sections


class ResponseLocked(ValidationError):
    """The response is submitted: nothing changes until staff reopen it."""

    def __init__(self):
        super().__init__(
            _("This questionnaire was already submitted, so it cannot be changed. Ask SMEPS to reopen it if needed."),
            code="locked",
        )


class IncompleteResponse(ValidationError):
    """Required questions are still unanswered; `missing` lists them by section."""

    def __init__(self, missing: list[tuple[Section, list[Question]]]):
        self.missing = missing
        super().__init__(_("Some required questions are not answered yet."), code="incomplete")


class NotAccepting(ValidationError):
    def __init__(self):
        super().__init__(_("This questionnaire does not accept answers now."), code="closed")


def _lock_invitation(invitation: Invitation) -> tuple[Invitation, Response]:
    """The invitation's row locked, and its response (created on the first save)."""
    locked = Invitation.objects.select_for_update().select_related("survey").get(pk=invitation.pk)
    if locked.revoked_at is not None or locked.survey.status != SurveyStatus.OPEN:
        raise NotAccepting()
    response, _created = Response.objects.get_or_create(invitation=locked)
    return locked, response


def _clear_hidden_answers(response: Response, questions: list[Question]) -> None:
    """Answers to questions whose condition no longer holds are removed, not kept out of sight."""
    given = response_answers(response)
    shown = answer_kinds.visible_ids(questions, list_values(given))
    hidden = [pk for pk in given if pk not in shown]
    if hidden:
        response.answers.filter(question_id__in=hidden).delete()


@transaction.atomic
def response_save_section(
    *, invitation: Invitation, section: Section, answers: dict[Question, object], resume_at: Section | None = None
) -> Response:
    """Store one section's answers (as the section's form cleaned them) in the response's draft.

    Creates the response on the first save; an empty value removes that answer; answers to
    questions hidden by a condition are removed everywhere in the response; `resume_at` (the
    section by default) is where the link opens next time. Refused (ResponseLocked) once the
    response is submitted, and (NotAccepting) when the link or the survey no longer accepts answers.
    """
    locked, response = _lock_invitation(invitation)
    if response.is_submitted:
        raise ResponseLocked()
    if section.survey_id != locked.survey_id:
        raise NotAccepting()
    stored = {answer.question_id: answer for answer in response.answers.filter(question__section=section)}
    for question, value in answers.items():
        if question.section_id != section.pk:
            continue
        answer = stored.get(question.pk)
        if answer_kinds.is_empty(value):
            if answer is not None:
                answer.delete()
            continue
        if answer is None:
            answer = Answer(response=response, question=question)
        answer_kinds.store(answer, question, value)
        answer.full_clean(exclude=["response", "question"], validate_unique=False, validate_constraints=False)
        answer.save()
    _clear_hidden_answers(response, survey_questions(locked.survey))
    response.current_section = resume_at or section
    response.save(update_fields=["current_section", "updated_at"])
    return response


@transaction.atomic
def response_submit(*, invitation: Invitation) -> Response:
    """Lock the response once every required question shown has an answer.

    Submitting a response that is already submitted changes nothing and returns it: a double
    click or a second tab makes one response. Raises IncompleteResponse, listing the sections
    with unanswered required questions, and leaves the draft as it is.
    """
    locked, response = _lock_invitation(invitation)
    if response.is_submitted:
        return response
    missing = missing_required(
        survey_sections(locked.survey), survey_questions(locked.survey), response_answers(response)
    )
    if missing:
        raise IncompleteResponse(missing)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.version += 1
    response.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    return response


@transaction.atomic
def response_reopen(*, response: Response, by, reason: str) -> Response:
    """Turn a submitted response back into a draft its organization can change again, and log who
    reopened it, when and why. Refused without a reason, or while the survey is not open."""
    locked = Response.objects.select_for_update().select_related("invitation__survey").get(pk=response.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the response is reopened.")})
    if not locked.is_submitted:
        raise ValidationError(_("This response is not submitted, so there is nothing to reopen."))
    if locked.invitation.survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Open the questionnaire again first: its links do not work while it is closed."))
    reopening = Reopening(response=locked, reopened_by=by, reason=reason)
    reopening.full_clean()
    reopening.save()
    locked.status = ResponseStatus.DRAFT
    locked.submitted_at = None
    locked.version += 1
    locked.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    return locked
