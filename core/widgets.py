"""Date and time inputs that show and take dd/mm/yyyy and a 24-hour hh:mm, whatever the browser's
locale.

They are plain text inputs, never `type="date"`/`"datetime-local"`: those make the browser show its
own locale's order (mm/dd/yyyy with AM/PM on many Arabic phones), which invites day/month mix-ups
where people write dd/mm/yyyy. A phone shows its number keyboard (`inputmode="numeric"`); the
fields in `core.forms` accept the separators that keyboard offers. `static/js/forms.js` tidies a
typed date to dd/mm/yyyy when the field is left. In the admin, Django's calendar and clock stay
beside the inputs and write DATE_INPUT_FORMATS[0] (day first, partners_portal/formats).
"""

from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.utils.translation import gettext_lazy as _

DATE_FORMAT = "%d/%m/%Y"
TIME_FORMAT = "%H:%M"
# Long enough for "31 / 12 / 2017" and a pasted ISO date with spaces; bounded like any input.
MAX_DATE_LENGTH = 20
MAX_TIME_LENGTH = 12


def date_input_attrs() -> dict:
    return {
        "inputmode": "numeric",
        "dir": "ltr",
        "autocomplete": "off",
        "placeholder": _("dd/mm/yyyy"),
        "maxlength": str(MAX_DATE_LENGTH),
        "data-date-input": "",
    }


def time_input_attrs() -> dict:
    return {
        "inputmode": "numeric",
        "dir": "ltr",
        "autocomplete": "off",
        "placeholder": _("hh:mm"),
        "maxlength": str(MAX_TIME_LENGTH),
        "data-time-input": "",
    }


class DateInput(forms.DateInput):
    """A day-first date as text: "31/12/2017"."""

    def __init__(self, attrs=None):
        super().__init__(attrs={**date_input_attrs(), **(attrs or {})}, format=DATE_FORMAT)


class TimeInput(forms.TimeInput):
    """A time on the 24-hour clock as text: "14:30"."""

    def __init__(self, attrs=None):
        super().__init__(attrs={**time_input_attrs(), **(attrs or {})}, format=TIME_FORMAT)


def _split_combined(value: str) -> list[str]:
    # "2018-01-22T09:00", "22/01/2018 09:00": a date and a time posted under the field's own name.
    value = value.strip().replace("T", " ", 1)
    date_part, _space, time_part = value.partition(" ")
    return [date_part, time_part.strip()]


class DateTimeInput(forms.SplitDateTimeWidget):
    """A date and a time side by side (the meeting's start and end), each labelled."""

    template_name = "core/widgets/date_time.html"

    def __init__(self, attrs=None):
        # SplitDateTimeWidget's own __init__ would build Django's inputs; ours replace them.
        forms.MultiWidget.__init__(self, (DateInput(), TimeInput()), attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # Bootstrap shows the field's messages after an element marked is-invalid: the row of inputs.
        context["widget"]["invalid"] = context["widget"]["attrs"].get("aria-invalid") == "true"
        return context

    def value_from_datadict(self, data, files, name):
        # A client that posts the whole value under the field's name (a script, an older page
        # still open in a tab) is understood as well as the two inputs of the page.
        if f"{name}_0" not in data and f"{name}_1" not in data and isinstance(data.get(name), str):
            return _split_combined(data[name])
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class AdminDateInput(admin_widgets.AdminDateWidget):
    """The admin's date input (with its calendar, which writes DATE_INPUT_FORMATS[0]: day first)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={**date_input_attrs(), **(attrs or {})}, format=DATE_FORMAT)


class AdminTimeInput(admin_widgets.AdminTimeWidget):
    def __init__(self, attrs=None):
        super().__init__(attrs={**time_input_attrs(), **(attrs or {})}, format=TIME_FORMAT)


class AdminDateTimeInput(admin_widgets.AdminSplitDateTime):
    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, (AdminDateInput(), AdminTimeInput()), attrs)
