"""The rows of an XLSX worksheet, parsed as a stream: the hot loop of every XLSX import.

Written for speed (closures over local variables, element names compared as written, the column
of a cell reference computed once per column), because the handlers run for every cell of files of
100,000 rows.
"""

from collections.abc import Iterator

from .errors import IntakeError, cell_reference, refuse
from .xlsx import DAMAGED, Workbook, make_parser, number_text

_CHUNK = 64 * 1024
_DIGITS = "0123456789"


def column_index(letters: str) -> int:
    """ "A" -> 0, "AA" -> 26; ValueError for anything but letters."""
    if not letters.isascii() or not letters.isalpha():
        raise ValueError(letters)
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index - 1


def sheet_rows(workbook: Workbook) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text up to the last cell with a value) for every row of the active
    sheet that has one; IntakeError for a formula, a damaged part or too many columns."""
    try:
        yield from _rows(workbook, workbook.sheet_stream())
    except IntakeError:
        raise
    except DAMAGED:
        raise refuse("damaged") from None


def _rows(workbook: Workbook, stream) -> Iterator[tuple[int, list[str]]]:
    strings, date_styles, max_columns = workbook.strings, workbook.date_styles, workbook.max_columns
    cell_value = workbook.cell_value
    done: list[tuple[int, list[str]]] = []
    cells: dict[int, str] = {}
    parts: list[str] = []
    columns: dict[str, int] = {}
    row, column, kind, style, collecting, formula = 0, -1, "n", None, False, False
    # Element names as written, without namespace processing (the cost of every callback): the
    # root element says which prefix, if any, the sheet's elements carry.
    CELL, VALUE, TEXT, FORMULA, ROW = "c", "v", "t", "f", "row"

    def root(name, attrs):
        nonlocal CELL, VALUE, TEXT, FORMULA, ROW
        prefix = name.rpartition(":")[0] + ":" if ":" in name else ""
        CELL, VALUE, TEXT, FORMULA, ROW = (prefix + local for local in ("c", "v", "t", "f", "row"))
        parser.StartElementHandler = start

    def start(name, attrs):
        nonlocal row, column, kind, style, collecting, formula
        if name == CELL:
            reference = attrs.get("r")
            if reference:
                letters = reference.rstrip(_DIGITS)
                found = columns.get(letters)
                column = columns[letters] = column_index(letters) if found is None else found
            else:
                column += 1
            kind = attrs.get("t", "n")
            style = attrs.get("s")
            formula = False
            parts.clear()
        elif name in (VALUE, TEXT):
            collecting = True
        elif name == FORMULA:
            formula = True
        elif name == ROW:
            number = attrs.get("r")
            row = int(number) if number else row + 1
            column = -1
            cells.clear()

    def end(name):
        nonlocal collecting
        if name in (TEXT, VALUE):
            collecting = False
        elif name == CELL:
            if formula:
                raise refuse("formula", cell=cell_reference(column, row))
            if not parts:
                return
            text = parts[0] if len(parts) == 1 else "".join(parts)
            if kind == "s":
                value = strings[int(text)]
            elif kind == "n" and (style is None or style not in date_styles):
                value = number_text(text)
            else:
                value = cell_value(kind, style, text)
            if value:
                if column >= max_columns:
                    raise refuse("too_many_columns", count=column + 1, limit=max_columns)
                cells[column] = value
        elif name == ROW and cells:
            values = [""] * (max(cells) + 1)
            for position, value in cells.items():
                values[position] = value
            done.append((row, values))

    def text(data):
        if collecting:
            parts.append(data)

    parser = make_parser(root, end, text, namespaces=False)
    while chunk := stream.read(_CHUNK):
        parser.Parse(chunk, False)
        yield from done
        done.clear()
    parser.Parse(b"", True)
    yield from done
