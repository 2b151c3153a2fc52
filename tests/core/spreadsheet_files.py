"""Files as people's Excel writes them, and files that must be refused, built from bytes in the
tests (nothing is read from disk)."""

import io
import struct
import zipfile

import openpyxl

# Arabic words as the seed's partners write them, with a name chain and a word starting with waw.
HEADERS = ["اسم_المتقدم", "المديرية", "رأس_المال"]
ROWS = [
    ["جمعان سعيد بن ناصر", "المكلا", "500000"],
    ["وكالة التمكين والإقراض", "سيئون", "1500000"],
]


def csv_bytes(rows, *, encoding="utf-8", delimiter=",", bom=False) -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    return data


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def rewrite_xlsx(data: bytes, sheet_xml) -> bytes:
    """The workbook `data` with its sheet's XML replaced by `sheet_xml(old_xml)`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = sheet_xml(content)
            target.writestr(item.filename, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def sheet_with_rows(rows_xml: bytes):
    """A sheet_xml function for rewrite_xlsx: the sheet's rows replaced by `rows_xml`."""

    def replace(xml: bytes) -> bytes:
        start = xml.index(b"<sheetData")
        end = xml.index(b"</sheetData>") + len(b"</sheetData>")
        return xml[:start] + b"<sheetData>" + rows_xml + b"</sheetData>" + xml[end:]

    return replace


def zip_bomb(expanded_bytes: int) -> bytes:
    """A small XLSX whose sheet XML expands to about `expanded_bytes` (one cell repeated)."""
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2">'
    rows += cell * (expanded_bytes // len(cell)) + b"</row>"
    return rewrite_xlsx(xlsx_bytes([["h"], ["x"]]), sheet_with_rows(rows))


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """`data` with the uncompressed size that the central directory states for `member` set to
    `size`: a directory that lies."""
    data = bytearray(data)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        if data[position + 46 : position + 46 + name_length] == member.encode():
            data[position + 24 : position + 28] = struct.pack("<I", size)
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


OLE_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4
ODS = zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office/>"})
