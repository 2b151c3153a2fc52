"""All responses of a survey as a spreadsheet: one row per invited organization, one column per
question (headed by its label in the user's language). Every cell goes through
`core.exports.escape_formula`; numbers and dates stay numbers and dates in XLSX."""

import csv
import io
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.exports import escape_formula

from . import answers as answer_kinds
from .models import Survey
from .selectors import BoardState, district_names, export_rows


def table(survey: Survey) -> list[list]:
    """The header row and one row per invitation, cells as Python values (already escaped)."""
    questions, rows = export_rows(survey=survey)
    names = district_names()
    header = [_("Organization"), _("State"), _("Submitted on"), *[question.label for question in questions]]
    body = []
    for invitation, state, given in rows:
        response = getattr(invitation, "response", None)
        submitted = timezone.localtime(response.submitted_at).date() if response and response.submitted_at else None
        cells = [invitation.organization.name, BoardState.labels[state], submitted]
        cells += [answer_kinds.cell(question, given.get(question.pk), district_names=names) for question in questions]
        body.append(cells)
    return [[escape_formula(cell) for cell in row] for row in [header, *body]]


def filename(survey: Survey, extension: str) -> str:
    return f"questionnaire-{survey.pk}-{timezone.localdate():%Y-%m-%d}.{extension}"


def as_xlsx(survey: Survey) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Responses")[:31]
    rows = table(survey)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date | datetime):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "B2"
    if get_language_bidi():
        sheet.sheet_view.rightToLeft = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_csv(survey: Survey) -> str:
    """UTF-8 with a byte order mark, so that Excel reads the Arabic text correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in table(survey):
        writer.writerow(["" if cell is None else _csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _csv_cell(value):
    if isinstance(value, date):
        return value.isoformat()
    return value
