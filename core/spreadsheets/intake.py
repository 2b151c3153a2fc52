"""Every spreadsheet a person uploads passes through `open_table` before anything reads it.

The content says what the file is (a ZIP is an XLSX workbook, OLE2 is an old .xls, anything else
must be text) and must agree with the name's extension. CSV text is read as UTF-8 with or without
a byte order mark, as UTF-16 by its byte order mark, or as Windows-1256 (what Arabic Excel's plain
"CSV" writes), with the delimiter Excel wrote (`,` `;` or tab). Limits (settings): the file's size,
what a workbook may expand to, the number of columns and a cell's length. Refusals are
`IntakeError`s with a translated message (core.spreadsheets.errors), never a library's exception.
"""

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from os import PathLike
from pathlib import PurePath

import filetype
from django.conf import settings

from .errors import IntakeError, cell_reference, refuse
from .sheet import sheet_rows
from .xlsx import Workbook

MEGABYTE = 1024 * 1024
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF = 8192
# C0 controls other than tab, line feed and carriage return, and lone surrogates.
_BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# Bytes of a binary file that text never holds (a NUL in a cell is found, and named, later).
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1a]")
# Excel writes the list separator of the Windows region: "," or ";" (the Arabic "؛" in a few).
_DELIMITERS = (",", ";", "\t", "\u061b")


@dataclass(frozen=True)
class IntakeLimits:
    """How big a file may be; the defaults come from the settings named in each comment."""

    max_file_bytes: int = field(default_factory=lambda: settings.SPREADSHEET_MAX_FILE_BYTES)
    max_expanded_bytes: int = field(default_factory=lambda: settings.SPREADSHEET_MAX_EXPANDED_BYTES)
    max_cell_chars: int = field(default_factory=lambda: settings.SPREADSHEET_MAX_CELL_CHARS)
    max_columns: int = field(default_factory=lambda: settings.SPREADSHEET_MAX_COLUMNS)


@dataclass
class Table:
    """A file's header row as written and a single-pass stream of its non-blank data rows:
    (row number as the spreadsheet shows it, the cells as trimmed text, one per header)."""

    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 1

    def __iter__(self):
        return self.rows


def open_table(file, *, name: str | None, limits: IntakeLimits | None = None) -> Table:
    """Read `file` (bytes, a binary file object or a path) as a table, or raise IntakeError.

    `name` is the name the user gave the file (its extension must agree with the content); None
    reads by content alone. Rows are checked as they are read: iterating may raise IntakeError.
    """
    limits = limits or IntakeLimits()
    extension = PurePath(name).suffix.lower() if name else None
    if extension not in (None, ".csv", ".xlsx", ".xls"):
        raise refuse("unsupported")
    data = _read(file, limits.max_file_bytes)
    if not data:
        raise refuse("empty")
    if data.startswith(_OLE_SIGNATURE):
        raise refuse("xls")
    if data.startswith(_ZIP_SIGNATURES):
        if extension == ".csv":
            raise refuse("csv_is_xlsx")
        if extension == ".xls":
            raise refuse("xls")
        workbook = Workbook(data, max_expanded_bytes=limits.max_expanded_bytes, max_columns=limits.max_columns)
        return _table(sheet_rows(workbook), limits, format="xlsx", check_characters=True)
    if _binary_file(data[:_SNIFF]):
        raise refuse("not_a_workbook" if extension == ".xlsx" else "unsupported")
    if extension == ".xlsx":
        raise refuse("xlsx_is_text")
    if extension == ".xls":
        raise refuse("xls")
    text, encoding = _decode(data)
    del data
    delimiter = _delimiter(text)
    return _table(
        _csv_rows(text, delimiter),
        limits,
        format="csv",
        encoding=encoding,
        delimiter=delimiter,
        # One search of the whole text spares a search of every cell.
        check_characters=_BAD_CHARACTERS.search(text) is not None,
    )


def _binary_file(head: bytes) -> bool:
    """A PDF, an image, an archive, a program...: a known signature, and bytes no text holds
    (some signatures, "BM" or "MZ", are also how a CSV header may start)."""
    kind = filetype.guess(head)
    return kind is not None and (kind.extension == "pdf" or _CONTROL_BYTES.search(head) is not None)


def _read(file, limit: int) -> bytes:
    if isinstance(file, (bytes, bytearray, memoryview)):
        data = bytes(file)
    elif isinstance(file, (str, PathLike)):
        with open(file, "rb") as stream:
            data = stream.read(limit + 1)
    else:
        size = getattr(file, "size", None)
        if size is not None and size > limit:
            raise refuse("too_large", limit=limit // MEGABYTE)
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise refuse("too_large", limit=limit // MEGABYTE)
    return data


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with; each candidate decodes strictly."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif utf16 := _utf16_without_bom(data[:_SNIFF]):
        candidates = [utf16]
    else:
        candidates = ["utf-8"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    if candidates == ["utf-8"] and not _damaged_utf8(data):
        # Windows-1256 gives a character for every byte: it is the last resort, never a guess
        # over text that is UTF-8 with a few broken bytes.
        return data.decode("cp1256"), "cp1256"
    raise refuse("encoding")


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when `head` reads as UTF-16 without a byte order mark: in every
    other byte sits the high half of a character, 0x00 for Latin (delimiters, digits) and 0x06 for
    Arabic; UTF-8 and Windows-1256 text holds neither byte."""
    if len(head) < 4:
        return None
    for encoding, high_half in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if high_half.count(0) and high_half.count(0) + high_half.count(6) >= 0.9 * len(high_half):
            return encoding
    return None


def _damaged_utf8(data: bytes) -> bool:
    """Whether `data` is mostly valid UTF-8 beyond ASCII (Arabic letters), with a few broken bytes."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return beyond_ascii - broken > broken


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of `,` `;` tab `؛` outside quotes."""
    line = text[:65536].lstrip("\ufeff").split("\n", 1)[0]
    outside = "".join(line.split('"')[0::2])
    counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their endings, one at a time (csv joins those of a quoted cell
    that holds line breaks), without a second copy of the text."""
    separator = "\n" if "\n" in text else "\r"  # old Mac Excel ends lines with CR alone
    start = 0
    while (end := text.find(separator, start) + 1) > 0:
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    if csv.field_size_limit() < len(text):
        # The module's own limit would fail with a bare csv.Error; cells are measured below.
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            yield number, row
    except csv.Error:
        raise refuse("bad_csv", row=number + 1) from None


def _table(raw, limits: IntakeLimits, *, format: str, check_characters: bool, **details) -> Table:
    raw = iter(raw)
    header_number, header = next(raw, (0, []))
    headers = [cell.strip() for cell in header]
    while headers and not headers[-1]:
        headers.pop()
    if header_number != 1 or not headers:
        # Row 1 is blank: the file is empty, or its headers are not where every importer looks.
        if any(cell.strip() for _number, cells in chain([(header_number, header)], raw) for cell in cells):
            raise refuse("no_header_row")
        raise refuse("empty")
    if len(headers) > limits.max_columns:
        raise refuse("too_many_columns", count=len(headers), limit=limits.max_columns)
    for column, text in enumerate(headers):
        _check_cell(text, column, header_number, limits, check_characters)
    rows = _data_rows(raw, headers, limits, check_characters)
    first = next(rows, None)
    if first is None:
        raise refuse("header_only")
    return Table(headers=headers, rows=chain([first], rows), format=format, **details)


def _check_cell(text: str, column: int, number: int, limits: IntakeLimits, check_characters: bool) -> None:
    if len(text) > limits.max_cell_chars:
        raise refuse(
            "cell_too_long", cell=cell_reference(column, number), length=len(text), limit=limits.max_cell_chars
        )
    if check_characters and _BAD_CHARACTERS.search(text):
        raise refuse("bad_character", cell=cell_reference(column, number))


def _data_rows(raw, headers: list[str], limits: IntakeLimits, check_characters: bool):
    width = len(headers)
    unnamed = [column for column, header in enumerate(headers) if not header]
    longest = limits.max_cell_chars
    for number, cells in raw:
        if (check_characters and _BAD_CHARACTERS.search("".join(cells))) or max(map(len, cells), default=0) > longest:
            for column, text in enumerate(cells):
                _check_cell(text, column, number, limits, check_characters)
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if len(cells) > width:
            extra = next((column for column in range(width, len(cells)) if cells[column]), None)
            if extra is not None:
                if extra >= limits.max_columns:
                    raise refuse("too_many_columns", count=len(cells), limit=limits.max_columns)
                raise refuse("no_header", cell=cell_reference(extra, number))
            del cells[width:]
        elif len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        for column in unnamed:
            if cells[column]:
                raise refuse("no_header", cell=cell_reference(column, number))
        yield number, cells


__all__ = ["IntakeError", "IntakeLimits", "Table", "open_table"]
