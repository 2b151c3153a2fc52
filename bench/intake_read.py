"""How fast core.spreadsheets.intake reads a 100,000-row file, and with how much memory.

    .venv/bin/python -m bench.intake_read [ROWS]

Generates the youth-projects template's eleven columns (Arabic headers and text, numbers) as a
UTF-8 CSV, a Windows-1256 CSV with ";" (Arabic Excel's plain "CSV"), an XLSX as openpyxl's
write-only workbook writes it (inline strings) and one as Excel writes it (shared strings), then
reads each through `open_table` (every cell checked) and, as the baselines in the same run, the
XLSX files through openpyxl's read-only mode (values only) and the CSV through the bare csv
module. Prints the wall
and CPU seconds, rows per CPU second (the machine is shared: CPU time is what compares between
runs) and the peak of Python allocations while reading (tracemalloc, a second run; the file's
bytes, already in memory, are not counted). No database is used.
"""

import csv
import io
import os
import random
import sys
import time
import tracemalloc
import zipfile
from xml.sax.saxutils import escape

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partners_portal.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

import openpyxl  # noqa: E402

from core.spreadsheets import IntakeLimits, open_table  # noqa: E402

HEADERS = [
    "اسم_المتقدم",
    "الجنس",
    "سنة_الميلاد",
    "الهاتف",
    "رقم_الهوية",
    "المستوى_التعليمي",
    "عدد_العمال",
    "رأس_المال",
    "القطاع",
    "المديرية",
    "المبلغ_المطلوب",
]
NAMES = ["محمد", "أحمد", "سالم", "فاطمة", "عائشة", "عمر", "خالد", "جمعان", "سعيد", "ناصر", "مريم", "عبدالله"]
DISTRICTS = ["المكلا", "سيئون", "الشحر", "تريم", "شبام", "غيل باوزير"]
# Big enough for the generated files; the upload limits of the settings are for people's files.
LIMITS = IntakeLimits(
    max_file_bytes=200 * 1024 * 1024, max_expanded_bytes=500 * 1024 * 1024, max_cell_chars=10_000, max_columns=100
)


def _rows(count: int):
    pick = random.Random(2017).choice
    for n in range(count):
        yield [
            f"{pick(NAMES)} {pick(NAMES)} بن {pick(NAMES)}",
            pick(["ذكر", "أنثى"]),
            1980 + n % 25,
            f"77{1000000 + n}",
            f"{10**10 + n}",
            pick(["جامعي", "معهد فني", "ثانوي"]),
            1 + n % 9,
            100_000 + 1000 * (n % 5000),
            pick(["زراعة", "أسماك", "تجارة", "حرف"]),
            pick(DISTRICTS),
            50_000 + 500 * (n % 9000),
        ]


def _shared_strings_xlsx(rows: list[list]) -> bytes:
    """An XLSX as Excel writes it: text in the shared strings table, numbers in the sheet."""
    strings: dict[str, int] = {}
    sheet = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            reference = f"{chr(65 + column)}{number}"
            if isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{reference}" t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{reference}"><v>{value}</v></c>')
        sheet.append(f'<row r="{number}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Target="xl/workbook.xml" '
            f'Type="{relationships}/officeDocument"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{relationships}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{relationships}/worksheet"/>'
            f'<Relationship Id="rId2" Target="sharedStrings.xml" Type="{relationships}/sharedStrings"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{"".join(sheet)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{main}">' + "".join(f"<si><t>{escape(text)}</t></si>" for text in strings) + "</sst>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def make_files(count: int) -> dict[str, tuple[str, bytes]]:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(_rows(count))
    semicolons = io.StringIO()
    csv.writer(semicolons, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text.getvalue())))
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for row in _rows(count):
        sheet.append(row)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    return {
        "CSV UTF-8 (with BOM), ','": ("rows.csv", text.getvalue().encode("utf-8-sig")),
        "CSV Windows-1256, ';'": ("rows.csv", semicolons.getvalue().encode("cp1256")),
        "XLSX, inline strings (openpyxl)": ("rows.xlsx", xlsx.getvalue()),
        "XLSX, shared strings (as Excel writes)": ("rows.xlsx", _shared_strings_xlsx([HEADERS, *_rows(count)])),
    }


def intake_read(name: str, data: bytes) -> int:
    return sum(1 for _row in open_table(data, name=name, limits=LIMITS).rows)


def openpyxl_read(name: str, data: bytes) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return sum(1 for _row in workbook.active.iter_rows(min_row=2, values_only=True))


def csv_module_read(name: str, data: bytes) -> int:
    return sum(1 for _row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))) - 1


def measure(read, name: str, data: bytes) -> tuple[int, float, float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    rows = read(name, data)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    tracemalloc.start()
    read(name, data)
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    return rows, seconds, cpu, peak


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100_000
    files = make_files(count)
    print(f"{count:,} rows x {len(HEADERS)} columns; {sys.argv[0]}")
    cases = [(label, intake_read, name, data) for label, (name, data) in files.items()]
    cases.append(("baseline: bare csv module, UTF-8", csv_module_read, *files["CSV UTF-8 (with BOM), ','"]))
    for label in ("XLSX, inline strings (openpyxl)", "XLSX, shared strings (as Excel writes)"):
        cases.append((f"baseline: openpyxl read-only, {label.split(', ')[1]}", openpyxl_read, *files[label]))
    for label, read, name, data in cases:
        rows, seconds, cpu, peak = measure(read, name, data)
        print(
            f"  {label:<58} {len(data) / 1e6:5.1f} MB {rows:>8,} rows  {seconds:5.2f} s ({cpu:5.2f} s CPU)  "
            f"{rows / cpu:>8,.0f} rows/CPU-s  peak {peak:5.1f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
