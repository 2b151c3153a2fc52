"""Spreadsheets in and out, shared by every app.

- `intake`: every uploaded CSV or XLSX is opened by `open_table` (checked, decoded, streamed) or
  refused with an `IntakeError` whose message is translated.
- `columns`: `match_columns` finds the file's columns by their headers, in Arabic or English.
- `widgets` and `resources`: django-import-export resources (the admin's imports and exports).
- `formats`: the admin's import formats, which read files through the intake.
- `cells`: `cell_text`, `match_key` and `row_problem`, the wording of a row's problem.
"""

from .cells import cell_text, match_key, row_problem
from .columns import ColumnMatch, header_key, match_columns
from .errors import IntakeError
from .intake import IntakeLimits, Table, open_table
from .resources import KeyedInstanceLoader, SafeExportResourceMixin, SpreadsheetModelResource, SpreadsheetResult
from .widgets import (
    ChoiceWidget,
    LookupListWidget,
    LookupTable,
    LookupWidget,
    TextWidget,
    WholeNumberWidget,
    YesNoWidget,
)

__all__ = [
    "ChoiceWidget",
    "ColumnMatch",
    "IntakeError",
    "IntakeLimits",
    "KeyedInstanceLoader",
    "LookupListWidget",
    "LookupTable",
    "LookupWidget",
    "SafeExportResourceMixin",
    "SpreadsheetModelResource",
    "SpreadsheetResult",
    "Table",
    "TextWidget",
    "WholeNumberWidget",
    "YesNoWidget",
    "cell_text",
    "header_key",
    "match_columns",
    "match_key",
    "open_table",
    "row_problem",
]
