"""The demo read on a day far from 2017: the seed's meetings read as history (held, done, with
their own dates), and a current round dated from the day `load_demo` runs can be tried."""

import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from meetings.demo import CURRENT_ROUND_AR, CURRENT_ROUND_EN
from meetings.models import Committee, Meeting, MeetingKind, MeetingStatus, WorkshopRegistration
from partners.models import Organization
from tests import factories

ADEN = zoneinfo.ZoneInfo("Asia/Aden")
LOAD_DAY = datetime.datetime(2031, 6, 1, 8, 0, tzinfo=ADEN)
# What no page may say of the seed's 2017-2018 meetings merely because today is later.
STALE = re.compile(r"to be updated|overdue|closed|date to be confirmed|seats? left", re.IGNORECASE)
STALE_AR = re.compile(r"بحاجة إلى تحديث|متأخرة|أُغلق|الموعد غير مؤكد|بقيت? (مقعد|\d)")


@pytest.fixture
def on_load_day():
    with time_machine.travel(LOAD_DAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def demo_2031(db, on_load_day):
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    return on_load_day


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def seed_meetings() -> list[Meeting]:
    return list(Meeting.objects.filter(starts_at__year__lt=2019).order_by("starts_at"))


def current_round() -> tuple[Meeting, Meeting]:
    return (
        Meeting.objects.get(kind=MeetingKind.PARTNERS, title_en__contains=CURRENT_ROUND_EN),
        Meeting.objects.get(kind=MeetingKind.WORKSHOP, title_en__contains=CURRENT_ROUND_EN),
    )


def text_of(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_in_2031_the_seeds_meetings_read_as_history_in_both_languages(demo_2031):
    staff = client_for(factories.staff_user(username="staff_2031"))
    for meeting in seed_meetings():
        assert meeting.status == MeetingStatus.HELD
        for page in ("", "attendance/", "agenda/", "minutes/"):
            english = text_of(staff.get(f"/en/meetings/{meeting.pk}/{page}"))
            assert not STALE.search(english), (meeting.title_en, page, STALE.search(english))
            arabic = text_of(staff.get(f"/ar/meetings/{meeting.pk}/{page}"))
            assert not STALE_AR.search(arabic), (meeting.title_ar, page, STALE_AR.search(arabic))
    home = text_of(staff.get("/en/"))
    assert "0 held meetings without minutes" in home
    workshop = seed_meetings()[-1]
    overview = text_of(staff.get(f"/en/meetings/{workshop.pk}/"))
    assert "This workshop was held on 15/02/2018." in overview
    assert "approximate date" in overview


def test_in_2031_the_committee_is_done_with_its_date(demo_2031):
    committee = Committee.objects.get()
    assert committee.is_done and not committee.is_overdue
    page = text_of(
        client_for(factories.staff_user(username="staff_2031")).get(f"/en/meetings/committees/{committee.pk}/")
    )
    assert "done" in page and "Deadline: 22/01/2018" in page
    assert not STALE.search(page)


def test_the_current_round_is_dated_from_the_load_day_and_marked_as_the_demos(demo_2031):
    meeting, workshop = current_round()
    assert meeting.title_ar.endswith(CURRENT_ROUND_AR) and workshop.title_ar.endswith(CURRENT_ROUND_AR)
    assert meeting.starts_at.astimezone(ADEN).date() == datetime.date(2031, 6, 8)
    assert workshop.starts_at.astimezone(ADEN).date() == datetime.date(2031, 6, 22)
    assert (meeting.status, workshop.status) == (MeetingStatus.PLANNED, MeetingStatus.PLANNED)
    assert workshop.follows == meeting and meeting.follows == seed_meetings()[-1]
    assert workshop.is_open_for_registration


def test_a_visitor_as_al_awn_can_register_for_the_current_workshop(demo_2031):
    al_awn = Organization.objects.get(name_ar="مؤسسة العون للتنمية")
    partner = client_for(factories.member_of(al_awn, username="partner_2031"))
    _meeting, workshop = current_round()
    home = text_of(partner.get("/en/"))
    assert "Workshops open for registration" in home and workshop.title_en in home
    page = partner.get(f"/en/meetings/{workshop.pk}/register/")
    assert page.context["registration_closed"] is None
    assert "28 seats are left." in text_of(page)
    response = partner.post(f"/en/meetings/{workshop.pk}/register/", {"attendee_names": "محمد سالم الصبان"})
    assert response.status_code == 302
    assert WorkshopRegistration.objects.get(meeting=workshop, organization=al_awn).count == 1


def test_loading_again_weeks_later_moves_the_round_ahead_and_adds_nothing(demo_2031):
    count = Meeting.objects.count()
    demo_2031.shift(datetime.timedelta(days=40))
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    assert Meeting.objects.count() == count
    meeting, workshop = current_round()
    assert meeting.starts_at.astimezone(ADEN).date() == datetime.date(2031, 7, 18)
    assert workshop.starts_at.astimezone(ADEN).date() == datetime.date(2031, 8, 1)
    assert WorkshopRegistration.objects.filter(meeting=workshop).count() == 2
    assert [m.status for m in seed_meetings()] == [MeetingStatus.HELD] * 4
