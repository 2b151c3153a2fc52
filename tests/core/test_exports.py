import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation
from django.utils.functional import lazy
from import_export import fields, resources
from import_export.formats import base_formats

from core.exports import escape_formula, unescape_formula
from core.spreadsheets import SafeExportResourceMixin, WholeNumberWidget, YesNoWidget, row_problem

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["equals", "plus", "minus", "at", "tab", "carriage-return"])
def test_text_starting_with_a_formula_character_gets_a_leading_quote(trigger):
    assert escape_formula(trigger + 'HYPERLINK("http://evil")') == "'" + trigger + 'HYPERLINK("http://evil")'


@pytest.mark.parametrize("value", [-5, -5.5, 0, 7, Decimal("-12.50"), None, True])
def test_numbers_and_other_non_text_values_are_left_as_they_are(value):
    assert escape_formula(value) is value


@pytest.mark.parametrize("value", ["-5", "+5", "-1,000", "-0.25", "-.5"])
def test_text_that_is_a_plain_number_is_not_escaped(value):
    assert escape_formula(value) == value


@pytest.mark.parametrize("value", ["-5+cmd", "-1-1", "+1e3", "--5", "-", "@"])
def test_text_that_only_starts_like_a_number_is_escaped(value):
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["", "SMEPS", "مؤسسة العون", "a=b", " =not at the start", "'quoted"])
def test_ordinary_text_is_not_changed(value):
    assert escape_formula(value) == value


def test_lazy_text_is_escaped_as_text():
    lazy_text = lazy(lambda: "=1+1", str)()
    assert escape_formula(lazy_text) == "'=1+1"


@pytest.mark.parametrize("value", ["=1+1", "-cmd", "@SUM(A1)", "\tx", "-5", "'quoted", "plain", "'=already quoted"])
def test_unescaping_gives_back_what_was_escaped(value):
    assert unescape_formula(escape_formula(value)) == value


def test_unescaping_leaves_a_quote_the_export_did_not_add():
    assert unescape_formula("'hello") == "'hello"
    assert unescape_formula("'-5") == "'-5"


class _RowsResource(SafeExportResourceMixin, resources.Resource):
    name = fields.Field(attribute="name", column_name="name")
    amount = fields.Field(attribute="amount", column_name="amount", widget=WholeNumberWidget())
    formula_header = fields.Field(attribute="name", column_name="=HEADER")


ROWS = [{"name": trigger + "cmd|' /C calc'!A0", "amount": -5} for trigger in TRIGGERS]


def test_a_resource_with_the_mixin_escapes_every_text_cell_and_header_in_csv():
    dataset = _RowsResource().export(queryset=ROWS)
    content = base_formats.CSV().export_data(dataset)
    rows = list(csv.reader(io.StringIO(content, newline="")))
    assert rows[0] == ["name", "amount", "'=HEADER"]
    assert [row[0] for row in rows[1:]] == ["'" + row["name"] for row in ROWS]
    assert {row[1] for row in rows[1:]} == {"-5"}


def test_a_resource_with_the_mixin_escapes_text_and_keeps_negative_numbers_numeric_in_xlsx():
    dataset = _RowsResource().export(queryset=ROWS)
    sheet = openpyxl.load_workbook(io.BytesIO(base_formats.XLSX().export_data(dataset))).active
    assert sheet["C1"].value == "'=HEADER"
    for index, row in enumerate(ROWS, start=2):
        name_cell, amount_cell = sheet.cell(row=index, column=1), sheet.cell(row=index, column=2)
        assert name_cell.data_type == "s"  # text, never a formula ("f")
        # XML stores a carriage return as a line feed; the cell is escaped either way.
        assert name_cell.value == "'" + row["name"].replace("\r", "\n")
        assert amount_cell.value == -5
        assert amount_cell.data_type == "n"


@pytest.mark.parametrize(
    ("cell", "number"), [("5,000,000", 5000000), ("  42 ", 42), (7.0, 7), ("٥٠٠", 500), ("-5", -5), ("", None)]
)
def test_a_whole_number_cell_is_read_in_the_forms_people_type_it(cell, number):
    assert WholeNumberWidget().clean(cell) == number


@pytest.mark.parametrize("cell", ["1.5", "=1", "abc", "1" * 41])
def test_a_cell_that_is_not_a_whole_number_is_refused_with_its_value(cell):
    with translation.override("en"), pytest.raises(ValueError, match="is not a whole number"):
        WholeNumberWidget().clean(cell)


@pytest.mark.parametrize(("cell", "answer"), [("yes", True), ("No", False), ("1", True), ("0", False), ("نعم", True)])
def test_a_yes_no_cell_is_read_in_either_language(cell, answer):
    assert YesNoWidget().clean(cell) is answer


def test_a_problem_message_names_the_row_as_a_spreadsheet_numbers_it_and_the_column():
    with translation.override("en"):
        assert (
            row_problem(row=3, column="kind", problem="It is wrong.")
            == "Row 3 of the file (the header is row 1), column “kind”: It is wrong."
        )
        assert row_problem(row=2, column=None, problem="It is wrong.") == (
            "Row 2 of the file (the header is row 1): It is wrong."
        )
