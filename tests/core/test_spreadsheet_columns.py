"""core.spreadsheets.columns: a file's columns are found by their headers, in any order, in Arabic
or English, however spaces, underscores, case and Arabic spelling are written."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from core.spreadsheets import IntakeError, header_key, match_columns

COLUMNS = {
    "applicant_name": ["اسم_المتقدم", gettext_lazy("name (Arabic)")],
    "birth_year": ["سنة_الميلاد"],
    "district": ["المديرية"],
}


@pytest.mark.parametrize(
    "written",
    [
        "applicant_name",
        "Applicant Name",
        "applicantname",
        " APPLICANT_NAME ",
        "اسم_المتقدم",
        "اسم المتقدم",
        "إسم المتقدم",
    ],
)
def test_a_header_matches_however_spaces_underscores_case_and_hamza_are_written(written):
    match = match_columns([written, "birth_year"], COLUMNS, required=["applicant_name"])
    assert (match.index, match.written["applicant_name"], match.problems) == (
        {"applicant_name": 0, "birth_year": 1},
        written.strip(),
        [],
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_translated_label_matches_in_either_language_whatever_the_session_language(language):
    with translation.override("ar"):
        arabic = str(gettext_lazy("name (Arabic)"))
    with translation.override(language):
        assert match_columns([arabic], COLUMNS).index == {"applicant_name": 0}
        assert match_columns(["Name (Arabic)"], COLUMNS).index == {"applicant_name": 0}


def test_columns_are_found_in_any_order_and_unknown_ones_are_listed_and_left_alone():
    match = match_columns(["ملاحظات", "المديرية", "سنة الميلاد", "اسم المتقدم"], COLUMNS)
    assert match.index == {"district": 1, "birth_year": 2, "applicant_name": 3}
    assert match.unknown == ["ملاحظات"]
    assert match.cells(["x", "المكلا", "1995", "سالم"]) == {
        "applicant_name": "سالم",
        "birth_year": "1995",
        "district": "المكلا",
    }


def test_a_column_that_is_not_in_the_file_reads_as_empty_cells():
    match = match_columns(["اسم المتقدم"], COLUMNS)
    assert match.cells(["سالم"]) == {"applicant_name": "سالم", "birth_year": "", "district": ""}


def test_a_column_written_twice_and_a_missing_required_column_are_both_reported():
    with translation.override("en"):
        match = match_columns(["applicant name", "اسم_المتقدم"], COLUMNS, required=["applicant_name", "birth_year"])
        assert match.duplicates == {"applicant_name": ["applicant name", "اسم_المتقدم"]}
        assert match.missing == ["birth_year"]
        assert match.problems == [
            "The columns “applicant name” and “اسم_المتقدم” both hold “اسم_المتقدم”; keep one of them.",
            "The file has no “سنة_الميلاد” column; its header may be written as: “سنة_الميلاد” / “birth_year”.",
        ]
        with pytest.raises(IntakeError) as caught:
            match.check()
    assert (caught.value.code, caught.value.messages) == ("columns", match.problems)


def test_a_label_two_columns_share_names_neither():
    match = match_columns(["name"], {"first": ["name"], "second": ["name"]})
    assert (match.index, match.unknown) == ({}, ["name"])


def test_header_keys_set_aside_the_article_and_punctuation():
    assert header_key("المبلغ_المطلوب") == header_key("مبلغ مطلوب") == header_key("المبلغ-المطلوب")
    assert header_key("name (Arabic)") == header_key("name_arabic")
    assert header_key("رأس_المال") != header_key("المال")
