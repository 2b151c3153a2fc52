"""Dates as Hadramout writes them: Gregorian with "م" (see partners_portal/formats) and Hijri.

The Hijri date is the Umm al-Qura calendar (the `hijridate` package). Only digits are produced
here; the "هـ" / "AH" suffix is the template's, so that it is translated with the page.
"""

import datetime

from django.utils import timezone


def _local_date(value) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def hijri_date(value) -> str:
    """`dd/mm/yyyy` in the Hijri calendar for a date or datetime (local time); "" when none or out of range."""
    day = _local_date(value)
    if day is None:
        return ""
    from hijridate import Gregorian

    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return ""  # outside the Umm al-Qura tables (before 1343 AH or after 1500 AH)
    return f"{hijri.day:02d}/{hijri.month:02d}/{hijri.year}"
