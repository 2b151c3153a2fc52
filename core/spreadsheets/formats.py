"""django-import-export formats that read every imported file through the intake.

The library's own CSV and XLSX formats decode text as UTF-8 only and hand the bytes to tablib and
openpyxl unchecked; these read the raw bytes with `open_table`, whatever format the admin's list
says (the content decides), so that a refusal is an `IntakeError` with a translated message.
"""

import tablib
from import_export.formats import base_formats

from .intake import Table, open_table


def dataset_from_table(table: Table) -> tablib.Dataset:
    """The rows of `table` as a tablib Dataset; `sheet_rows` holds each row's number in the file
    (blank rows are not in the dataset), read by SpreadsheetModelResource.before_import."""
    dataset = tablib.Dataset(headers=table.headers)
    numbers = []
    for number, cells in table.rows:
        dataset.append(cells)
        numbers.append(number)
    dataset.sheet_rows = numbers
    return dataset


class _IntakeFormat:
    def create_dataset(self, in_stream):
        return dataset_from_table(open_table(in_stream, name=None))

    # The bytes as uploaded: the intake finds the encoding, not the library.
    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"


class CSV(_IntakeFormat, base_formats.CSV):
    pass


class XLSX(_IntakeFormat, base_formats.XLSX):
    pass


IMPORT_FORMATS = [CSV, XLSX]
