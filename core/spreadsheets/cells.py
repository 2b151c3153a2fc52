"""One cell as text, how typed names compare, and how a problem of an imported row is worded."""

from django.utils.translation import gettext as _

from core.text import normalize_search_text


def cell_text(value) -> str:
    """A cell as trimmed text; an XLSX number such as 777123456.0 reads as "777123456"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def match_key(text) -> str:
    """How typed names are compared: Arabic-aware (hamza forms, taa marbuta, article), case-blind."""
    return normalize_search_text(cell_text(text))


def row_problem(*, row: int, column: str | None, problem: str) -> str:
    """One problem of an import, in the active language, with the row as a spreadsheet numbers it."""
    if column:
        return _("Row %(row)s of the file (the header is row 1), column “%(column)s”: %(problem)s") % {
            "row": row,
            "column": column,
            "problem": problem,
        }
    return _("Row %(row)s of the file (the header is row 1): %(problem)s") % {"row": row, "problem": problem}
