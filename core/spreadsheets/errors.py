"""Why a file is refused, in words its uploader can act on (in the active language)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class IntakeError(ValidationError):
    """A spreadsheet that cannot be imported as it is. `messages` are translated sentences; `code`
    says which rule refused it (see MESSAGES; "columns" for core.spreadsheets.columns)."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code  # ValidationError keeps no code for a list of messages


MESSAGES = {
    "empty": _("The file is empty: there is nothing to import."),
    "no_header_row": _("Row 1 of the file is empty: it must hold the column headers."),
    "header_only": _("The file has a header row but no data rows: there is nothing to import."),
    "too_large": _("The file is larger than %(limit)s MB. Split it into smaller files and import them one at a time."),
    "unsupported": _(
        "Only CSV (.csv) and Excel (.xlsx) files can be imported. Save the file from Excel as “CSV UTF-8” or as "
        "“Excel Workbook (.xlsx)”."
    ),
    "xls": _(
        "This is an old Excel workbook (.xls) or a password-protected one. Open it in Excel and save it as “Excel "
        "Workbook (.xlsx)” without a password."
    ),
    "csv_is_xlsx": _(
        "The file is named .csv but holds an Excel workbook. Rename it to .xlsx, or save it from Excel as “CSV UTF-8”."
    ),
    "xlsx_is_text": _(
        "The file is named .xlsx but holds text, not an Excel workbook (perhaps it is a CSV file). Rename it to .csv, "
        "or save it from Excel as “Excel Workbook (.xlsx)”."
    ),
    "not_a_workbook": _("The file is not an Excel workbook. Save it from Excel as “Excel Workbook (.xlsx)”."),
    "expands_too_much": _(
        "The workbook would take too much memory to open (it expands to more than %(limit)s MB, or is built in an "
        "unusual way). Save it again from Excel, or split it into smaller files."
    ),
    "damaged": _("The workbook is damaged and cannot be read. Open it in Excel and save it again."),
    "encoding": _(
        "The file's text is in none of the encodings the portal reads (UTF-8, UTF-16 or Windows Arabic 1256). "
        "Save it from Excel as “CSV UTF-8” and upload it again."
    ),
    "bad_csv": _(
        "The file could not be read as CSV (near row %(row)s). Save it from Excel as “CSV UTF-8” and upload it again."
    ),
    "too_many_columns": _("The file has %(count)s columns; at most %(limit)s can be imported."),
    "formula": _(
        "Cell %(cell)s holds a formula. Only typed values are imported, never a formula or its last result: replace "
        "the formula by its value (Copy, then Paste Values) and upload the file again."
    ),
    "cell_too_long": _("Cell %(cell)s holds %(length)s characters; a cell may hold at most %(limit)s."),
    "bad_character": _(
        "Cell %(cell)s holds a character that cannot be imported (an invisible control character such as NUL, or "
        "broken text). Remove it and upload the file again."
    ),
    "no_header": _(
        "Cell %(cell)s has a value but its column has no header. Give the column a header, or clear the cell."
    ),
}


def refuse(code: str, **params) -> IntakeError:
    """The IntakeError for `code`, its message translated now (raise it under the user's language)."""
    message = str(MESSAGES[code])
    return IntakeError(message % params if params else message, code=code)


def column_letter(index: int) -> str:
    """A zero-based column index as a spreadsheet names it: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_reference(column: int, row: int) -> str:
    """ "D7" for the fourth column of row 7."""
    return f"{column_letter(column)}{row}"
