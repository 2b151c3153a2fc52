"""Results: per question counts and shares, min / median / max / sum, the text answers (staff);
the export of every response as XLSX and CSV, headers in the user's language, cells escaped."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from surveys import services
from surveys.models import Response
from surveys.selectors import survey_results
from tests import factories
from tests.surveys.factories import invite

FORMULA = '=HYPERLINK("http://evil.example","click")'


def _submit(built, organization, **answers):
    invitation = invite(built.survey, organization, sent_at=timezone.now())
    q = built.q
    base = {q["name"]: "اسم", q["type"]: "mfi", q["products"]: ["murabaha"], q["max_loan"]: Decimal(1_000_000)}
    given = {**base, **{q[code]: value for code, value in answers.items()}}
    for section in (built.s1, built.s2):
        services.response_save_section(
            invitation=invitation,
            section=section,
            answers={k: v for k, v in given.items() if k.section_id == section.pk},
        )
    return services.response_submit(invitation=invitation)


@pytest.fixture
def submitted(built, org_a, org_b):
    mukalla, shihr = factories.district("المكلا"), factories.district("الشحر")
    _submit(
        built, org_a, max_loan=Decimal(1_500_000), products=["murabaha", "ijara"], rating=4, grace="yes",
        grace_months=3, districts=[str(mukalla.pk)], strengths=FORMULA, par=Decimal("4.5"),
    )  # fmt: skip
    _submit(built, org_b, max_loan=Decimal(500_000), rating=2, grace="no", districts=[str(mukalla.pk), str(shihr.pk)],
            strengths="+ فروع قريبة")  # fmt: skip
    third = factories.OrganizationFactory(name_ar="مؤسسة ثالثة", name_en="Third")
    _submit(built, third, max_loan=Decimal(3_000_000), rating=4, grace="yes", grace_months=6)
    # A draft is not counted in the results.
    draft = invite(built.survey, factories.OrganizationFactory(name_en="Drafting"))
    services.response_save_section(invitation=draft, section=built.s2, answers={built.q["max_loan"]: Decimal(9)})
    return mukalla, shihr


def _result(built, code: str, include_texts: bool = True):
    with translation.override("ar"):
        count, sections = survey_results(survey=built.survey, include_texts=include_texts)
    assert count == 3
    return next(result for _section, results in sections for result in results if result.question.code == code)


def test_numbers_have_smallest_median_largest_and_sum(built, submitted):
    numbers = _result(built, "max_loan").numbers
    assert numbers == {"min": 500_000, "median": 1_500_000, "max": 3_000_000, "sum": 5_000_000}
    assert _result(built, "grace_months").numbers == {"min": 3, "median": Decimal("4.5"), "max": 6, "sum": 9}


def test_choices_have_counts_and_percentages(built, submitted):
    assert _result(built, "products").counts == [("المرابحة", 3, 100), ("الإجارة", 1, 33)]
    assert _result(built, "grace").counts == [("نعم", 2, 67), ("لا", 1, 33)]
    rating = _result(built, "rating")
    assert [(label, count) for label, count, _ in rating.counts] == [("1", 0), ("2", 1), ("3", 0), ("4", 2), ("5", 0)]


def test_districts_are_counted_by_name(built, submitted):
    mukalla, shihr = submitted
    counts = {label: (count, percent) for label, count, percent in _result(built, "districts").counts}
    assert counts == {mukalla.name_ar: (2, 100), shihr.name_ar: (1, 50)}


def test_text_answers_are_listed_with_their_organization_for_staff_only(built, submitted, org_a):
    assert (org_a.name_ar, FORMULA) in _result(built, "strengths").texts
    assert _result(built, "strengths", include_texts=False).texts == []


def test_the_results_page_shows_the_summaries(built, submitted, staff_client, governor_client):
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/results/").content.decode()
    assert "Based on 3 submitted responses" in page
    assert "5,000,000 YER" in page
    assert "1 more is still a draft and is not counted." in page
    governor = governor_client.get(f"/en/surveys/{built.survey.pk}/results/").content.decode()
    assert "5,000,000 YER" in governor


def _xlsx_rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_xlsx_export_has_one_row_per_organization_and_one_column_per_question(
    built, submitted, staff_client, org_a
):
    rows = _xlsx_rows(staff_client.get(f"/en/surveys/{built.survey.pk}/export.xlsx"))
    header = rows[0]
    assert header[:4] == ["Organization", "State", "Submitted on", "Name of the contact person"]
    assert "Largest loan (YER)" in header and "Strengths" in header
    assert len(header) == 3 + built.survey.questions.count()
    assert len(rows) == 1 + 4  # three submitted and one draft
    by_org = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    alawn = by_org[org_a.name_en]
    assert alawn["State"] == "Submitted"
    assert alawn["Largest loan (YER)"] == 1_500_000 and isinstance(alawn["Largest loan (YER)"], int)
    assert alawn["Portfolio at risk (%)"] == 4.5
    assert alawn["Products"] == "Murabaha; Ijara"
    assert alawn["Strengths"] == "'" + FORMULA, "a formula in an answer is made inert"
    assert by_org["Drafting"]["State"] == "In progress"


def test_the_export_headers_are_in_the_user_s_language(built, submitted, staff_client):
    rows = _xlsx_rows(staff_client.get(f"/ar/surveys/{built.survey.pk}/export.xlsx"))
    assert rows[0][3] == "سؤال name"
    assert rows[0][0] != "Organization"
    assert "المرابحة; الإجارة" in [cell for row in rows for cell in row]


def test_the_csv_export_escapes_formulas_and_opens_in_excel(built, submitted, staff_client, org_b):
    response = staff_client.get(f"/en/surveys/{built.survey.pk}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    header = rows[0]
    by_org = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_org[org_b.name_en]["Strengths"] == "'+ فروع قريبة"
    assert by_org[org_b.name_en]["Largest loan (YER)"] == "500000"
    assert by_org[org_b.name_en]["Date of the figures"] == ""
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell.lstrip("+-").replace(".", "").isdigit()


def test_only_staff_export(built, submitted, governor_client, member_a_client):
    assert governor_client.get(f"/en/surveys/{built.survey.pk}/export.xlsx").status_code == 403
    assert member_a_client.get(f"/en/surveys/{built.survey.pk}/export.csv").status_code == 403
    assert Response.objects.count() == 4
