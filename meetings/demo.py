"""The seed's meetings for `manage.py load_demo` (../shared/seed/FACTS.md and the news item).

Meeting of 12/12/2017 -> meeting of 31/12/2017 -> the committee studying the draft (22/01/2018)
-> the workshop. Running it again adds nothing: rows are looked up by stable keys (title and
start, name...) and created only when missing, so that what staff changed is kept.

Times of day are not in the seed: meetings are put at 10:00-12:00 Aden time. Places, chairs and
members that the seed does not state are left empty or marked as assumptions in the comments.
"""

import datetime
import zoneinfo
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.pdf import render_pdf
from partners.demo import AL_AWN, NAHD, RAWABI, REVOLVING_FUND, SFD, SMEPS, YOUTH_OFFICE
from partners.models import Contact, Organization, PartnerRole

from .models import (
    AgendaItem,
    AttendanceRole,
    Committee,
    Document,
    DocumentNote,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MinutesState,
    MinutesVersion,
)
from .services import documents as document_services
from .services import meetings as services

ADEN = zoneinfo.ZoneInfo("Asia/Aden")

BAHAIDAN = "أوسينا عمر باحيدان"
# The eight named people of the meeting of 31/12/2017, in the order the news item names them.
ATTENDEES_31_12 = [
    "فهمي عوض باضاوي",
    "محمد بن محمد الديلمي",
    "فائزة فرج بامطرف",
    BAHAIDAN,
    "محمد سالم الصبان",
    "جمعان سعيد بن ناصر",
    "خولة سالم سكارو",
    "عمر عبدالعزيز جعفر بن عقيل",
]
EXPERTS_AR = "عدد من خبراء الوكالة"
EXPERTS_EN = "A number of the agency's experts"

SUBJECT_AR = "مسودة مقترح آلية عمل شركاء التمكين والإقراض"
SUBJECT_EN = "Draft proposal of the working mechanism of the empowerment and lending partners"
TO_BE_DECIDED_AR = "يحدد لاحقاً"
TO_BE_DECIDED_EN = "To be decided"

# The news item from "حيث تم تقسيم" to its end, and its English translation.
MINUTES_FILES = Path(__file__).resolve().parent / "data"


# Notes of attendees on the draft ("adding the attendees' notes to the study"); each restates a
# point of the meeting's recommendations, nothing the seed does not say.
NOTES = [
    (
        AL_AWN,
        "محمد سالم الصبان",
        "نقترح أن تركز الدراسة على تنسيق الخدمات بين الجهات بحيث تسد الاحتياجات الحقيقية للشباب في عملية الإقراض.",
    ),
    (
        SFD,
        "محمد بن محمد الديلمي",
        "- الاستفادة من إمكانيات الجميع لخدمة الجميع.\n- متابعة الجهات التي لم تستكمل استبيان شركاء الإقراض.",
    ),
    (
        REVOLVING_FUND,
        "خولة سالم سكارو",
        "نرى دعوة بقية مؤسسات التمويل والإقراض لحضور ورشة العمل بعد استكمال اللجنة مهامها.",
    ),
]


def _at(year: int, month: int, day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=ADEN)


def _meeting(*, title_ar: str, starts_at: datetime.datetime, invited=(), **fields) -> Meeting:
    existing = Meeting.objects.filter(title_ar=title_ar, starts_at=starts_at).first()
    if existing is not None:
        return existing
    meeting = Meeting(title_ar=title_ar, starts_at=starts_at, **fields)
    return services.meeting_save(meeting=meeting, expected_version=None, invited=invited)


def _agenda(meeting: Meeting, items: list[dict]) -> None:
    for data in items:
        if not AgendaItem.objects.filter(meeting=meeting, title_ar=data["title_ar"]).exists():
            services.agenda_item_save(item=AgendaItem(meeting=meeting, **data))


def _contact(name_ar: str) -> Contact:
    return Contact.objects.get(full_name_ar=name_ar)


def _meeting_of_12_12(organizations: dict) -> Meeting:
    meeting = _meeting(
        title_ar="اجتماع شركاء التمكين والإقراض",
        title_en="Empowerment and lending partners meeting",
        subject_ar="تكليف بإعداد تصور متكامل عن إمكانية الاستفادة من نقاط القوة وفرص التحسين لدى الشركاء",
        subject_en="Assignment to prepare an integrated vision of how to use the partners' strengths and "
        "improvement opportunities",
        kind=MeetingKind.PARTNERS,
        starts_at=_at(2017, 12, 12, 10),
        ends_at=_at(2017, 12, 12, 12),
        place_ar="مكتب وكيل محافظة حضرموت لشئون الشباب",
        place_en="Office of the Deputy Governor of Hadramout for Youth Affairs",
        host=organizations[YOUTH_OFFICE],
        status=MeetingStatus.HELD,
        invited=[organizations[SMEPS]],
    )
    # The seed names only the person assigned; whether she was present is not recorded.
    services.attendees_add(meeting=meeting, contacts=[_contact(BAHAIDAN)])
    _agenda(
        meeting,
        [
            {
                "order": 1,
                "title_ar": "الاستفادة من نقاط القوة وفرص التحسين لدى شركاء التمكين والإقراض",
                "title_en": "Using the strengths and improvement opportunities of the empowerment and lending partners",
                "outcome_ar": "تكليف الأستاذة أوسينا عمر باحيدان مدير وكالة SMEPS فرع حضرموت بإعداد تصور متكامل عن "
                "إمكانية الاستفادة من نقاط القوة وفرص التحسين على أن تقدم الدراسة لشركاء التمكين.",
                "outcome_en": "Ms. Awsina Omar Bahaidan, director of SMEPS Hadramout branch, is assigned to prepare an "
                "integrated vision of how to use the strengths and improvement opportunities; the study is to be "
                "presented to the empowerment partners.",
            }
        ],
    )
    return meeting


def _meeting_of_31_12(organizations: dict, earlier: Meeting) -> Meeting:
    people = [_contact(name) for name in ATTENDEES_31_12]
    meeting = _meeting(
        title_ar="اجتماع شركاء التمكين بمقر الوكالة",
        title_en="Empowerment partners meeting at SMEPS",
        subject_ar=SUBJECT_AR,
        subject_en=SUBJECT_EN,
        kind=MeetingKind.PARTNERS,
        starts_at=_at(2017, 12, 31, 10),
        ends_at=_at(2017, 12, 31, 12),
        place_ar="مقر وكالة تنمية المنشآت الصغيرة والأصغر",
        place_en="Headquarters of the Small and Micro Enterprise Promotion Service (SMEPS)",
        host=organizations[SMEPS],
        # The news item lists who attended but not who chaired: no chair is recorded.
        chair=None,
        status=MeetingStatus.HELD,
        follows=earlier,
        invited=[person.organization for person in people],
    )
    services.attendees_add(meeting=meeting, contacts=people)
    if not meeting.attendances.filter(is_group=True, name_ar=EXPERTS_AR).exists():
        services.attendee_add_other(
            meeting=meeting,
            organization=organizations[SMEPS],
            name_ar=EXPERTS_AR,
            name_en=EXPERTS_EN,
            role=AttendanceRole.EXPERT,
            is_group=True,
        )
    services.attendance_record(
        meeting=meeting,
        changes=[(a, a.role, True) for a in meeting.attendances.filter(present__isnull=True)],
    )
    _agenda(
        meeting,
        [
            {
                "order": 1,
                "title_ar": "تعريف المشاركين بوكالة المنشآت الصغيرة وشركاء التمكين والإقراض",
                "title_en": "Introducing SMEPS and the empowerment and lending partners to the participants",
                "outcome_ar": "هدف الاجتماع، وهو الأول من نوعه بالوكالة خاص بالتمكين، إلى تعريف المشاركين عن وكالة "
                "المنشآت الصغيرة وشركاء التمكين والإقراض.",
                "outcome_en": "The meeting, the first of its kind at the agency devoted to empowerment, aimed to "
                "introduce SMEPS and the empowerment and lending partners to the participants.",
            },
            {
                "order": 2,
                "title_ar": "تقسيم المشاريع إلى فئات الشباب ومقترحات للمشاريع المتناهية الصغر والصغيرة",
                "title_en": "Dividing projects into youth segments; proposals for micro and small projects",
                "outcome_ar": "تم تقسيم المشاريع إلى فئات الشباب (خريجي الجامعات – خريجي المعاهد – المتسربين) كما تم "
                "استخلاص بعض المقترحات والبرامج للمشاريع المتناهية الصغر والمشاريع الصغيرة التنموية.",
                "outcome_en": "Projects were divided into youth segments (university graduates – institute graduates "
                "– school dropouts), and proposals and programs were drawn up for micro and small development "
                "projects.",
            },
            {
                "order": 3,
                "title_ar": "مناقشة مسودة مقترح آلية عمل شركاء التمكين والإقراض",
                "title_en": "Discussion of the draft proposal of the working mechanism of the partners",
                "outcome_ar": "أشاد الجميع بأهمية المسودة في المرحلة الحالية لتطوير التمكين والإقراض، "
                "واقترحت عدة أفكار مفيدة، وخرج الاجتماع بخمس توصيات منها اجتماع اللجنة المشكلة "
                "لدراسة المسودة في 22/01/2018م.",
                "outcome_en": "Everyone praised the importance of the draft at the present stage; several useful "
                "ideas were proposed, and the meeting made five recommendations, among them the meeting of the "
                "committee formed to study the draft on 22/01/2018.",
            },
        ],
    )
    if not meeting.minutes_versions.exists():
        # The news item is the approved record. The demo does not email anyone, so the version is
        # written as approved directly rather than circulated through the task queue.
        now = timezone.now()
        version = MinutesVersion(
            meeting=meeting,
            number=1,
            text_ar=(MINUTES_FILES / "minutes_2017_12_31.ar.txt").read_text(encoding="utf-8").strip(),
            text_en=(MINUTES_FILES / "minutes_2017_12_31.en.txt").read_text(encoding="utf-8").strip(),
            state=MinutesState.APPROVED,
            circulated_at=now,
            approved_at=now,
        )
        version.full_clean()
        version.save()
    _draft_document(meeting, organizations)
    return meeting


def _draft_document(meeting: Meeting, organizations: dict) -> None:
    document = Document.objects.filter(meeting=meeting, title_ar__startswith=SUBJECT_AR).first()
    if document is None:
        # We do not have the real file: a small PDF that says so stands in for it.
        content = render_pdf("meetings/demo/placeholder_document.html", {})
        upload = SimpleUploadedFile(f"{SUBJECT_AR}.pdf", content, content_type="application/pdf")
        document = document_services.document_create(
            meeting=meeting,
            title_ar=f"{SUBJECT_AR} (نسخة بديلة للعرض)",
            title_en=f"{SUBJECT_EN} (placeholder copy for the demo)",
            upload=upload,
            comment="Placeholder generated by the demo loader",
            user=None,
        )
    version = document.versions.order_by("-number").first()
    for org_name, author, text in NOTES:
        DocumentNote.objects.get_or_create(
            document=document,
            author_name=author,
            text=text,
            defaults={"organization": organizations[org_name], "version": version},
        )


def _committee(organizations: dict, formed_at: Meeting) -> Committee:
    committee = Committee.objects.filter(name_ar="اللجنة المشكلة لدراسة المسودة").first()
    if committee is not None:
        return committee
    # Assumption of the demo: the seed does not list the members; SMEPS and the lending partners
    # present on 31/12/2017 sit on it.
    members = [organizations[name] for name in (SMEPS, SFD, AL_AWN, RAWABI, REVOLVING_FUND, NAHD)]
    return services.committee_save(
        committee=Committee(
            name_ar="اللجنة المشكلة لدراسة المسودة",
            name_en="Committee formed to study the draft",
            purpose_ar=f"دراسة {SUBJECT_AR} وإضافة ملاحظات المجتمعين إليها.",
            purpose_en=f"Study the {SUBJECT_EN[0].lower()}{SUBJECT_EN[1:]} and add the attendees' notes to it.",
            formed_at=formed_at,
            deadline=datetime.date(2018, 1, 22),
            is_done=False,
        ),
        expected_version=None,
        member_organizations=members,
    )


def load(organizations: dict) -> None:
    """Create the demo meetings if missing; `organizations` maps Arabic names to Organization rows."""
    first = _meeting_of_12_12(organizations)
    second = _meeting_of_31_12(organizations, first)
    committee = _committee(organizations, second)
    committee_meeting = _meeting(
        title_ar="اجتماع اللجنة المشكلة لدراسة المسودة",
        title_en="Meeting of the committee formed to study the draft",
        subject_ar=SUBJECT_AR,
        subject_en=SUBJECT_EN,
        kind=MeetingKind.COMMITTEE,
        committee=committee,
        starts_at=_at(2018, 1, 22, 10),
        ends_at=_at(2018, 1, 22, 12),
        # The seed gives the date (recommendation 3), not the place.
        place_ar=TO_BE_DECIDED_AR,
        place_en=TO_BE_DECIDED_EN,
        host=organizations[SMEPS],
        status=MeetingStatus.PLANNED,
        follows=second,
        invited=list(committee.member_organizations.all()),
    )
    lenders = Organization.objects.filter(role__in=[PartnerRole.LENDING, PartnerRole.BOTH], is_active=True)
    _meeting(
        title_ar="ورشة عمل تبادل الآراء بين جهات التمويل والإقراض الموسعة",
        title_en="Workshop to exchange views among the wider financing and lending institutions",
        subject_ar="تبادل الآراء والملاحظات بين جهات التمويل والإقراض الموسعة على أساس التكامل في التمكين والإقراض، "
        "بعد استكمال اللجنة مهامها.",
        subject_en="Exchange of views and notes among the wider financing and lending parties, on the basis of "
        "integration in empowerment and lending, once the committee has completed its tasks.",
        kind=MeetingKind.WORKSHOP,
        # The seed says only "after the committee has finished": the date is an estimate to confirm.
        starts_at=_at(2018, 2, 15, 9),
        ends_at=_at(2018, 2, 15, 13),
        date_is_tentative=True,
        place_ar=TO_BE_DECIDED_AR,
        place_en=TO_BE_DECIDED_EN,
        host=organizations[SMEPS],
        status=MeetingStatus.PLANNED,
        follows=committee_meeting,
        capacity=40,
        invited=list(lenders),
    )
