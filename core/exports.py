"""Spreadsheet cells that cannot run: the one escaping function every export uses.

Every text cell that a spreadsheet would read as a formula is made inert (`escape_formula`);
numbers stay numbers. `unescape_formula` undoes it on import so that an exported file imports back
unchanged. The django-import-export machinery built on it lives in `core.spreadsheets`.
"""

import re

from django.utils.functional import Promise

# A cell starting with one of these is read as a formula (or as the start of one) by Excel,
# LibreOffice or Google Sheets: OWASP's list for CSV injection.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)")


def _runs_as_formula(text: str) -> bool:
    # Quotes in front count too, so that `unescape_formula` can tell a quote the export added
    # from one that was in the data: "'=x" is exported as "''=x".
    text = text.lstrip("'")
    return text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text)


def escape_formula(value):
    """The value to write into an exported cell: text that a spreadsheet would run as a formula
    gets a leading single quote; numbers, and text that is a plain number such as "-5", do not."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and _runs_as_formula(value):
        return "'" + value
    return value


def unescape_formula(value):
    """The inverse of `escape_formula`, applied to imported cells so that a file exported by the
    portal imports back unchanged."""
    if isinstance(value, str) and value.startswith("'") and _runs_as_formula(value[1:]):
        return value[1:]
    return value
