"""How an answer is typed in, checked, stored and shown, per question kind.

Partners type on phones, often with an Arabic keyboard: numbers and amounts accept Arabic-Indic
digits and thousands separators ("١٬٥٠٠٬٠٠٠", "1,500,000"); dates are typed day first (core.forms.DateField).
Every check runs on the server; errors are worded for the respondent, in the active language.
"""

import re
from datetime import date as date_type
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import numberformat
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.forms import DateField
from core.text import plain_number_text

from .models import LIST_KINDS, NO, NUMBER_KINDS, YES, Answer, Question, QuestionKind
from .rules import text_limit

_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Longer input is refused before it is parsed.
_MAX_NUMBER_LENGTH = 30
# The largest number the database column holds (20 digits, 2 of them decimals).
_LARGEST = Decimal("999999999999999999.99")
SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]


# Below this, whole numbers are written without separators: a year reads 2008, not 2,008.
_GROUPING_FROM = 10_000


def format_number(value, *, amount: bool = False) -> str:
    """A number as people write it: amounts always with thousands separators, other numbers from
    10,000 up; decimals only when there are some."""
    if value is None:
        return ""
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 2
    grouping = amount or abs(value) >= _GROUPING_FROM
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=get_format("NUMBER_GROUPING") if grouping else 0,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=grouping,
    )


class NumberField(forms.Field):
    """A whole number, a number with up to two decimals, or an amount of Yemeni rials."""

    widget = forms.TextInput

    def __init__(self, *, kind: str, min_value=None, max_value=None, **kwargs):
        self.kind = kind
        self.min_value = Decimal(min_value) if min_value is not None else (Decimal(0) if kind == "amount" else None)
        self.max_value = Decimal(max_value) if max_value is not None else None
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "inputmode": "decimal" if self.kind == QuestionKind.DECIMAL else "numeric",
                "dir": "ltr",
                "autocomplete": "off",
                "maxlength": str(_MAX_NUMBER_LENGTH),
            }
        )
        return attrs

    def _problem(self) -> str:
        if self.kind == QuestionKind.AMOUNT:
            return _("Enter the amount in Yemeni rials as a whole number, for example 1,500,000.")
        if self.kind == QuestionKind.INTEGER:
            return _("Enter a whole number, for example 25.")
        return _("Enter a number, for example 12.5.")

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if len(text) > _MAX_NUMBER_LENGTH:
            raise forms.ValidationError(self._problem(), code="invalid")
        text = plain_number_text(text)
        if not _PLAIN_NUMBER.fullmatch(text):
            raise forms.ValidationError(self._problem(), code="invalid")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(self._problem(), code="invalid") from None
        whole = self.kind in (QuestionKind.INTEGER, QuestionKind.AMOUNT)
        if (whole and number != number.to_integral_value()) or number != number.quantize(Decimal("0.01")):
            raise forms.ValidationError(self._problem(), code="invalid")
        if abs(number) > _LARGEST:
            raise forms.ValidationError(_("This number is too large."), code="max_value")
        return number

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.kind == QuestionKind.AMOUNT and value < 0:
            raise forms.ValidationError(_("An amount cannot be negative."), code="min_value")
        if self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(
                _("The smallest accepted value is %(limit)s.")
                % {"limit": format_number(self.min_value, amount=self.kind == QuestionKind.AMOUNT)},
                code="min_value",
            )
        if self.max_value is not None and value > self.max_value:
            raise forms.ValidationError(
                _("The largest accepted value is %(limit)s.")
                % {"limit": format_number(self.max_value, amount=self.kind == QuestionKind.AMOUNT)},
                code="max_value",
            )


def form_field(question: Question, *, district_choices: list[tuple[str, str]]) -> forms.Field:
    """The form field that takes `question`'s answer. Never required here: drafts are saved with
    gaps, and required answers are checked on submit."""
    common = {"label": question.label, "help_text": question.help, "required": False}
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        widget = forms.Textarea(attrs={"rows": 4}) if kind == QuestionKind.LONG_TEXT else forms.TextInput
        return forms.CharField(max_length=text_limit(question), widget=widget, **common)
    if kind in NUMBER_KINDS:
        return NumberField(kind=kind, min_value=question.min_value, max_value=question.max_value, **common)
    if kind == QuestionKind.DATE:
        return DateField(**common)
    if kind == QuestionKind.SCALE:
        return forms.TypedChoiceField(
            choices=SCALE_CHOICES, coerce=int, empty_value=None, widget=forms.RadioSelect, **common
        )
    if kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common)
    if kind == QuestionKind.DISTRICTS:
        return forms.MultipleChoiceField(choices=district_choices, widget=forms.CheckboxSelectMultiple, **common)
    choices = [(choice.value, choice.label) for choice in question.choices.all()]
    if kind == QuestionKind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def is_answered(answer: Answer | None) -> bool:
    if answer is None:
        return False
    return bool(answer.text) or answer.number is not None or answer.date is not None or bool(answer.values)


def store(answer: Answer, question: Question, value) -> None:
    """Put `value` (as the form field cleaned it) in the answer's column for the question's kind."""
    answer.text, answer.number, answer.date, answer.values = "", None, None, []
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        answer.text = value
    elif question.kind in (*NUMBER_KINDS, QuestionKind.SCALE):
        answer.number = Decimal(value)
    elif question.kind == QuestionKind.DATE:
        answer.date = value
    elif isinstance(value, list | tuple):
        answer.values = [str(item) for item in value]
    else:
        answer.values = [str(value)]


def initial(question: Question, answer: Answer | None):
    """The stored answer as the form field shows it."""
    if not is_answered(answer):
        return None
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return answer.text
    if question.kind in NUMBER_KINDS:
        return format_number(answer.number, amount=question.kind == QuestionKind.AMOUNT)
    if question.kind == QuestionKind.SCALE:
        return int(answer.number)
    if question.kind == QuestionKind.DATE:
        return answer.date
    if question.kind in (QuestionKind.MULTIPLE_CHOICE, QuestionKind.DISTRICTS):
        return list(answer.values)
    return answer.values[0] if answer.values else None


def condition_values(question: Question, value) -> list[str]:
    """The values a condition tests, from a cleaned form value."""
    if question.kind not in LIST_KINDS or is_empty(value):
        return []
    return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]


def visible_ids(questions: list[Question], values: dict[int, list[str]]) -> set[int]:
    """The ids of the questions shown, given the list values answered so far (question id -> values).

    A question is shown when it has no condition, or when the question its condition uses is shown
    and was answered with the condition's value. A condition in a circle hides the question.
    """
    by_id = {question.pk: question for question in questions}
    memo: dict[int, bool] = {}

    def shown(question: Question, path: frozenset) -> bool:
        if question.pk in memo:
            return memo[question.pk]
        controller = by_id.get(question.show_if_question_id)
        if question.show_if_question_id is None:
            result = True
        elif controller is None or question.pk in path:
            result = False
        else:
            result = shown(controller, path | {question.pk}) and question.show_if_value in values.get(controller.pk, [])
        memo[question.pk] = result
        return result

    return {question.pk for question in questions if shown(question, frozenset())}


def display(question: Question, answer: Answer | None, *, district_names: dict[str, str]) -> str:
    """The answer as a person reads it, in the active language ("" when not answered)."""
    if not is_answered(answer):
        return ""
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return answer.text
    if kind == QuestionKind.AMOUNT:
        return _("%(amount)s YER") % {"amount": format_number(answer.number, amount=True)}
    if kind in NUMBER_KINDS:
        return format_number(answer.number)
    if kind == QuestionKind.SCALE:
        return _("%(value)s of 5") % {"value": int(answer.number)}
    if kind == QuestionKind.DATE:
        return date_format(answer.date, "SHORT_DATE_FORMAT")
    return pgettext("list separator", ", ").join(labels(question, answer.values, district_names=district_names))


def labels(question: Question, values: list[str], *, district_names: dict[str, str]) -> list[str]:
    if question.kind == QuestionKind.YES_NO:
        return [_("Yes") if value == YES else _("No") for value in values]
    if question.kind == QuestionKind.DISTRICTS:
        return [district_names.get(value, value) for value in values]
    by_value = {choice.value: choice.label for choice in question.choices.all()}
    return [by_value.get(value, value) for value in values]


def cell(question: Question, answer: Answer | None, *, district_names: dict[str, str]):
    """The answer as a spreadsheet cell: numbers stay numbers, dates stay dates, lists are text."""
    if not is_answered(answer):
        return None
    if question.kind in (QuestionKind.INTEGER, QuestionKind.AMOUNT, QuestionKind.SCALE):
        return int(answer.number)
    if question.kind == QuestionKind.DECIMAL:
        return answer.number
    if question.kind == QuestionKind.DATE:
        return answer.date if isinstance(answer.date, date_type) else None
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return answer.text
    return "; ".join(labels(question, answer.values, district_names=district_names))
