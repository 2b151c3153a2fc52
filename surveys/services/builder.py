"""A survey's structure and life: create, edit, open, close, copy; its sections, questions and choices.

What may change once questions have answers is decided in `surveys.rules` (through the models'
`clean()`), so that these services, the portal's forms and the admin refuse the same things.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.concurrency import save_versioned

from .. import rules
from ..models import CHOICE_KINDS, Choice, Question, Section, Survey, SurveyStatus

UP, DOWN = "up", "down"


@transaction.atomic
def survey_save(*, survey: Survey, expected_version: int | None, by=None) -> Survey:
    """Create or update a survey's titles, introduction and deadline; refuses a stale edit."""
    if survey.pk is None:
        survey.created_by = by
    survey.full_clean()
    save_versioned(survey, expected_version=expected_version)
    return survey


def survey_create(
    *, by, title_ar: str, title_en: str = "", description_ar: str = "", description_en: str = "", closes_on=None
) -> Survey:
    """A new draft survey with no sections yet."""
    survey = Survey(
        title_ar=title_ar,
        title_en=title_en,
        description_ar=description_ar,
        description_en=description_en,
        closes_on=closes_on,
    )
    return survey_save(survey=survey, expected_version=None, by=by)


def structure_problems(survey: Survey) -> list[str]:
    """What keeps a survey from being opened, in the active language (empty when it can open)."""
    questions = list(Question.objects.filter(survey=survey).annotate(choice_count=models.Count("choices")))
    problems = []
    if not questions:
        problems.append(_("The questionnaire has no questions yet."))
    for question in questions:
        if question.kind in CHOICE_KINDS and question.choice_count < 2:
            problems.append(_("“%(question)s” needs at least two choices.") % {"question": question.label})
    return problems


def _lock(survey: Survey) -> Survey:
    return Survey.objects.select_for_update().get(pk=survey.pk)


def _set_status(survey: Survey, locked: Survey, **changes) -> Survey:
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.version += 1
    locked.save(update_fields=[*changes, "version", "updated_at"])
    survey.refresh_from_db()
    return survey


@transaction.atomic
def survey_open(*, survey: Survey, by) -> Survey:
    """Open a draft (or closed) survey for answers; refuses one without questions or with a choice
    question that has fewer than two choices. Invitation links work while the survey is open."""
    locked = _lock(survey)
    problems = structure_problems(locked)
    if problems:
        raise ValidationError(problems)
    if locked.status == SurveyStatus.OPEN:
        return survey
    return _set_status(
        survey, locked, status=SurveyStatus.OPEN, opened_at=locked.opened_at or timezone.now(), closed_at=None
    )


@transaction.atomic
def survey_close(*, survey: Survey, by) -> Survey:
    """Close an open survey: every invitation link stops working; answers stay as they are."""
    locked = _lock(survey)
    if locked.status != SurveyStatus.OPEN:
        raise ValidationError(_("Only an open questionnaire can be closed."))
    return _set_status(survey, locked, status=SurveyStatus.CLOSED, closed_at=timezone.now())


@transaction.atomic
def survey_copy(*, survey: Survey, by) -> Survey:
    """A new draft with the same sections, questions (same codes, so exports line up round after
    round), choices and conditions; no invitations or answers are copied."""
    titles = {}
    for language in ("ar", "en"):
        original = getattr(survey, f"title_{language}")
        with translation.override(language):
            titles[language] = (_("%(title)s (copy)") % {"title": original})[:200] if original else ""
    copy = Survey(
        title_ar=titles["ar"],
        title_en=titles["en"],
        description_ar=survey.description_ar,
        description_en=survey.description_en,
        copied_from=survey,
    )
    survey_save(survey=copy, expected_version=None, by=by)
    new_questions: dict[int, Question] = {}
    conditions: list[tuple[Question, int, str]] = []
    for section in survey.sections.prefetch_related("questions__choices"):
        new_section = Section.objects.create(
            survey=copy,
            order=section.order,
            title_ar=section.title_ar,
            title_en=section.title_en,
            intro_ar=section.intro_ar,
            intro_en=section.intro_en,
        )
        for question in section.questions.all():
            old_pk = question.pk
            fields = {
                field.name: getattr(question, field.name)
                for field in Question._meta.concrete_fields
                if field.name
                not in ("id", "survey", "section", "show_if_question", "show_if_value", "created_at", "updated_at")
            }
            new_question = Question.objects.create(section=new_section, **fields)
            new_questions[old_pk] = new_question
            if question.show_if_question_id:
                conditions.append((new_question, question.show_if_question_id, question.show_if_value))
            Choice.objects.bulk_create(
                Choice(question=new_question, order=c.order, value=c.value, label_ar=c.label_ar, label_en=c.label_en)
                for c in question.choices.all()
            )
    for new_question, old_controller, value in conditions:
        new_question.show_if_question = new_questions[old_controller]
        new_question.show_if_value = value
        new_question.save(update_fields=["show_if_question", "show_if_value"])
    return copy


@transaction.atomic
def survey_delete(*, survey: Survey) -> None:
    """Delete a survey nobody was invited to; one with invitations is closed instead, never deleted."""
    if survey.invitations.exists():
        raise ValidationError(
            _("Organizations were invited to this questionnaire, so it cannot be deleted. Close it instead.")
        )
    # Conditions protect the questions they use; the whole survey goes, so they go first.
    Question.objects.filter(survey=survey).update(show_if_question=None, show_if_value="")
    survey.delete()


def _next_order(queryset) -> int:
    return (queryset.aggregate(top=Max("order"))["top"] or 0) + 1


def _renumber(items: list) -> None:
    for number, item in enumerate(items, start=1):
        if item.order != number:
            type(item).objects.filter(pk=item.pk).update(order=number)
            item.order = number


def _move(item, siblings, direction: str) -> None:
    items = list(siblings.order_by("order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == UP else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    _renumber(items)


def _check_conditions_order(survey: Survey) -> None:
    """Every question with a condition must still come after the question its condition uses."""
    questions = {q.pk: q for q in Question.objects.filter(survey=survey).select_related("section")}
    for question in questions.values():
        controller = questions.get(question.show_if_question_id)
        if controller is not None and rules.position(controller) >= rules.position(question):
            raise ValidationError(
                _("This move would put “%(question)s” before the question that decides whether it is shown.")
                % {"question": question.label}
            )


@transaction.atomic
def section_save(*, section: Section) -> Section:
    """Create or update a section; a new one goes last."""
    if section.pk is None:
        section.order = _next_order(Section.objects.filter(survey=section.survey))
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def section_move(*, section: Section, direction: str) -> None:
    """Swap the section with the one before or after it; refused if a condition would point forward."""
    _move(section, Section.objects.filter(survey_id=section.survey_id), direction)
    _check_conditions_order(section.survey)


@transaction.atomic
def section_delete(*, section: Section) -> None:
    """Delete a section and its questions; refused when one of them has answers or is used by a condition."""
    questions = Question.objects.filter(section=section)
    if any(question.has_answers for question in questions):
        raise ValidationError(_("Some questions of this section already have answers, so it cannot be deleted."))
    if Question.objects.filter(show_if_question__in=questions).exclude(section=section).exists():
        raise ValidationError(_("Questions of other sections are shown depending on this section's answers."))
    questions.update(show_if_question=None, show_if_value="")
    try:
        section.delete()
    except ProtectedError:
        raise ValidationError(
            _("Some questions of this section already have answers, so it cannot be deleted.")
        ) from None
    _renumber(list(Section.objects.filter(survey_id=section.survey_id).order_by("order", "pk")))


@transaction.atomic
def question_save(*, question: Question) -> Question:
    """Create or update a question; refuses a change that would alter what stored answers mean."""
    if question.pk is None:
        question.order = _next_order(Question.objects.filter(section=question.section))
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_move(*, question: Question, direction: str) -> None:
    """Swap the question with the one before or after it in its section."""
    _move(question, Question.objects.filter(section_id=question.section_id), direction)
    _check_conditions_order(question.survey)


@transaction.atomic
def question_delete(*, question: Question) -> None:
    """Delete a question nobody answered and no condition uses (its answers are protected)."""
    if question.has_answers:
        raise ValidationError(
            _(
                "“%(question)s” already has answers, so it cannot be deleted. "
                "Copy the questionnaire to start a new round."
            )
            % {"question": question.label}
        )
    if question.dependents.exists():
        raise ValidationError(
            _("Other questions are shown depending on “%(question)s”; change their condition first.")
            % {"question": question.label}
        )
    section_id = question.section_id
    question.delete()
    _renumber(list(Question.objects.filter(section_id=section_id).order_by("order", "pk")))


@transaction.atomic
def choice_save(*, choice: Choice) -> Choice:
    """Create or update a choice; the value of a choice that answers picked stays as it is."""
    if choice.pk is None:
        choice.order = _next_order(Choice.objects.filter(question=choice.question))
    choice.full_clean()
    choice.save()
    return choice


@transaction.atomic
def choice_move(*, choice: Choice, direction: str) -> None:
    _move(choice, Choice.objects.filter(question_id=choice.question_id), direction)


@transaction.atomic
def choice_delete(*, choice: Choice) -> None:
    """Delete a choice that no answer picked and no condition uses."""
    rules.choice_delete_check(choice)
    question_id = choice.question_id
    choice.delete()
    _renumber(list(Choice.objects.filter(question_id=question_id).order_by("order", "pk")))
