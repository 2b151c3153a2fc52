"""Format modules (FORMAT_MODULE_PATH). Typed dates are read day first in both languages: the input
formats below are shared by ar/ and en/, and the first of each is what Django's own inputs (the
admin's calendar and clock, a plain forms.DateInput) write. The portal's forms use core.forms'
DateField/TimeField/DateTimeField, which read these forms and Arabic-Indic digits too."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
]
