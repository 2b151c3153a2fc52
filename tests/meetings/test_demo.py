"""The demo's meetings tell the seed's story, in Arabic with English beside it, loaded as often as
one likes."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command

from meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Committee,
    Document,
    DocumentNote,
    DocumentVersion,
    Meeting,
    MeetingInvitation,
    MeetingKind,
    MeetingStatus,
    MinutesState,
    MinutesVersion,
)

ADEN = zoneinfo.ZoneInfo("Asia/Aden")
SEED_PEOPLE = {
    "فهمي عوض باضاوي",
    "محمد بن محمد الديلمي",
    "فائزة فرج بامطرف",
    "أوسينا عمر باحيدان",
    "محمد سالم الصبان",
    "جمعان سعيد بن ناصر",
    "خولة سالم سكارو",
    "عمر عبدالعزيز جعفر بن عقيل",
}


def counts() -> dict:
    models = (
        Meeting,
        MeetingInvitation,
        Attendance,
        AgendaItem,
        MinutesVersion,
        Committee,
        Document,
        DocumentVersion,
        DocumentNote,
    )
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def demo(db):
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    return {meeting.starts_at.astimezone(ADEN).date(): meeting for meeting in Meeting.objects.all()}


def test_loading_the_demo_twice_adds_nothing(demo):
    first = counts()
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    assert counts() == first
    assert first["Meeting"] == 4 + 2  # the seed's four, and the current round's two


def test_the_chain_runs_from_12_12_2017_to_the_workshop(demo):
    first = demo[datetime.date(2017, 12, 12)]
    second = demo[datetime.date(2017, 12, 31)]
    committee_meeting = demo[datetime.date(2018, 1, 22)]
    workshop = demo[datetime.date(2018, 2, 15)]
    assert (first.follows, second.follows, committee_meeting.follows, workshop.follows) == (
        None,
        first,
        second,
        committee_meeting,
    )
    assert first.place_ar == "مكتب وكيل محافظة حضرموت لشئون الشباب"
    assert first.host.name_ar == "ديوان محافظة حضرموت - مكتب وكيل المحافظة لشئون الشباب"
    assert first.starts_at.astimezone(ADEN).strftime("%A %H:%M") == "Tuesday 10:00"
    assert second.starts_at.astimezone(ADEN).strftime("%A") == "Sunday"
    # The seed is history: every one of its meetings was held.
    assert {m.status for m in (first, second, committee_meeting, workshop)} == {MeetingStatus.HELD}


def test_the_first_meeting_assigns_the_integrated_vision_to_ms_bahaidan(demo):
    item = demo[datetime.date(2017, 12, 12)].agenda_items.get()
    assert "تكليف الأستاذة أوسينا عمر باحيدان" in item.outcome_ar
    assert "نقاط القوة وفرص التحسين" in item.outcome_ar
    assert "Bahaidan" in item.outcome_en


def test_the_meeting_of_31_12_2017_has_every_attendee_of_the_seed_and_the_unnamed_experts(demo):
    meeting = demo[datetime.date(2017, 12, 31)]
    assert meeting.subject_ar == "مسودة مقترح آلية عمل شركاء التمكين والإقراض"
    assert meeting.subject_en == "Draft proposal of the working mechanism of the empowerment and lending partners"
    assert meeting.place_ar == "مقر وكالة تنمية المنشآت الصغيرة والأصغر"
    people = meeting.attendances.filter(is_group=False)
    assert {a.contact.full_name_ar for a in people} == SEED_PEOPLE
    assert all(a.present and a.organization_id == a.contact.organization_id for a in people)
    experts = meeting.attendances.get(is_group=True)
    assert (experts.name_ar, experts.name_en) == ("عدد من خبراء الوكالة", "A number of the agency's experts")
    assert (experts.role, experts.present, experts.headcount) == (AttendanceRole.EXPERT, True, None)
    assert experts.organization == meeting.host
    assert [item.order for item in meeting.agenda_items.all()] == [1, 2, 3]


def test_its_approved_minutes_are_the_seeds_text_with_the_five_recommendations(demo):
    version = demo[datetime.date(2017, 12, 31)].minutes_versions.get()
    assert version.state == MinutesState.APPROVED
    assert version.text_ar.startswith("حيث تم تقسيم المشاريع إلى فئات الشباب")
    for number in range(1, 6):
        assert f"\n{number}- " in version.text_ar
        assert f"\n{number}- " in version.text_en
    assert "22/يناير/2018م" in version.text_ar
    assert version.approved_at.astimezone(ADEN).date() == datetime.date(2017, 12, 31)
    assert version.text_ar.endswith("في سبيل تحقيق الغايات النبيلة.")


def test_the_draft_proposal_is_attached_as_a_placeholder_pdf_with_attendees_notes(demo, settings):
    document = Document.objects.get(meeting=demo[datetime.date(2017, 12, 31)])
    assert document.title_ar.startswith("مسودة مقترح آلية عمل شركاء التمكين والإقراض")
    assert "placeholder" in document.title_en
    version = document.versions.get()
    assert version.content_type == "application/pdf"
    assert version.file.open("rb").read(5) == b"%PDF-"
    notes = document.notes.select_related("organization")
    assert {note.organization.name_ar for note in notes} >= {"مؤسسة العون للتنمية", "الصندوق الاجتماعي للتنمية"}
    # History keeps its dates: the draft of 31/12/2017, notes before the committee met.
    assert version.uploaded_at.astimezone(ADEN).date() == datetime.date(2017, 12, 31)
    assert all(datetime.date(2017, 12, 31) < note.created_at.date() < datetime.date(2018, 1, 22) for note in notes)


def test_every_meeting_of_the_seed_has_approved_minutes_of_its_day(demo):
    for day in (datetime.date(2017, 12, 12), datetime.date(2017, 12, 31), datetime.date(2018, 1, 22)):
        version = demo[day].minutes_versions.get()
        assert version.state == MinutesState.APPROVED
        assert version.approved_at.astimezone(ADEN).date() == day
    # Those the seed does not record say that they stand in for the real minutes.
    assert demo[datetime.date(2018, 1, 22)].minutes_versions.get().text_en.startswith("Placeholder for the demo")
    assert demo[datetime.date(2018, 2, 15)].minutes_versions.get().text_ar.startswith("نص بديل للعرض")


def test_the_committee_studies_the_draft_and_meets_on_22_01_2018(demo):
    committee = Committee.objects.get()
    assert committee.name_ar == "اللجنة المشكلة لدراسة المسودة"
    assert committee.formed_at == demo[datetime.date(2017, 12, 31)]
    assert committee.deadline == datetime.date(2018, 1, 22)
    assert committee.is_done
    meeting = demo[datetime.date(2018, 1, 22)]
    assert (meeting.kind, meeting.committee, meeting.status) == (
        MeetingKind.COMMITTEE,
        committee,
        MeetingStatus.HELD,
    )


def test_the_workshop_follows_the_committee_with_a_date_to_confirm(demo):
    workshop = demo[datetime.date(2018, 2, 15)]
    assert workshop.title_ar == "ورشة عمل تبادل الآراء بين جهات التمويل والإقراض الموسعة"
    assert (workshop.kind, workshop.capacity, workshop.date_is_tentative) == (MeetingKind.WORKSHOP, 40, True)
    assert workshop.status == MeetingStatus.HELD
    invited = set(workshop.invitations.values_list("organization__name_ar", flat=True))
    assert "صندوق التمويل الأصغر (الصندوق الدوار)" in invited
    assert "اللجنة الوطنية للمرأة - ساحل حضرموت" not in invited
