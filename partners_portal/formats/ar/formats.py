# Typed dates: day first in both languages (the shared input formats are read from this module).
from partners_portal.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS  # noqa: F401

# Dates as the seed writes them: day/month/year followed by "م" (Gregorian). Letters outside
# Django's format characters are printed as they are.
DATE_FORMAT = "d/m/Y\u0645"
SHORT_DATE_FORMAT = "d/m/Y\u0645"
DATETIME_FORMAT = "d/m/Y\u0645 H:i"
SHORT_DATETIME_FORMAT = "d/m/Y\u0645 H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 6
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
