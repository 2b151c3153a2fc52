"""The respondent's form: the questions of one section, built from the survey's questions."""

from django import forms
from django.utils.translation import gettext as _

from . import answers as answer_kinds
from .models import Answer, Question, QuestionKind, Section
from .selectors import list_values

TEXT_INPUTS = (forms.TextInput, forms.Textarea, forms.DateInput)


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class SectionAnswersForm(forms.Form):
    """One section's answers. Nothing is required here (a draft may have gaps); required answers
    are checked on submit. A question whose condition is not met (by this page's answers or an
    earlier section's) is neither checked nor stored."""

    def __init__(
        self,
        data=None,
        *,
        section: Section,
        questions: list[Question],
        answers: dict[int, Answer],
        district_choices: list[tuple[str, str]],
    ):
        super().__init__(data)
        self.section = section
        self.all_questions = questions
        self.stored = answers
        self.section_questions = [q for q in questions if q.section_id == section.pk]
        self.hidden: set[int] = set()
        for question in self.section_questions:
            field = answer_kinds.form_field(question, district_choices=district_choices)
            field.initial = answer_kinds.initial(question, answers.get(question.pk))
            if isinstance(field.widget, TEXT_INPUTS):
                field.widget.attrs["class"] = "form-control"
            self.fields[field_name(question)] = field

    def clean(self):
        cleaned = super().clean()
        values = list_values(self.stored)
        for question in self.section_questions:
            values[question.pk] = answer_kinds.condition_values(question, cleaned.get(field_name(question)))
        shown = answer_kinds.visible_ids(self.all_questions, values)
        for question in self.section_questions:
            if question.pk not in shown:
                # Not shown, so not asked: whatever was typed there is dropped, errors included.
                self.hidden.add(question.pk)
                self._errors.pop(field_name(question), None)
                cleaned[field_name(question)] = None
        return cleaned

    def answers(self) -> dict[Question, object]:
        return {question: self.cleaned_data.get(field_name(question)) for question in self.section_questions}

    def items(self, *, missing: set[int] = frozenset()) -> list[dict]:
        """What the template shows per question: the bound field, its condition, whether a
        required answer is missing (after a refused submit)."""
        by_id = {question.pk: question for question in self.all_questions}
        shown_by_stored = answer_kinds.visible_ids(self.all_questions, list_values(self.stored))
        items = []
        for question in self.section_questions:
            controller = by_id.get(question.show_if_question_id)
            condition = None
            if controller is not None and controller.section_id != question.section_id:
                if question.pk not in shown_by_stored:
                    continue  # decided by an earlier section's answer: not asked
                controller = None
            if controller is not None:
                condition = {
                    "field": field_name(controller),
                    "value": question.show_if_value,
                    "question": controller.label,
                    "answer": answer_kinds.labels(controller, [question.show_if_value], district_names={})[0],
                }
            items.append(
                {
                    "question": question,
                    "field": self[field_name(question)],
                    "grouped": question.kind
                    in (
                        QuestionKind.SINGLE_CHOICE,
                        QuestionKind.MULTIPLE_CHOICE,
                        QuestionKind.YES_NO,
                        QuestionKind.SCALE,
                        QuestionKind.DISTRICTS,
                    ),
                    "condition": condition,
                    "missing": question.pk in missing and not self.errors.get(field_name(question)),
                    "missing_message": _("This question is required."),
                }
            )
        return items
