"""Meetings as iCalendar (RFC 5545): one file per meeting and a personal feed.

Times are written in Asia/Aden (UTC+3 all year) with a VTIMEZONE of their own, so that calendar
apps show the local time whatever the device's zone. Text is in the active language.
"""

import zoneinfo
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from core.mail import absolute_url

from .models import Meeting, MeetingStatus

ADEN = "Asia/Aden"


def _aden_timezone() -> icalendar.Timezone:
    # Aden has kept UTC+3 without daylight saving since 1950: one STANDARD rule covers it.
    tz = icalendar.Timezone()
    tz.add("tzid", ADEN)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=3))
    standard.add("tzoffsetto", timedelta(hours=3))
    standard.add("tzname", "+03")
    tz.add_component(standard)
    return tz


def _site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def meeting_uid(meeting: Meeting) -> str:
    """Stable for the life of the meeting, so that an update replaces the event in calendars."""
    return f"meeting-{meeting.pk}@{_site_host()}"


def ical_status(meeting: Meeting) -> str:
    if meeting.status == MeetingStatus.CANCELLED:
        return "CANCELLED"
    if meeting.status == MeetingStatus.PLANNED and meeting.date_is_tentative:
        return "TENTATIVE"
    return "CONFIRMED"


def _event(meeting: Meeting, stamp: datetime) -> icalendar.Event:
    aden = zoneinfo.ZoneInfo(ADEN)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(aden))
    event.add("dtend", meeting.ends_at.astimezone(aden))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    description = "\n\n".join(part for part in (meeting.subject, absolute_url(meeting.get_absolute_url())) if part)
    event.add("description", description)
    event.add("status", ical_status(meeting))
    # Every saved edit bumps the meeting's version: calendars take the higher SEQUENCE as newer.
    event.add("sequence", max(meeting.version - 1, 0))
    event.add("url", absolute_url(meeting.get_absolute_url()))
    event.add("last-modified", meeting.updated_at)
    return event


def calendar_bytes(meetings, *, name: str) -> bytes:
    """An iCalendar file (CRLF lines, folded at 75 octets by icalendar) of `meetings`."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//SMEPS Hadramout//Partners Portal//{(get_language() or 'ar').upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", ADEN)
    calendar.add_component(_aden_timezone())
    stamp = timezone.now().replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp))
    return calendar.to_ical()
