"""Results of a survey: summaries for staff and the governor's office (text answers with their
organization for staff only), and the spreadsheet export of every response (staff only)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from core.access import is_agency_staff, staff_required

from .. import exports
from ..models import Survey
from ..selectors import completion, survey_results
from .common import readers_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@readers_required
def results(request, pk: int):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    is_staff = is_agency_staff(request.user)
    submitted, sections = survey_results(survey=survey, include_texts=is_staff)
    return render(
        request,
        "surveys/results.html",
        {"survey": survey, "submitted": submitted, "sections": sections, "is_staff": is_staff, **completion(survey)},
    )


def _download(content, *, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def export_xlsx(request, pk: int):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    return _download(exports.as_xlsx(survey), content_type=XLSX, name=exports.filename(survey, "xlsx"))


@staff_required
def export_csv(request, pk: int):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    return _download(
        exports.as_csv(survey).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        name=exports.filename(survey, "csv"),
    )
