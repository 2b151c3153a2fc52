"""The rules a survey's structure keeps, checked by the models' `clean()` so that the portal's
forms, the admin and the services refuse the same things with the same messages.

Editing a question that already has answers: the label, help text, "required" flag and place may
change (fixing a typo or moving a question does not change what an answer means); its type, code
and condition may not; its range or length may change only if every stored answer still fits.
A choice that some answer picked keeps its value (its label may be corrected) and cannot be
deleted. To change more, copy the questionnaire and start a new round.
"""

from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# The kinds a condition can test (their answers are lists of values).
CONDITION_KINDS = ("single_choice", "multiple_choice", "yes_no")
SHORT_TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 5000

# What may not change once a question has answers, with the message that says so.
ANSWERED_LOCKS = {
    "kind": _(
        "This question already has answers, so its type cannot be changed: the answers would change meaning. "
        "Copy the questionnaire to start a new round with the changed question."
    ),
    "code": _(
        "This question already has answers, so its code cannot be changed: exports of earlier rounds use it. "
        "Copy the questionnaire to start a new round with the changed question."
    ),
    "show_if_question": _(
        "This question already has answers, so its condition cannot be changed: the answers would change meaning. "
        "Copy the questionnaire to start a new round with the changed question."
    ),
}


def _model(name: str):
    return apps.get_model("surveys", name)


def text_limit(question) -> int:
    default = LONG_TEXT_LIMIT if question.kind == "long_text" else SHORT_TEXT_LIMIT
    return min(question.max_length or default, LONG_TEXT_LIMIT)


def position(question) -> tuple[int, int, int, int]:
    """Where a question comes in the survey: its section's place, then its own."""
    section = question.section
    return (section.order, section.pk or 0, question.order, question.pk or 0)


def condition_values(question) -> list[str]:
    """The values a condition on `question` may test."""
    if question.kind == "yes_no":
        return ["yes", "no"]
    if question.pk is None:
        return []
    return list(question.choices.values_list("value", flat=True))


def question_clean(question) -> None:
    errors: dict[str, list] = {}

    def refuse(field: str, message) -> None:
        errors.setdefault(field, []).append(message)

    section = question.section if question.section_id else None
    survey_id = section.survey_id if section else None
    if question.pk and section and question.survey_id and question.survey_id != survey_id:
        refuse("section", _("A question cannot move to a section of another questionnaire."))
    if survey_id and question.code:
        duplicates = _model("Question").objects.filter(survey_id=survey_id, code=question.code)
        if duplicates.exclude(pk=question.pk).exists():
            refuse("code", _("Another question of this questionnaire already has this code."))
    _check_range_and_length(question, refuse)
    if question.pk and question.kind not in CONDITION_KINDS and question.dependents.exists():
        refuse(
            "kind", _("Other questions are shown depending on this one, so it must stay a choice or yes/no question.")
        )
    if section:
        _check_condition(question, refuse)
    if question.pk:
        _check_answered_changes(question, refuse)
    if errors:
        raise ValidationError(errors)


def _check_range_and_length(question, refuse) -> None:
    numeric = question.kind in ("integer", "decimal", "amount")
    if not numeric and (question.min_value is not None or question.max_value is not None):
        refuse("min_value", _("Only number and amount questions have a smallest and largest value."))
    if question.kind == "amount" and question.min_value is not None and question.min_value < 0:
        refuse("min_value", _("An amount cannot be negative."))
    if question.kind in ("integer", "amount"):
        for field in ("min_value", "max_value"):
            value = getattr(question, field)
            if value is not None and value != value.to_integral_value():
                refuse(field, _("A whole number question needs whole limits."))
    if question.min_value is not None and question.max_value is not None and question.min_value > question.max_value:
        refuse("max_value", _("The largest value must not be smaller than the smallest value."))
    if question.max_length is not None:
        if question.kind not in ("short_text", "long_text"):
            refuse("max_length", _("Only text questions have a longest answer."))
        elif not 1 <= question.max_length <= LONG_TEXT_LIMIT:
            refuse("max_length", _("The longest answer must be between 1 and 5000 characters."))


def _check_condition(question, refuse) -> None:
    controller = question.show_if_question
    if controller is None:
        if question.show_if_value:
            refuse("show_if_question", _("Choose the question whose answer decides whether this one is shown."))
        return
    if controller.pk == question.pk or controller.survey_id != question.section.survey_id:
        refuse("show_if_question", _("The condition must use another question of the same questionnaire."))
        return
    if controller.kind not in CONDITION_KINDS:
        refuse("show_if_question", _("A condition can only use a choice or yes/no question."))
        return
    if position(controller) >= position(question):
        refuse("show_if_question", _("The condition must use a question that comes earlier in the questionnaire."))
    seen, step = {question.pk}, controller
    while step is not None:
        if step.pk in seen:
            refuse("show_if_question", _("These conditions would depend on each other in a circle."))
            return
        seen.add(step.pk)
        step = step.show_if_question
    if question.show_if_value not in condition_values(controller):
        refuse("show_if_value", _("Choose one of the values of that question."))


def _check_answered_changes(question, refuse) -> None:
    Question = _model("Question")
    stored = (
        Question.objects.filter(pk=question.pk)
        .values("kind", "code", "show_if_question_id", "show_if_value", "min_value", "max_value", "max_length")
        .first()
    )
    if stored is None or not question.answers.exists():
        return
    changed = {
        "kind": question.kind != stored["kind"],
        "code": question.code != stored["code"],
        "show_if_question": question.show_if_question_id != stored["show_if_question_id"]
        or question.show_if_value != stored["show_if_value"],
    }
    for field, message in ANSWERED_LOCKS.items():
        if changed[field]:
            refuse(field, message)
    changed_limits = any(
        getattr(question, field) != stored[field] for field in ("min_value", "max_value", "max_length")
    )
    if changed_limits:
        outside = _answers_outside_limits(question)
        if outside:
            refuse(
                "min_value" if question.kind in ("integer", "decimal", "amount") else "max_length",
                ngettext(
                    "%(count)s stored answer would no longer fit these limits. "
                    "Widen the limits, or copy the questionnaire to start a new round.",
                    "%(count)s stored answers would no longer fit these limits. "
                    "Widen the limits, or copy the questionnaire to start a new round.",
                    outside,
                )
                % {"count": outside},
            )


def _answers_outside_limits(question) -> int:
    answers = question.answers.all()
    if question.kind in ("integer", "decimal", "amount"):
        outside = 0
        for number in answers.exclude(number__isnull=True).values_list("number", flat=True):
            low, high = question.min_value, question.max_value
            if (low is not None and number < Decimal(low)) or (high is not None and number > Decimal(high)):
                outside += 1
        return outside
    if question.kind in ("short_text", "long_text"):
        limit = text_limit(question)
        return sum(1 for text in answers.values_list("text", flat=True) if len(text) > limit)
    return 0


def stored_value(choice) -> str | None:
    """The value the choice has in the database (None for a new choice)."""
    if choice.pk is None:
        return None
    return _model("Choice").objects.filter(pk=choice.pk).values_list("value", flat=True).first()


def choice_value_used(question_id: int, value: str | None) -> bool:
    """Whether some answer to the question picked `value`."""
    if value is None:
        return False
    lists = _model("Answer").objects.filter(question_id=question_id).values_list("values", flat=True)
    return any(value in (picked or []) for picked in lists)


def condition_uses_value(question_id: int, value: str | None) -> bool:
    return (
        value is not None
        and _model("Question").objects.filter(show_if_question_id=question_id, show_if_value=value).exists()
    )


def choice_clean(choice) -> None:
    if not choice.question_id:
        return
    before = stored_value(choice)
    if before is not None and before != choice.value:
        if choice_value_used(choice.question_id, before):
            raise ValidationError(
                {
                    "value": _(
                        "Some answers picked this choice, so its value cannot be changed (its label can). "
                        "Copy the questionnaire to start a new round with other choices."
                    )
                }
            )
        if condition_uses_value(choice.question_id, before):
            raise ValidationError({"value": _("A condition of another question uses this value.")})
    duplicates = _model("Choice").objects.filter(question_id=choice.question_id, value=choice.value)
    if choice.value and duplicates.exclude(pk=choice.pk).exists():
        raise ValidationError({"value": _("Another choice of this question already has this value.")})


def choice_delete_check(choice) -> None:
    """Refuse deleting a choice that answers picked or that a condition uses."""
    if choice_value_used(choice.question_id, choice.value):
        raise ValidationError(
            _("Some answers picked “%(label)s”, so it cannot be deleted. Copy the questionnaire to start a new round.")
            % {"label": choice.label}
        )
    if condition_uses_value(choice.question_id, choice.value):
        raise ValidationError(
            _("A condition of another question uses “%(label)s”, so it cannot be deleted.") % {"label": choice.label}
        )
