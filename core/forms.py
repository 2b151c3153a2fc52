import datetime
import re
from collections.abc import Callable
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import from_current_timezone
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from core.text import ascii_digits
from core.widgets import MAX_DATE_LENGTH, MAX_TIME_LENGTH, DateInput, DateTimeInput, TimeInput


def form_helper(*, submit_label=None, form_tag: bool = True, error_title=None) -> FormHelper:
    """The portal's crispy helper: POST, one primary submit button, labels above fields.

    After a failed save the form starts with the summary of its problems
    (templates/partials/error_summary.html), headed "N problems prevent saving" or `error_title`."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_tag = form_tag
    if error_title is not None:
        helper.form_error_title = error_title
    if submit_label is not None:
        helper.add_input(Submit("submit", submit_label))
    return helper


class VersionedFormMixin(forms.Form):
    """Carries the version the user started from, so the save can refuse a stale edit."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


def usable_filters(form: forms.Form) -> dict:
    """The filters of a list page that parse; the others are reported beside the form and ignored."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data


def form_error_from(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, beside the fields it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_and_redirect(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[], Any],
    message: str | Callable[[Any], str] | None,
    to: Any = None,
) -> HttpResponseRedirect | None:
    """Save a valid POSTed form through a service, then say so and redirect; None means "show the
    form again" (not a POST, not valid, or the service refused: its error is then on the form).

    `save()` calls the service and returns what it saved. `message` is the success message, or a
    function of what was saved. `to` is where to go next (a model, URL or URL name, or a function
    of what was saved); by default, what was saved (its `get_absolute_url`).

        if response := save_and_redirect(request, form, save=lambda: services.contact_save(...),
                                         message=_("The changes were saved."), to=organization):
            return response
        return render(request, "partners/form.html", {"form": form})
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        form_error_from(form, error)
        return None
    if message is not None:
        messages.success(request, message(saved) if callable(message) else message)
    if to is None:
        return redirect(saved)
    return redirect(to(saved) if callable(to) else to)


# Dates and times as people write them --------------------------------------------------------
# Day first, always: "31/12/2017", "31-12-2017", "31.12.2017", "31 12 2017", "31122017" (a phone's
# number keyboard may have no "/"), Arabic-Indic digits, the Arabic date separator, and the "م"
# (Gregorian) the portal prints after a date, so that a date copied from a page can be pasted.
# A year written first ("2017-12-31", ISO) cannot be misread and is accepted too. Never month first.
_DATE_SEPARATORS = "/.\\-\u060d"  # slash, dot, hyphen, Arabic date separator
_DAY_FIRST = re.compile(rf"(\d{{1,2}})\s*[{_DATE_SEPARATORS}\s]\s*(\d{{1,2}})\s*[{_DATE_SEPARATORS}\s]\s*(\d+)")
_DAY_FIRST_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GREGORIAN_MARK = "\u0645"
# "14:30", "14.30", "1430", "9:05"; seconds ("14:30:00") are read and dropped; a typed
# am/pm (or ص/م) is understood although the field asks for the 24-hour clock.
_TIME = re.compile(r"(\d{1,2})(?:\s*[:.]\s*(\d{2})|(\d{2}))(?:\s*[:.]\s*\d{2})?(?:\s*([^\d\s:]+))?")
_MORNING = {"am", "a.m.", "a.m", "\u0635"}  # ص
_EVENING = {"pm", "p.m.", "p.m", "\u0645"}  # م

DATE_HINT = _("Day/month/year, for example 31/12/2017.")


class DateField(forms.DateField):
    """A date typed day first (dd/mm/yyyy), shown the same way in Arabic and English pages."""

    widget = DateInput
    min_year = 1900
    max_year = 2100
    default_error_messages = {
        "invalid": _("Enter the date as day/month/year, for example 31/12/2017."),
        "not_a_date": _("%(value)s is not a date."),
        "month_first": _("%(value)s is not a date: write the day first, then the month, for example 31/12/2017."),
        "short_year": _("Write the year with four digits, for example 31/12/2017."),
        "year_range": _("Enter a year between %(min)s and %(max)s."),
    }

    def __init__(self, *, min_year: int | None = None, max_year: int | None = None, **kwargs):
        if not kwargs.get("help_text"):
            kwargs["help_text"] = DATE_HINT
        kwargs.pop("input_formats", None)  # the formats are this field's own, day first
        super().__init__(**kwargs)
        self.min_year = min_year or self.min_year
        self.max_year = max_year or self.max_year

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = ascii_digits(str(value)).strip().removesuffix(_GREGORIAN_MARK).strip()
        if not text:
            return None
        if len(text) > MAX_DATE_LENGTH:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if match := _YEAR_FIRST.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := (_DAY_FIRST.fullmatch(text) or _DAY_FIRST_DIGITS.fullmatch(text)):
            day, month = int(match[1]), int(match[2])
            if len(match[3]) != 4:
                raise ValidationError(self.error_messages["short_year"], code="short_year")
            year = int(match[3])
        else:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        written = f"{day:02d}/{month:02d}/{year}"
        if not self.min_year <= year <= self.max_year:
            raise ValidationError(
                self.error_messages["year_range"],
                code="year_range",
                params={"min": self.min_year, "max": self.max_year},
            )
        try:
            return datetime.date(year, month, day)
        except ValueError:
            code = "month_first" if month > 12 and 1 <= day <= 12 else "not_a_date"
            raise ValidationError(self.error_messages[code], code=code, params={"value": written}) from None


class TimeField(forms.TimeField):
    """A time of day on the 24-hour clock (hh:mm)."""

    widget = TimeInput
    default_error_messages = {
        "invalid": _("Enter the time as hours:minutes on the 24-hour clock, for example 14:30."),
        "not_a_time": _("%(value)s is not a time."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        text = ascii_digits(str(value)).strip().casefold()
        if not text:
            return None
        match = _TIME.fullmatch(text) if len(text) <= MAX_TIME_LENGTH else None
        if match is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        hour, minute = int(match[1]), int(match[2] or match[3])
        written = f"{hour:02d}:{minute:02d}"
        marker = match[4]
        if marker is not None:
            if marker not in _MORNING | _EVENING or not 1 <= hour <= 12:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            hour = hour % 12 + (12 if marker in _EVENING else 0)
        try:
            return datetime.time(hour, minute)
        except ValueError:
            raise ValidationError(
                self.error_messages["not_a_time"], code="not_a_time", params={"value": written}
            ) from None


class DateTimeField(forms.MultiValueField):
    """A date and a time (a meeting's start), each typed in its own input; in the portal's time zone."""

    widget = DateTimeInput
    hidden_widget = forms.SplitHiddenDateTimeWidget
    default_error_messages = {"incomplete": _("Enter both the date and the time.")}

    def __init__(self, **kwargs):
        for unused in ("input_date_formats", "input_time_formats", "input_formats"):
            kwargs.pop(unused, None)
        fields = (
            DateField(error_messages={"incomplete": _("Enter the date too.")}),
            TimeField(error_messages={"incomplete": _("Enter the time too.")}),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        return from_current_timezone(datetime.datetime.combine(*data_list))


# The error summary at the top of a form that failed to save ---------------------------------
def _anchor(bound_field) -> str:
    """The id a summary link jumps to: the input, or the first option of a group of choices."""
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    return bound_field.id_for_label or f"{bound_field.auto_id}_0"


def _form_problems(form: forms.BaseForm, *, row: int | None = None) -> list[dict]:
    row_label = _("Row %(number)s") % {"number": row} if row is not None else ""
    problems = [{"label": row_label, "message": message, "anchor": ""} for message in form.non_field_errors()]
    for bound_field in form:
        for message in bound_field.errors:
            label = bound_field.label or bound_field.name
            if row is not None:
                label = _("Row %(number)s, %(label)s") % {"number": row, "label": label}
            anchor = _anchor(bound_field)
            problems.append({"label": "" if bound_field.is_hidden else label, "message": message, "anchor": anchor})
    return problems


def error_summary(*forms_or_formsets) -> list[dict]:
    """What stops a save, in page order: a label, the message and the id of the field to fix.

    Takes forms and formsets; a formset's rows are numbered from 1 in the labels."""
    problems = []
    for item in forms_or_formsets:
        if item is None or not item.is_bound:
            continue
        if isinstance(item, forms.BaseFormSet):
            problems += [{"label": "", "message": message, "anchor": ""} for message in item.non_form_errors()]
            for number, form in enumerate(item.forms, start=1):
                problems += _form_problems(form, row=number)
        else:
            problems += _form_problems(item)
    return problems
