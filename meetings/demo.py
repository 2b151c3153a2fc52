"""The seed's meetings for `manage.py load_demo` (../shared/seed/FACTS.md and the news item).

Meeting of 12/12/2017 -> meeting of 31/12/2017 -> the committee studying the draft (22/01/2018)
-> the workshop. Running it again adds nothing: rows are looked up by stable keys (title and
start, name...) and created only when missing, so that what staff changed is kept.

The seed's meetings are history, whatever the day the demo is loaded: every one of them is held,
with approved minutes (the news item for 31/12/2017; for the others, short texts that say they are
placeholders and what the seed says of the meeting), the committee is done, and the minutes, the
draft and the attendees' notes carry dates of 2017-2018, so that nothing of them reads "to be
updated", "overdue", "without minutes" or "registration closed".

A CURRENT ROUND, marked "current round (demo)" in its titles, is dated relative to the day
`load_demo` runs, so that a visitor can try what needs a future date: a partners meeting in a
week and a workshop in three weeks that the `partner` login (Al-Awn) may register for, with
seats left. Loading the demo again moves the round forward once its dates are past.

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
    DocumentVersion,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MinutesState,
    MinutesVersion,
    WorkshopRegistration,
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
SMEPS_HQ_AR = "مقر وكالة تنمية المنشآت الصغيرة والأصغر"
SMEPS_HQ_EN = "Headquarters of the Small and Micro Enterprise Promotion Service (SMEPS)"
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


# Demo assumptions, for dates the seed does not give: the news item of 31/12/2017 is its approved
# record, published that afternoon; the draft was attached the day it was discussed, and the
# attendees' notes came in before the committee met on 22/01/2018.
MINUTES_APPROVED_AT = (2017, 12, 31, 16)
DRAFT_UPLOADED_AT = (2017, 12, 31, 14)
NOTES_WRITTEN_ON = [(2018, 1, 3, 11), (2018, 1, 7, 12), (2018, 1, 10, 9)]

# The current round: marked as such in every title, dated from the day the demo is loaded.
CURRENT_ROUND_AR = "الجولة الحالية (للعرض)"
CURRENT_ROUND_EN = "current round (demo)"
CURRENT_MEETING_IN_DAYS = 7
CURRENT_WORKSHOP_IN_DAYS = 21
CURRENT_WORKSHOP_CAPACITY = 30
# Two lending partners have registered already (people of the seed); Al-Awn, the `partner`
# login's organization, has not, so that a visitor can try it.
CURRENT_REGISTRATIONS = [(SFD, ["محمد بن محمد الديلمي"]), (REVOLVING_FUND, ["خولة سالم سكارو"])]


def _at(year: int, month: int, day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=ADEN)


def _days_ahead(days: int, hour: int) -> datetime.datetime:
    day = timezone.localtime(timezone.now(), ADEN).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ADEN)


def _meeting(*, title_ar: str, starts_at: datetime.datetime, invited=(), **fields) -> Meeting:
    existing = Meeting.objects.filter(title_ar=title_ar, starts_at=starts_at).first()
    if existing is not None:
        if fields.get("status") == MeetingStatus.HELD and existing.status == MeetingStatus.PLANNED:
            # Loaded by an earlier version of the demo as still planned: it is history now.
            existing.status = MeetingStatus.HELD
            services.meeting_save(meeting=existing, expected_version=existing.version)
        return existing
    meeting = Meeting(title_ar=title_ar, starts_at=starts_at, **fields)
    return services.meeting_save(meeting=meeting, expected_version=None, invited=invited)


def _approved_minutes(meeting: Meeting, *, text_ar: str, text_en: str, approved_at: datetime.datetime) -> None:
    """Version 1 of the minutes, approved on `approved_at`, when the meeting has none. The demo
    does not email anyone, so it is written as approved rather than circulated through the queue."""
    if meeting.minutes_versions.exists():
        return
    version = MinutesVersion(
        meeting=meeting,
        number=1,
        text_ar=text_ar,
        text_en=text_en,
        state=MinutesState.APPROVED,
        circulated_at=approved_at,
        approved_at=approved_at,
    )
    version.full_clean()
    version.save()


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
    # The seed has no minutes of this meeting, only what the news item of 31/12/2017 says of it:
    # a summary marked as such stands in, so that a held meeting does not read "without minutes".
    _approved_minutes(
        meeting,
        text_ar="ملخص للعرض مأخوذ من خبر اجتماع 31/12/2017م، وليس المحضر الأصلي.\n\n"
        "كلّف الاجتماع الأستاذة أوسينا عمر باحيدان، مدير وكالة تنمية المنشآت الصغيرة والأصغر فرع حضرموت، "
        "بإعداد تصور متكامل عن إمكانية الاستفادة من نقاط القوة وفرص التحسين لدى الشركاء، على أن تُقدَّم "
        "الدراسة لشركاء التمكين.",
        text_en="A summary for the demo, taken from the news item of the meeting of 31/12/2017; not the original "
        "minutes.\n\nThe meeting assigned Ms. Awsina Omar Bahaidan, director of SMEPS Hadramout branch, to "
        "prepare an integrated vision of how to use the partners' strengths and improvement opportunities; the "
        "study is to be presented to the empowerment partners.",
        approved_at=_at(2017, 12, 12, 16),
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
        place_ar=SMEPS_HQ_AR,
        place_en=SMEPS_HQ_EN,
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
    # The news item is the approved record.
    _approved_minutes(
        meeting,
        text_ar=(MINUTES_FILES / "minutes_2017_12_31.ar.txt").read_text(encoding="utf-8").strip(),
        text_en=(MINUTES_FILES / "minutes_2017_12_31.en.txt").read_text(encoding="utf-8").strip(),
        approved_at=_at(*MINUTES_APPROVED_AT),
    )
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
        # History keeps its dates: upload times are set by the database, so they are put back.
        DocumentVersion.objects.filter(document=document).update(uploaded_at=_at(*DRAFT_UPLOADED_AT))
    version = document.versions.order_by("-number").first()
    for (org_name, author, text), written_on in zip(NOTES, NOTES_WRITTEN_ON, strict=True):
        note, created = DocumentNote.objects.get_or_create(
            document=document,
            author_name=author,
            text=text,
            defaults={"organization": organizations[org_name], "version": version},
        )
        if created:
            DocumentNote.objects.filter(pk=note.pk).update(created_at=_at(*written_on))


def _committee(organizations: dict, formed_at: Meeting) -> Committee:
    committee = Committee.objects.filter(name_ar="اللجنة المشكلة لدراسة المسودة").first()
    if committee is not None:
        if not committee.is_done:
            # Loaded by an earlier version of the demo as still working: it is history now.
            committee.is_done = True
            services.committee_save(committee=committee, expected_version=committee.version)
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
            # Demo assumption: the seed does not say when the committee finished; it is taken as
            # done at its meeting on its deadline, which the workshop followed.
            is_done=True,
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
        # Demo assumption: the seed plans the meeting; the demo takes it as held on that day.
        status=MeetingStatus.HELD,
        follows=second,
        invited=list(committee.member_organizations.all()),
    )
    # Placeholders, marked as such: the seed says when and why the committee met, not what was said.
    _approved_minutes(
        committee_meeting,
        text_ar="نص بديل للعرض: لا يذكر خبر اجتماع 31/12/2017م إلا موعد اجتماع اللجنة وغرضه.\n\n"
        "اجتمعت اللجنة المشكلة لدراسة مسودة مقترح آلية عمل شركاء التمكين والإقراض، تنفيذاً للتوصية الثالثة "
        "لاجتماع 31/12/2017م، لإضافة ملاحظات المجتمعين إلى الدراسة.",
        text_en="Placeholder for the demo: the news item of 31/12/2017 gives only the date and purpose of the "
        "committee's meeting.\n\nThe committee formed to study the draft proposal of the working mechanism of "
        "the empowerment and lending partners met, as recommendation 3 of the meeting of 31/12/2017 planned, to "
        "add the attendees' notes to the study.",
        approved_at=_at(2018, 1, 22, 16),
    )
    lenders = Organization.objects.filter(role__in=[PartnerRole.LENDING, PartnerRole.BOTH], is_active=True)
    workshop = _meeting(
        title_ar="ورشة عمل تبادل الآراء بين جهات التمويل والإقراض الموسعة",
        title_en="Workshop to exchange views among the wider financing and lending institutions",
        subject_ar="تبادل الآراء والملاحظات بين جهات التمويل والإقراض الموسعة على أساس التكامل في التمكين والإقراض، "
        "بعد استكمال اللجنة مهامها.",
        subject_en="Exchange of views and notes among the wider financing and lending parties, on the basis of "
        "integration in empowerment and lending, once the committee has completed its tasks.",
        kind=MeetingKind.WORKSHOP,
        # The seed says only "after the committee has finished": the date is an estimate (shown
        # as approximate), and the demo takes the workshop as held.
        starts_at=_at(2018, 2, 15, 9),
        ends_at=_at(2018, 2, 15, 13),
        date_is_tentative=True,
        place_ar=TO_BE_DECIDED_AR,
        place_en=TO_BE_DECIDED_EN,
        host=organizations[SMEPS],
        status=MeetingStatus.HELD,
        follows=committee_meeting,
        capacity=40,
        invited=list(lenders),
    )
    _approved_minutes(
        workshop,
        text_ar="نص بديل للعرض: لا يذكر خبر اجتماع 31/12/2017م ما دار في الورشة.\n\n"
        "عُقدت الورشة تنفيذاً للتوصيتين الرابعة والخامسة لاجتماع 31/12/2017م، لتبادل الآراء بين جهات التمويل "
        "والإقراض الموسعة على أساس التكامل في التمكين والإقراض.",
        text_en="Placeholder for the demo: the news item of 31/12/2017 does not say what was said at the "
        "workshop.\n\nThe workshop was held, as recommendations 4 and 5 of the meeting of 31/12/2017 planned, to "
        "exchange views among the wider financing and lending institutions on the basis of integration in "
        "empowerment and lending.",
        approved_at=_at(2018, 2, 15, 16),
    )
    _current_round(organizations, after=workshop, lenders=list(lenders))


CURRENT_WORKSHOP_TITLE_AR = f"ورشة عمل شركاء التمويل والإقراض - {CURRENT_ROUND_AR}"
CURRENT_MEETING_TITLE_AR = f"اجتماع متابعة شركاء التمكين والإقراض - {CURRENT_ROUND_AR}"


def _current_round_meeting(*, title_ar: str, starts_at: datetime.datetime, hours: int, move: bool, **fields) -> Meeting:
    """The round's meeting titled `title_ar`: created, or moved to `starts_at` when `move`."""
    ends_at = starts_at + datetime.timedelta(hours=hours)
    existing = Meeting.objects.filter(title_ar=title_ar, kind=fields["kind"]).first()
    if existing is None:
        invited = fields.pop("invited")
        meeting = Meeting(title_ar=title_ar, starts_at=starts_at, ends_at=ends_at, **fields)
        return services.meeting_save(meeting=meeting, expected_version=None, invited=invited)
    if move:
        existing.starts_at, existing.ends_at = starts_at, ends_at
        existing.status = MeetingStatus.PLANNED
        services.meeting_save(meeting=existing, expected_version=existing.version)
    return existing


def _current_round(organizations: dict, *, after: Meeting, lenders: list) -> None:
    """The round a visitor can try today (see the module's docstring)."""
    people = [_contact(name) for name in ATTENDEES_31_12]
    round_meetings = Meeting.objects.filter(title_ar__in=[CURRENT_WORKSHOP_TITLE_AR, CURRENT_MEETING_TITLE_AR])
    # Once part of the round is over, the whole round moves ahead, keeping its order.
    move = round_meetings.filter(ends_at__lt=timezone.now()).exists()
    # The workshop is moved first: it follows the meeting, which must stay before it.
    workshop = _current_round_meeting(
        title_ar=CURRENT_WORKSHOP_TITLE_AR,
        move=move,
        title_en=f"Financing and lending partners workshop - {CURRENT_ROUND_EN}",
        subject_ar="تبادل الآراء بين جهات التمويل والإقراض حول تكامل خدماتها للشباب. "
        "جولة للعرض مؤرخة من يوم تحميل بيانات العرض، يمكن التسجيل فيها.",
        subject_en="Exchange of views among the financing and lending institutions on integrating their "
        "services for youth. A demo round dated from the day the demo data was loaded: registration is open.",
        kind=MeetingKind.WORKSHOP,
        starts_at=_days_ahead(CURRENT_WORKSHOP_IN_DAYS, 9),
        hours=4,
        place_ar=SMEPS_HQ_AR,
        place_en=SMEPS_HQ_EN,
        host=organizations[SMEPS],
        status=MeetingStatus.PLANNED,
        capacity=CURRENT_WORKSHOP_CAPACITY,
        invited=lenders,
    )
    meeting = _current_round_meeting(
        title_ar=CURRENT_MEETING_TITLE_AR,
        move=move,
        title_en=f"Empowerment and lending partners follow-up meeting - {CURRENT_ROUND_EN}",
        subject_ar="متابعة توصيات اجتماعات الشركاء. جولة للعرض مؤرخة من يوم تحميل بيانات العرض.",
        subject_en="Follow-up of the recommendations of the partners meetings. A demo round dated from the "
        "day the demo data was loaded.",
        kind=MeetingKind.PARTNERS,
        starts_at=_days_ahead(CURRENT_MEETING_IN_DAYS, 10),
        hours=2,
        place_ar=SMEPS_HQ_AR,
        place_en=SMEPS_HQ_EN,
        host=organizations[SMEPS],
        # Demo assumption: SMEPS's director chairs the follow-up.
        chair=_contact(BAHAIDAN),
        status=MeetingStatus.PLANNED,
        follows=after,
        invited=[person.organization for person in people],
    )
    if workshop.follows_id is None:
        workshop.follows = meeting
        services.meeting_save(meeting=workshop, expected_version=workshop.version)
    services.attendees_add(meeting=meeting, contacts=people)
    _agenda(
        meeting,
        [
            {
                "order": 1,
                "title_ar": "ما تم في توصيات اجتماع 31/12/2017م",
                "title_en": "Where the recommendations of the meeting of 31/12/2017 stand",
            },
            {
                "order": 2,
                "title_ar": "الإعداد لورشة عمل شركاء التمويل والإقراض",
                "title_en": "Preparing the financing and lending partners workshop",
            },
        ],
    )
    for org_name, names in CURRENT_REGISTRATIONS:
        organization = organizations[org_name]
        if not WorkshopRegistration.objects.filter(meeting=workshop, organization=organization).exists():
            services.workshop_register(meeting=workshop, organization=organization, names=names, user=None)
