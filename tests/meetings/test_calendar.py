"""Calendars: an .ics per meeting and a personal feed behind a secret link (RFC 5545, Aden time)."""

import datetime
import zoneinfo

import icalendar
from django.core.cache import cache

from core.ratelimit import FAILURES_PER_MINUTE
from meetings.models import CalendarFeed, Meeting, MeetingStatus

from . import factories as mf

ADEN = zoneinfo.ZoneInfo("Asia/Aden")


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_a_meetings_ics_file_is_valid_icalendar_in_aden_time(staff_client, meeting_a, settings):
    settings.SITE_URL = "https://portal.example.org"
    meeting_a.title_ar = "اجتماع شركاء التمكين والإقراض لمناقشة مسودة مقترح آلية عمل شركاء التمكين والإقراض"
    meeting_a.save()
    response = staff_client.get(f"/ar/meetings/{meeting_a.pk}/calendar.ics")
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert "Partners Portal" in str(calendar["PRODID"])
    timezone_component = calendar.walk("VTIMEZONE")[0]
    assert timezone_component["TZID"] == "Asia/Aden"
    standard = timezone_component.walk("STANDARD")[0]
    assert standard["TZOFFSETTO"].td == datetime.timedelta(hours=3)
    (event,) = events(calendar)
    assert str(event["UID"]) == f"meeting-{meeting_a.pk}@portal.example.org"
    assert event["SUMMARY"] == meeting_a.title_ar
    assert event["LOCATION"] == meeting_a.place_ar
    assert event["STATUS"] == "CONFIRMED"
    assert event["URL"] == f"https://portal.example.org/ar/meetings/{meeting_a.pk}/"
    assert event.decoded("DTSTART") == meeting_a.starts_at
    assert event["DTSTART"].params["TZID"] == "Asia/Aden"
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=3)
    assert "DTSTAMP" in event
    raw = response.content
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\r\n " in raw  # the long Arabic summary was folded


def test_the_summary_follows_the_language_of_the_url(staff_client, meeting_a):
    (event,) = events(parse(staff_client.get(f"/en/meetings/{meeting_a.pk}/calendar.ics")))
    assert event["SUMMARY"] == meeting_a.title_en


def test_an_edit_raises_the_sequence_and_a_cancellation_is_sent_as_cancelled(staff_client, meeting_a):
    url = f"/en/meetings/{meeting_a.pk}/calendar.ics"
    (before,) = events(parse(staff_client.get(url)))
    Meeting.objects.filter(pk=meeting_a.pk).update(version=meeting_a.version + 1, status=MeetingStatus.CANCELLED)
    (after,) = events(parse(staff_client.get(url)))
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["UID"] == before["UID"]
    assert after["STATUS"] == "CANCELLED"


def test_a_date_to_be_confirmed_is_tentative(staff_client, smeps):
    meeting = mf.planned_meeting(host=smeps, date_is_tentative=True)
    (event,) = events(parse(staff_client.get(f"/en/meetings/{meeting.pk}/calendar.ics")))
    assert event["STATUS"] == "TENTATIVE"


def feed_url(client) -> str:
    response = client.post("/en/meetings/calendar/")
    assert response.status_code == 302
    page = client.get("/en/meetings/calendar/")
    return page.context["feed_url"]


def test_the_feed_lists_the_users_meetings_from_today_on_cancelled_ones_as_cancelled(
    member_a_client, client, org_a, org_b, smeps, meeting_a
):
    upcoming = mf.planned_meeting(host=smeps, title_en="Next")
    cancelled = mf.planned_meeting(host=smeps, title_en="Called off", status=MeetingStatus.CANCELLED)
    not_invited = mf.planned_meeting(host=smeps, title_en="Other")
    for meeting in (upcoming, cancelled):
        mf.invite(meeting, org_a)
    mf.invite(not_invited, org_b)
    url = feed_url(member_a_client)
    assert url.startswith("http://127.0.0.1:8000/en/meetings/calendar/") and url.endswith(".ics")
    path = url[url.index("/en/") :]
    calendar = parse(client.get(path))  # no session: calendar apps cannot sign in
    listed = {str(event["SUMMARY"]): str(event["STATUS"]) for event in events(calendar)}
    assert listed == {"Next": "CONFIRMED", "Called off": "CANCELLED"}


def test_the_link_is_shown_once_and_only_its_hash_is_stored(member_a_client, member_a):
    url = feed_url(member_a_client)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in CalendarFeed.objects.get(user=member_a).token_hash
    assert member_a_client.get("/en/meetings/calendar/").context["feed_url"] is None


def test_making_a_new_link_turns_the_old_one_off(member_a_client, client):
    old = feed_url(member_a_client)
    new = feed_url(member_a_client)
    assert client.get(old[old.index("/en/") :]).status_code == 404
    assert client.get(new[new.index("/en/") :]).status_code == 200


def test_a_wrong_token_is_404_and_counts_toward_the_rate_limit(client, db):
    cache.clear()
    for _ in range(FAILURES_PER_MINUTE):
        assert client.get("/en/meetings/calendar/not-a-real-token.ics").status_code == 404
    assert client.get("/en/meetings/calendar/still-not-real.ics").status_code == 429


def test_a_deactivated_users_feed_stops_working(member_a_client, member_a, client):
    url = feed_url(member_a_client)
    member_a.is_active = False
    member_a.save()
    assert client.get(url[url.index("/en/") :]).status_code == 404
