"""core.spreadsheets.intake: every uploaded spreadsheet is read right or refused with a message the
uploader can act on, in their language; nothing reaches a library unchecked."""

import io
import re
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.spreadsheets import IntakeError, IntakeLimits, open_table
from core.spreadsheets.errors import MESSAGES
from tests.core.spreadsheet_files import (
    HEADERS,
    ODS,
    OLE_XLS,
    PDF,
    ROWS,
    csv_bytes,
    declare_size,
    rewrite_xlsx,
    sheet_with_rows,
    xlsx_bytes,
    zip_bomb,
    zip_of,
)

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def read(data, name="applicants.csv", **limits):
    table = open_table(data, name=name, limits=IntakeLimits(**limits) if limits else None)
    return table, list(table.rows)


def refusal(data, name="applicants.csv", language="en", **limits) -> IntakeError:
    """The IntakeError that reading the file raises, its messages worded in `language`."""
    with translation.override(language), pytest.raises(IntakeError) as caught:
        read(data, name, **limits)
    return caught.value


@pytest.fixture
def decompressed(monkeypatch):
    """How many bytes were decompressed from any ZIP: the instrument for "refused before parsing"."""
    counter = {"bytes": 0}
    original = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = original(self, n)
        counter["bytes"] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    return counter


# Encodings and delimiters.


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", False, "utf-8"),
        ("utf-8", True, "utf-8-sig"),
        ("cp1256", False, "cp1256"),  # Arabic Excel's plain "CSV"
        ("utf-16", False, "utf-16"),  # Python writes the byte order mark (little-endian here)
        ("utf-16-le", False, "utf-16-le"),  # no byte order mark
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "\u061b"], ids=["comma", "semicolon", "tab", "arabic-semicolon"])
def test_arabic_text_reads_back_as_written_in_each_encoding_and_delimiter(encoding, bom, expected, delimiter):
    data = csv_bytes([HEADERS, *ROWS], encoding=encoding, delimiter=delimiter, bom=bom)
    table, rows = read(data)
    assert table.headers == HEADERS
    assert rows == [(2, ROWS[0]), (3, ROWS[1])]
    assert (table.format, table.encoding, table.delimiter) == ("csv", expected, delimiter)


def test_utf16_big_endian_with_its_byte_order_mark_reads_back_as_written():
    data = b"\xfe\xff" + "\r\n".join(",".join(row) for row in [HEADERS, *ROWS]).encode("utf-16-be")
    table, rows = read(data)
    assert (table.headers, rows[1][1]) == (HEADERS, ROWS[1])


def test_a_delimiter_inside_quotes_does_not_count_and_quoted_line_breaks_stay_in_one_row():
    data = 'الاسم;"العنوان, كاملاً";الهاتف\r\nسالم;"المكلا،\nحي الشرج";777\r\nعلي;سيئون;778\r\n'.encode("cp1256")
    table, rows = read(data)
    assert table.delimiter == ";"
    assert table.headers == ["الاسم", "العنوان, كاملاً", "الهاتف"]
    assert rows == [(2, ["سالم", "المكلا،\nحي الشرج", "777"]), (3, ["علي", "سيئون", "778"])]


@pytest.mark.parametrize("first_header", ["BMI", "MZ number", "ID3 code", "%! note"])
def test_a_header_that_starts_like_a_binary_signature_is_still_read_as_text(first_header):
    table, rows = read(csv_bytes([[first_header, "b"], ["1", "2"]]))
    assert (table.headers, rows) == ([first_header, "b"], [(2, ["1", "2"])])


def test_utf8_with_a_few_broken_bytes_is_refused_rather_than_read_as_windows_1256():
    data = csv_bytes([HEADERS, *ROWS])
    error = refusal(data[:-8] + b"\xff" + data[-8:])
    assert error.code == "encoding"


def test_blank_rows_are_skipped_and_the_others_keep_their_numbers_short_rows_are_padded():
    data = csv_bytes([HEADERS, ROWS[0], [""], ["", "", ""], ["علي"]])
    _table, rows = read(data)
    assert rows == [(2, ROWS[0]), (5, ["علي", "", ""])]


def test_an_uploaded_file_object_is_read_like_bytes():
    upload = SimpleUploadedFile("applicants.csv", csv_bytes([HEADERS, *ROWS], encoding="cp1256"))
    upload.read(5)  # a form may have looked at it already
    table, rows = read(upload)
    assert (table.headers, len(rows)) == (HEADERS, 2)


# XLSX values.


def test_an_xlsx_reads_text_numbers_dates_and_booleans_as_text():
    import datetime

    rows = [
        ["name", "phone", "amount", "date", "when", "ok"],
        ["جمعان", 777123456, 2.5, datetime.date(2017, 5, 1), datetime.datetime(2017, 5, 1, 9, 30), True],
        [None, None, None, None, None, None],
        ["  سالم  ", 1.0, None, None, None, False],
    ]
    table, read_rows = read(xlsx_bytes(rows), name="book.xlsx")
    assert (table.format, table.encoding, table.delimiter) == ("xlsx", None, None)
    assert table.headers == rows[0]
    assert read_rows == [
        (2, ["جمعان", "777123456", "2.5", "2017-05-01", "2017-05-01 09:30", "TRUE"]),
        (4, ["سالم", "1", "", "", "", "FALSE"]),
    ]


def test_an_xlsx_with_shared_strings_and_rich_text_reads_the_whole_text():
    workbook = xlsx_bytes([["h"], ["x"]])
    rows = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    data = rewrite_xlsx(workbook, sheet_with_rows(rows))
    strings = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb3\xd9\x85</t></si>"
        b"<si><r><t>\xd8\xac\xd9\x85\xd8\xb9\xd8\xa7\xd9\x86 </t></r><r><rPr><b/></rPr><t>\xd8\xa8\xd9\x86</t></r>"
        b"<rPh><t>phonetic</t></rPh></si></sst>"
    )
    data = _with_shared_strings(data, strings)
    table, read_rows = read(data, name="book.xlsx")
    assert (table.headers, read_rows) == (["الاسم"], [(2, ["جمعان بن"])])


def _with_shared_strings(data: bytes, strings: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = {name: source.read(name) for name in source.namelist()}
    entries["xl/sharedStrings.xml"] = strings
    rels = entries["xl/_rels/workbook.xml.rels"].decode()
    relation = (
        '<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    )
    entries["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", relation + "</Relationships>").encode()
    return zip_of(entries)


def test_an_xlsx_is_read_from_the_sheet_that_was_open_when_it_was_saved():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["first"])
    second = workbook.create_sheet("second")
    second.append(["الاسم"])
    second.append(["سالم"])
    workbook.active = 1
    stream = io.BytesIO()
    workbook.save(stream)
    table, rows = read(stream.getvalue(), name="book.xlsx")
    assert (table.headers, rows) == (["الاسم"], [(2, ["سالم"])])


# Files that are not what their name says.


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        pytest.param(csv_bytes([HEADERS, *ROWS]), "applicants.xlsx", "xlsx_is_text", id="csv-renamed-xlsx"),
        pytest.param(xlsx_bytes([HEADERS, *ROWS]), "applicants.csv", "csv_is_xlsx", id="xlsx-renamed-csv"),
        pytest.param(OLE_XLS, "applicants.xls", "xls", id="xls"),
        pytest.param(OLE_XLS, "applicants.xlsx", "xls", id="xls-renamed-xlsx-or-password-protected"),
        pytest.param(OLE_XLS, "applicants.csv", "xls", id="xls-renamed-csv"),
        pytest.param(xlsx_bytes([HEADERS, *ROWS]), "applicants.xls", "xls", id="xlsx-named-xls"),
        pytest.param(csv_bytes([HEADERS, *ROWS]), "applicants.txt", "unsupported", id="txt"),
        pytest.param(PDF, "applicants.csv", "unsupported", id="pdf-renamed-csv"),
        pytest.param(PDF, "applicants.xlsx", "not_a_workbook", id="pdf-renamed-xlsx"),
        pytest.param(ODS, "applicants.xlsx", "not_a_workbook", id="ods-renamed-xlsx"),
        pytest.param(b"PK\x03\x04 not really a zip", "applicants.xlsx", "damaged", id="broken-zip"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(data, name, code):
    assert refusal(data, name).code == code


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        pytest.param(b"", "a.csv", "empty", id="empty"),
        pytest.param(b"\r\n\r\n,,\r\n", "a.csv", "empty", id="blank-lines"),
        pytest.param(csv_bytes([HEADERS]), "a.csv", "header_only", id="csv-header-only"),
        pytest.param(csv_bytes([HEADERS, ["", "", ""]]), "a.csv", "header_only", id="csv-header-and-blank-row"),
        pytest.param(xlsx_bytes([HEADERS]), "a.xlsx", "header_only", id="xlsx-header-only"),
        pytest.param(xlsx_bytes([]), "a.xlsx", "empty", id="xlsx-empty"),
        pytest.param(csv_bytes([[""], HEADERS, *ROWS]), "a.csv", "no_header_row", id="csv-row-1-blank"),
        pytest.param(xlsx_bytes([[None], HEADERS, *ROWS]), "a.xlsx", "no_header_row", id="xlsx-row-1-blank"),
    ],
)
def test_a_file_with_nothing_to_import_is_refused(data, name, code):
    assert refusal(data, name).code == code


# Limits.


class _WatchedUpload(io.BytesIO):
    """An uploaded file (it knows its size) that records every read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.size, self.reads = len(data), []

    def read(self, *args):
        self.reads.append(args)
        return super().read(*args)


def test_a_file_over_the_size_limit_is_refused_without_being_read(settings):
    settings.SPREADSHEET_MAX_FILE_BYTES = 1024 * 1024
    upload = _WatchedUpload(b"a,b\r\n" + b"1,2\r\n" * 300_000)
    error = refusal(upload, "big.csv")
    assert error.code == "too_large"
    assert "1 MB" in error.messages[0]
    assert upload.reads == []


def test_bytes_over_the_size_limit_are_refused():
    assert refusal(b"a,b\r\n" + b"1,2\r\n" * 1000, max_file_bytes=2000).code == "too_large"


def test_a_zip_bomb_is_refused_from_its_directory_before_its_sheet_is_read(decompressed):
    bomb = zip_bomb(3 * 1024 * 1024)
    assert len(bomb) < 60_000  # small on disk...
    decompressed["bytes"] = 0
    tracemalloc.start()
    try:
        error = refusal(bomb, "bomb.xlsx", max_expanded_bytes=2 * 1024 * 1024)  # ...too big opened
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "expands_too_much"
    assert "2 MB" in error.messages[0]
    assert decompressed["bytes"] == 0
    assert peak < 5 * 1024 * 1024


def test_a_workbook_declaring_more_than_the_default_limit_is_refused_before_anything_is_read(decompressed):
    data = declare_size(xlsx_bytes([HEADERS, *ROWS]), "xl/worksheets/sheet1.xml", 600 * 1024 * 1024)
    decompressed["bytes"] = 0
    assert refusal(data, "bomb.xlsx").code == "expands_too_much"
    assert decompressed["bytes"] == 0


def test_a_part_compressed_far_more_than_a_spreadsheet_is_refused_even_under_the_size_limit(decompressed):
    data = zip_bomb(6 * 1024 * 1024)  # under 100 MB, but a thousand times smaller on disk
    decompressed["bytes"] = 0
    assert refusal(data, "dense.xlsx").code == "expands_too_much"
    assert decompressed["bytes"] == 0


def test_a_workbook_of_too_many_parts_is_refused():
    entries = {f"xl/media/image{n}.png": b"" for n in range(1001)}
    assert refusal(zip_of(entries), "parts.xlsx").code == "expands_too_much"


def test_a_sheet_that_expands_past_its_declared_size_is_refused_after_reading_no_more_than_declared(decompressed):
    lying = declare_size(zip_bomb(3 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1000)
    decompressed["bytes"] = 0
    assert refusal(lying, "lying.xlsx").code == "damaged"
    assert decompressed["bytes"] < 64 * 1024


def test_a_sheet_smaller_than_its_declared_size_is_refused_as_damaged():
    data = xlsx_bytes([HEADERS, *ROWS])
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml").file_size
    assert refusal(declare_size(data, "xl/worksheets/sheet1.xml", size + 500), "a.xlsx").code == "damaged"


@pytest.mark.parametrize(
    ("rows", "name", "cell"),
    [
        pytest.param([HEADERS, ["سالم", "المكلا", "=1+1"]], "a.xlsx", "C2", id="formula"),
        pytest.param([HEADERS, ["سالم", '=HYPERLINK("http://x")', "1"]], "a.xlsx", "B2", id="hyperlink"),
        pytest.param([["=A2", "b"], ["1", "2"]], "a.xlsx", "A1", id="formula-in-header"),
    ],
)
def test_a_formula_cell_is_refused_by_name_and_its_cached_value_is_never_read(rows, name, cell):
    error = refusal(xlsx_bytes(rows), name)
    assert error.code == "formula"
    assert f"Cell {cell} " in error.messages[0]


def test_a_shared_formula_with_a_cached_value_is_refused():
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        b'<row r="2"><c r="A2"><f t="shared" si="0"/><v>42</v></c></row>'
    )
    data = rewrite_xlsx(xlsx_bytes([["a"], [1]]), sheet_with_rows(rows))
    assert refusal(data, "a.xlsx").code == "formula"


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_a_cell_over_the_length_limit_is_refused_by_name(make):
    name = "a.csv" if make is csv_bytes else "a.xlsx"
    error = refusal(make([HEADERS, ROWS[0], ["سالم", "x" * 10_001, "1"]]), name)
    assert error.code == "cell_too_long"
    assert error.messages[0].startswith("Cell B3 holds 10001 characters")


@pytest.mark.parametrize(
    ("data", "name", "cell"),
    [
        pytest.param(csv_bytes([HEADERS, ["سا\x00لم", "المكلا", "1"]]), "a.csv", "A2", id="csv-nul"),
        pytest.param(csv_bytes([HEADERS, ["سالم", "\x1b[31m", "1"]]), "a.csv", "B2", id="csv-escape"),
        pytest.param(xlsx_bytes([HEADERS, ["سالم", "a_x0000_b", "1"]]), "a.xlsx", "B2", id="xlsx-nul"),
        pytest.param(xlsx_bytes([HEADERS, ["سالم", "a_xD800_b", "1"]]), "a.xlsx", "B2", id="xlsx-lone-surrogate"),
    ],
)
def test_a_nul_control_character_or_lone_surrogate_in_a_cell_is_refused_by_name(data, name, cell):
    error = refusal(data, name)
    assert error.code == "bad_character"
    assert f"Cell {cell} " in error.messages[0]


def test_a_lone_surrogate_in_utf16_or_utf8_text_is_refused_as_unreadable_text():
    utf16 = "a,b\r\n".encode("utf-16") + b"\x00\xd8" + ",x\r\n".encode("utf-16-le")
    utf8 = "الاسم,المديرية\r\nسالم,".encode() + b"\xed\xa0\x80" + "المكلا\r\n".encode()
    assert refusal(utf16).code == "encoding"
    assert refusal(utf8).code == "encoding"


def test_tabs_and_line_breaks_inside_cells_are_kept():
    _table, rows = read(csv_bytes([["a", "b"], ['"x\ty"', '"line 1\nline 2"']]))
    assert rows == [(2, ["x\ty", "line 1\nline 2"])]


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_a_value_in_a_column_without_a_header_is_refused_by_name(make):
    name = "a.csv" if make is csv_bytes else "a.xlsx"
    error = refusal(make([["a", "", "c"], ["1", "2", "3"]]), name)
    assert (error.code, error.messages[0].split(" ")[:2]) == ("no_header", ["Cell", "B2"])
    error = refusal(make([["a", "b"], ["1", "2", "3"]]), name)
    assert (error.code, error.messages[0].split(" ")[:2]) == ("no_header", ["Cell", "C2"])


def test_more_columns_than_the_limit_are_refused():
    assert refusal(csv_bytes([[f"c{n}" for n in range(101)], ["1"]])).code == "too_many_columns"


def test_an_xlsx_cell_far_beyond_the_column_limit_is_refused_without_building_the_row():
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        b'<row r="2"><c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row>'
    )
    data = rewrite_xlsx(xlsx_bytes([["a"], ["b"]]), sheet_with_rows(rows))
    assert refusal(data, "a.xlsx").code == "too_many_columns"


def test_a_sheet_with_a_document_type_declaration_is_refused_unexpanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    data = rewrite_xlsx(xlsx_bytes([["a"], ["b"]]), lambda xml: laughs)
    assert refusal(data, "a.xlsx").code == "damaged"


# The messages.


REFUSALS = [
    (b"", "a.csv"),
    (csv_bytes([HEADERS]), "a.csv"),
    (csv_bytes([HEADERS, *ROWS]), "a.xlsx"),
    (xlsx_bytes([HEADERS, *ROWS]), "a.csv"),
    (OLE_XLS, "a.xls"),
    (zip_bomb(6 * 1024 * 1024), "a.xlsx"),
    (xlsx_bytes([HEADERS, ["a", "=1", "b"]]), "a.xlsx"),
]


@pytest.mark.parametrize(("data", "name"), REFUSALS)
def test_every_refusal_is_worded_in_the_users_language(data, name):
    english = refusal(data, name).messages
    arabic = refusal(data, name, language="ar").messages
    assert arabic != english
    assert all(ARABIC_LETTER.search(message) for message in arabic)


def test_every_intake_message_has_an_arabic_translation():
    for code, message in MESSAGES.items():
        with translation.override("ar"):
            assert ARABIC_LETTER.search(str(message)), code
