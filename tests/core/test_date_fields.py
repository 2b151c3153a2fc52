"""Dates typed and shown day first (dd/mm/yyyy) whatever the browser's locale, times on the 24-hour
clock, and a meeting's date and time side by side (core.forms, core.widgets)."""

import datetime
import zoneinfo

import pytest
from django import forms
from django.utils import formats, translation

from core.forms import DateField, DateTimeField, TimeField

ADEN = zoneinfo.ZoneInfo("Asia/Aden")


@pytest.fixture(autouse=True)
def _english():
    # Messages are compared in English; the Arabic tests say so.
    with translation.override("en"):
        yield


class MeetingLikeForm(forms.Form):
    day = DateField(label="Day", required=False)
    at = TimeField(label="At", required=False)
    starts = DateTimeField(label="Starts", required=False)


def clean_date(text: str):
    form = MeetingLikeForm({"day": text})
    assert form.is_valid(), form.errors
    return form.cleaned_data["day"]


def date_errors(text: str) -> list[str]:
    form = MeetingLikeForm({"day": text})
    assert not form.is_valid()
    return form.errors["day"]


@pytest.mark.parametrize(
    "typed",
    [
        "31/12/2017",
        "٣١/١٢/٢٠١٧",  # Arabic-Indic digits
        "۳۱/۱۲/۲۰۱۷",  # Eastern Arabic-Indic (Persian) digits
        "31-12-2017",
        "31.12.2017",
        "٣١٫١٢٫٢٠١٧",  # the Arabic decimal separator as a dot
        "31 12 2017",
        "31122017",  # a number keyboard without "/"
        " 31 / 12 / 2017 ",
        "31/12/2017\u0645",  # as the portal prints it, with the Gregorian "م"
        "2017-12-31",  # ISO, year first: cannot be misread
    ],
)
def test_a_date_is_read_day_first_in_the_ways_people_type_it(typed):
    assert clean_date(typed) == datetime.date(2017, 12, 31)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/02/2018", datetime.date(2018, 2, 1)),
        ("1/2/2018", datetime.date(2018, 2, 1)),
        ("12/01/2018", datetime.date(2018, 1, 12)),
        ("٠٢/١١/٢٠١٨", datetime.date(2018, 11, 2)),
        ("02.11.2018", datetime.date(2018, 11, 2)),
    ],
)
def test_day_and_month_are_never_swapped(typed, expected):
    assert clean_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2018", "٣١/٠٢/٢٠١٨", "31.02.2018", "29/02/2018", "00/01/2018", "32/01/2018"])
def test_an_impossible_date_is_named_in_the_message(typed):
    written = {"29/02/2018": "29/02/2018", "00/01/2018": "00/01/2018", "32/01/2018": "32/01/2018"}.get(
        typed, "31/02/2018"
    )
    assert date_errors(typed) == [f"{written} is not a date."]


def test_a_leap_day_is_a_date():
    assert clean_date("29/02/2020") == datetime.date(2020, 2, 29)


def test_a_date_typed_month_first_is_refused_with_a_hint_to_write_the_day_first():
    assert date_errors("12/31/2017") == [
        "12/31/2017 is not a date: write the day first, then the month, for example 31/12/2017."
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/12/17", "Write the year with four digits, for example 31/12/2017."),
        ("31/12/1850", "Enter a year between 1900 and 2100."),
        ("tomorrow", "Enter the date as day/month/year, for example 31/12/2017."),
        ("31/12", "Enter the date as day/month/year, for example 31/12/2017."),
        ("31/12/2017/1", "Enter the date as day/month/year, for example 31/12/2017."),
        ("3" * 5000, "Enter the date as day/month/year, for example 31/12/2017."),
        ("31/12/2017\x00", "Enter the date as day/month/year, for example 31/12/2017."),
        ("31\u200b/12/2017", "Enter the date as day/month/year, for example 31/12/2017."),
    ],
)
def test_what_is_not_a_date_gets_a_clear_message(typed, message):
    assert date_errors(typed) == [message]


def test_the_messages_are_translated():
    with translation.override("ar"):
        message = date_errors("31/02/2018")[0]
    assert message == "31/02/2018 ليس تاريخًا صحيحًا."


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_date_is_shown_as_dd_mm_yyyy_in_a_plain_text_input(language):
    with translation.override(language):
        html = str(MeetingLikeForm(initial={"day": datetime.date(2018, 1, 2)})["day"])
    assert 'type="text"' in html
    assert 'value="02/01/2018"' in html
    assert 'inputmode="numeric"' in html
    assert 'dir="ltr"' in html
    assert 'autocomplete="off"' in html
    assert 'type="date"' not in html


def test_the_placeholder_and_hint_are_translated():
    with translation.override("ar"):
        form = MeetingLikeForm()
        html = str(form["day"])
        hint = str(form["day"].help_text)
    assert 'placeholder="يوم/شهر/سنة"' in html
    assert hint == "اليوم/الشهر/السنة، مثل 31/12/2017."


def test_a_refused_date_is_shown_again_as_typed():
    html = str(MeetingLikeForm({"day": "31/02/2018"})["day"])
    assert 'value="31/02/2018"' in html
    assert 'aria-invalid="true"' in html


def test_the_arabic_and_english_formats_both_read_dates_day_first():
    for language in ("ar", "en"):
        with translation.override(language):
            assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"
            assert formats.get_format("TIME_INPUT_FORMATS")[0] == "%H:%M"
            assert formats.get_format("DATETIME_INPUT_FORMATS")[0] == "%d/%m/%Y %H:%M"
    with translation.override("ar"):
        arabic = [formats.get_format(name) for name in ("DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS")]
    with translation.override("en"):
        english = [formats.get_format(name) for name in ("DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS")]
    assert arabic == english
    # Django's own inputs (the admin's calendar writes the first format) never read month first.
    assert all(not fmt.startswith("%m") for fmt in arabic[0])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", datetime.time(14, 30)),
        ("9:05", datetime.time(9, 5)),
        ("09:05", datetime.time(9, 5)),
        ("١٤:٣٠", datetime.time(14, 30)),
        ("14.30", datetime.time(14, 30)),
        ("1430", datetime.time(14, 30)),
        ("00:00", datetime.time(0, 0)),
        ("23:59", datetime.time(23, 59)),
        ("14:30:00", datetime.time(14, 30)),
        ("2:30 pm", datetime.time(14, 30)),
        ("٢:٣٠ م", datetime.time(14, 30)),
        ("9:00 ص", datetime.time(9, 0)),
        ("12:00 am", datetime.time(0, 0)),
    ],
)
def test_a_time_is_read_on_the_24_hour_clock(typed, expected):
    form = MeetingLikeForm({"at": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["at"] == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("25:00", "25:00 is not a time."),
        ("12:61", "12:61 is not a time."),
        ("noon", "Enter the time as hours:minutes on the 24-hour clock, for example 14:30."),
        ("14:30 pm", "Enter the time as hours:minutes on the 24-hour clock, for example 14:30."),
        ("9" * 100, "Enter the time as hours:minutes on the 24-hour clock, for example 14:30."),
    ],
)
def test_what_is_not_a_time_gets_a_clear_message(typed, message):
    form = MeetingLikeForm({"at": typed})
    assert not form.is_valid()
    assert form.errors["at"] == [message]


def test_a_time_is_shown_as_hh_mm():
    html = str(MeetingLikeForm(initial={"at": datetime.time(9, 5)})["at"])
    assert 'value="09:05"' in html
    assert 'inputmode="numeric"' in html


def test_a_date_and_time_are_read_in_aden_time_from_their_two_inputs():
    form = MeetingLikeForm({"starts_0": "٢٢/٠١/٢٠١٨", "starts_1": "09:30"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == datetime.datetime(2018, 1, 22, 9, 30, tzinfo=ADEN)


def test_a_date_and_time_posted_as_one_value_are_read_too():
    form = MeetingLikeForm({"starts": "2018-01-22T09:30"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == datetime.datetime(2018, 1, 22, 9, 30, tzinfo=ADEN)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_0": "22/01/2018", "starts_1": ""}, "Enter the time too."),
        ({"starts_0": "", "starts_1": "09:30"}, "Enter the date too."),
        ({"starts_0": "31/02/2018", "starts_1": "09:30"}, "31/02/2018 is not a date."),
        ({"starts_0": "22/01/2018", "starts_1": "25:00"}, "25:00 is not a time."),
    ],
)
def test_half_a_date_and_time_is_refused_with_what_is_missing(data, message):
    form = MeetingLikeForm(data)
    assert not form.is_valid()
    assert form.errors["starts"] == [message]


def test_an_empty_optional_date_and_time_is_none():
    form = MeetingLikeForm({"starts_0": "", "starts_1": ""})
    assert form.is_valid()
    assert form.cleaned_data["starts"] is None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_date_and_time_are_shown_day_first_in_local_time_each_with_its_label(language):
    starts = datetime.datetime(2018, 1, 22, 6, 30, tzinfo=datetime.UTC)  # 09:30 in Aden
    with translation.override(language):
        html = str(MeetingLikeForm(initial={"starts": starts})["starts"])
    assert 'name="starts_0" value="22/01/2018"' in html
    assert 'name="starts_1" value="09:30"' in html
    assert '<label class="form-text mt-0 mb-1 d-block" for="id_starts_0">' in html
    assert '<label class="form-text mt-0 mb-1 d-block" for="id_starts_1">' in html
    assert "datetime-local" not in html
    if language == "ar":
        assert "الوقت (بنظام 24 ساعة)" in html
