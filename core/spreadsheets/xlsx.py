"""Reading the active sheet of an XLSX workbook (the one open when it was saved) as text, safely.

Before anything is parsed, the ZIP's central directory is checked: the number of parts, the sum
of their declared sizes and each large part's compression ratio. What is then read is capped as
well (a part that decompresses past its declared size, or past the budget, is refused), so a
workbook whose directory lies cannot expand in memory. XML is parsed with expat, with document
type declarations refused (no entity expansion), one sheet row at a time. A cell holding a formula
is refused by name: its cached result is never imported.
"""

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from io import BytesIO
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from .errors import IntakeError, refuse

MAX_ENTRIES = 1000
# A part larger than this must not be compressed more than MAX_RATIO times (zip bombs are).
RATIO_CHECKED_ABOVE = 5 * 1024 * 1024
MAX_RATIO = 100
_CHUNK = 64 * 1024
_OFFICE_DOCUMENT = "/officeDocument"
_ESCAPED_CHARACTER = re.compile(r"_x([0-9A-Fa-f]{4})_")
# What reading a damaged (or hostile) part raises, from zipfile, zlib, expat and the conversions.
DAMAGED = (
    *(zipfile.BadZipFile, zlib.error, expat.ExpatError, EOFError, OSError, NotImplementedError, RuntimeError),
    *(ValueError, KeyError, IndexError, OverflowError),
)


def check_archive(archive: zipfile.ZipFile, *, max_expanded_bytes: int) -> None:
    """Refuse a workbook that would expand too much, from its directory alone."""
    entries = archive.infolist()
    expanded = sum(entry.file_size for entry in entries)
    too_big = len(entries) > MAX_ENTRIES or expanded > max_expanded_bytes
    too_dense = any(
        entry.file_size > RATIO_CHECKED_ABOVE and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )
    if too_big or too_dense:
        raise refuse("expands_too_much", limit=max_expanded_bytes // (1024 * 1024))


class _Budget:
    """What may still be decompressed from the archive, whatever its directory says."""

    def __init__(self, limit: int):
        self.limit = self.remaining = limit

    def open(self, archive: zipfile.ZipFile, name: str):
        return _CappedReader(archive.open(name), self, archive.getinfo(name).file_size)


class _CappedReader:
    def __init__(self, stream, budget: _Budget, declared: int):
        self.stream, self.budget, self.left = stream, budget, declared

    def read(self, size: int = _CHUNK) -> bytes:
        data = self.stream.read(size)
        if not data and size and self.left > 0:
            raise refuse("damaged")  # shorter than its directory says
        self.left -= len(data)
        self.budget.remaining -= len(data)
        if self.left < 0:
            raise refuse("damaged")
        if self.budget.remaining < 0:
            raise refuse("expands_too_much", limit=self.budget.limit // (1024 * 1024))
        return data


def make_parser(
    start: Callable | None = None, end: Callable | None = None, text: Callable | None = None, *, namespaces=True
):
    """An expat parser that refuses document type declarations (so no entity is ever expanded);
    element names are "namespace}local" unless `namespaces` is false (then as written)."""
    parser = expat.ParserCreate(namespace_separator="}") if namespaces else expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def no_doctype(*args):
        raise refuse("damaged")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text
    return parser


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _attribute(attrs: dict, local: str, default=None):
    """An attribute by its local name, whatever namespace prefix it was written with."""
    if local in attrs:
        return attrs[local]
    for key, value in attrs.items():
        if key.endswith("}" + local):
            return value
    return default


def _unescape(text: str) -> str:
    # Excel writes characters XML cannot hold as _xHHHH_.
    return _ESCAPED_CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


class Workbook:
    """The parts of an XLSX needed to read its active sheet as text."""

    def __init__(self, data: bytes, *, max_expanded_bytes: int, max_columns: int):
        self.max_columns = max_columns
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
            raise refuse("damaged") from None
        check_archive(self.archive, max_expanded_bytes=max_expanded_bytes)
        self.budget = _Budget(max_expanded_bytes)
        self.names = set(self.archive.namelist())
        try:
            self._locate_parts()
            self.strings = self._shared_strings()
            self.date_styles = self._date_styles()
        except IntakeError:
            raise
        except DAMAGED:
            raise refuse("damaged") from None

    # Parts.

    def _parse(self, name: str, start=None, end=None, text=None) -> None:
        parser = make_parser(start, end, text)
        parser.ParseFile(self.budget.open(self.archive, name))

    def _relationships(self, part: str) -> list[dict]:
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        found = []
        if rels not in self.names:
            return found

        def start(name, attrs):
            if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                found.append({"id": attrs.get("Id"), "type": attrs.get("Type", ""), "path": path})

        self._parse(rels, start=start)
        return found

    def _locate_parts(self) -> None:
        documents = [r["path"] for r in self._relationships("") if r["type"].endswith(_OFFICE_DOCUMENT)]
        workbook = documents[0] if documents else "xl/workbook.xml"
        if workbook not in self.names:
            raise refuse("not_a_workbook")
        sheets, state = [], {"active": 0, "date1904": False}

        def start(name, attrs):
            tag = _local(name)
            if tag == "sheet":
                sheets.append(_attribute(attrs, "id"))
            elif tag == "workbookView":
                state["active"] = int(attrs.get("activeTab", 0) or 0)
            elif tag == "workbookPr":
                state["date1904"] = attrs.get("date1904") in ("1", "true")

        self._parse(workbook, start=start)
        relationships = self._relationships(workbook)
        by_id = {r["id"]: r["path"] for r in relationships}
        active = state["active"] if 0 <= state["active"] < len(sheets) else 0
        self.sheet = by_id.get(sheets[active]) if sheets else None
        if self.sheet not in self.names:
            raise refuse("damaged")
        self.epoch = MAC_EPOCH if state["date1904"] else WINDOWS_EPOCH

        def part(kind: str) -> str | None:
            paths = [r["path"] for r in relationships if r["type"].endswith("/" + kind)]
            return paths[0] if paths and paths[0] in self.names else None

        self.shared_strings_part, self.styles_part = part("sharedStrings"), part("styles")

    def _shared_strings(self) -> list[str]:
        strings: list[str] = []
        if not self.shared_strings_part:
            return strings
        parts: list[str] = []
        state = {"text": False, "phonetic": 0}

        def start(name, attrs):
            tag = _local(name)
            if tag == "si":
                parts.clear()
            elif tag == "rPh":
                state["phonetic"] += 1
            elif tag == "t" and not state["phonetic"]:
                state["text"] = True

        def end(name):
            tag = _local(name)
            if tag == "si":
                strings.append(_unescape("".join(parts)))
            elif tag == "rPh":
                state["phonetic"] -= 1
            elif tag == "t":
                state["text"] = False

        def text(data):
            if state["text"]:
                parts.append(data)

        self._parse(self.shared_strings_part, start, end, text)
        return strings

    def _date_styles(self) -> frozenset[str]:
        """The cell styles (indexes into cellXfs) whose number format shows a date or a time."""
        if not self.styles_part:
            return frozenset()
        custom: dict[int, str] = {}
        formats: list[int] = []
        state = {"xfs": False}

        def start(name, attrs):
            tag = _local(name)
            if tag == "numFmt":
                custom[int(attrs.get("numFmtId", 0))] = attrs.get("formatCode", "")
            elif tag == "cellXfs":
                state["xfs"] = True
            elif tag == "xf" and state["xfs"]:
                formats.append(int(attrs.get("numFmtId", 0) or 0))

        def end(name):
            if _local(name) == "cellXfs":
                state["xfs"] = False

        self._parse(self.styles_part, start, end)
        # As the text of the cells' `s` attribute, so that a cell's style is looked up as written.
        return frozenset(
            str(index)
            for index, format_id in enumerate(formats)
            if is_date_format(custom.get(format_id) or BUILTIN_FORMATS.get(format_id, "General"))
        )

    # The sheet.

    def cell_value(self, kind: str, style: str | None, text: str) -> str:
        """A cell that is not a shared string or a plain number, as text."""
        if kind in ("inlineStr", "str", "e"):
            return _unescape(text)
        if kind == "b":
            return "TRUE" if text.strip() in ("1", "true") else "FALSE"
        if kind == "d":
            return text[:10] if text[10:19] in ("", "T00:00:00") else text.replace("T", " ")[:16]
        if style is not None and style in self.date_styles:
            serial = float(text)
            moment = from_excel(serial, self.epoch)
            if serial < 1:
                return moment.strftime("%H:%M")
            if moment.hour or moment.minute or moment.second:
                return moment.strftime("%Y-%m-%d %H:%M")
            return moment.strftime("%Y-%m-%d")
        return number_text(text)

    def sheet_stream(self):
        """The active sheet's XML, its reading capped."""
        return self.budget.open(self.archive, self.sheet)


def number_text(text: str) -> str:
    """A number cell as its digits: "1.0" and "1E3" read as "1" and "1000"; others as written."""
    text = text.strip()
    if "." in text or "E" in text or "e" in text:
        number = float(text)
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
    return text
