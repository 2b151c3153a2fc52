"""Access rows of the meetings app. `meeting_a` is a held meeting org A was invited to (org B was
not); its objects (agenda item, minutes, document, committee) follow it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import AgendaItem, MinutesState
from meetings.services import documents as document_services
from meetings.services.calendar import calendar_feed_rotate
from tests import factories
from tests.access import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Row, answers
from tests.meetings import factories as mf

READERS = answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=LOGIN)
STAFF_ONLY = answers(staff=OK, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN)
# Reading what org A was invited to: staff, org A's member and the governor's office; org B's
# member gets 404 (ids do not leak).
VIEWERS_OF_A = answers(staff=OK, member_a=OK, member_b=NOT_FOUND, governor=OK, anonymous=LOGIN)
STAFF_POST_ONLY = answers(
    staff=NOT_ALLOWED, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN
)
NOBODY = answers(staff=NOT_FOUND, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=NOT_FOUND)


def build(world) -> None:
    host = factories.OrganizationFactory(name_ar="وكالة تنمية المنشآت الصغيرة والأصغر", name_en="SMEPS")
    world.meeting_a = mf.MeetingFactory(host=host)
    mf.invite(world.meeting_a, host, world.org_a)
    world.item_a = AgendaItem.objects.create(meeting=world.meeting_a, order=1, title_ar="بند", title_en="Item")
    mf.minutes(world.meeting_a, state=MinutesState.APPROVED, number=1)
    mf.minutes(world.meeting_a, state=MinutesState.DRAFT, number=2)
    world.document_a = document_services.document_create(
        meeting=world.meeting_a,
        title_ar="مسودة المقترح",
        upload=SimpleUploadedFile("مسودة.pdf", mf.PDF_BYTES),
        user=world.staff,
    )
    world.version_a = world.document_a.versions.get()
    world.workshop_a = mf.workshop(host=host)
    mf.invite(world.workshop_a, host, world.org_a)
    world.committee_a = mf.CommitteeFactory(formed_at=world.meeting_a, member_organizations=[world.org_a])
    world.feed_token_a = calendar_feed_rotate(user=world.member_a)


def _meeting(world) -> dict:
    return {"pk": world.meeting_a.pk}


def _item(world) -> dict:
    return {"pk": world.meeting_a.pk, "item_pk": world.item_a.pk}


def _document(world) -> dict:
    return {"pk": world.document_a.pk}


def _committee(world) -> dict:
    return {"pk": world.committee_a.pk}


ROWS = [
    Row("meetings:list", READERS),
    Row("meetings:list", READERS, query="when=past&kind=partners&sort=-date", id="meetings:list[filtered]"),
    Row("meetings:create", STAFF_ONLY),
    Row("meetings:detail", VIEWERS_OF_A, kwargs=_meeting),
    Row("meetings:edit", STAFF_ONLY, kwargs=_meeting),
    Row(
        "meetings:workshop_register",
        answers(staff=OK, member_a=OK, member_b=NOT_FOUND, governor=FORBIDDEN, anonymous=LOGIN),
        kwargs=lambda world: {"pk": world.workshop_a.pk},
    ),
    Row(
        "meetings:workshop_register",
        answers(staff=NOT_FOUND, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=_meeting,
        id="meetings:workshop_register[not_a_workshop]",
    ),
    Row("meetings:attendance", VIEWERS_OF_A, kwargs=_meeting),
    Row("meetings:attendance_add", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:attendance_record", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:agenda", VIEWERS_OF_A, kwargs=_meeting),
    Row("meetings:agenda_item_create", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:agenda_item_edit", STAFF_ONLY, kwargs=_item),
    Row("meetings:agenda_item_delete", STAFF_ONLY, kwargs=_item),
    Row("meetings:agenda_item_move", STAFF_POST_ONLY, kwargs=_item, post_only=True),
    Row("meetings:minutes", VIEWERS_OF_A, kwargs=_meeting),
    Row("meetings:minutes_edit", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:minutes_circulate", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:minutes_approve", STAFF_POST_ONLY, kwargs=_meeting, post_only=True),
    Row("meetings:minutes_pdf", VIEWERS_OF_A, kwargs=_meeting, html=False),
    Row("meetings:minutes_pdf_view", VIEWERS_OF_A, kwargs=_meeting, html=False),
    Row("meetings:minutes_version", VIEWERS_OF_A, kwargs=lambda world: {"pk": world.meeting_a.pk, "number": 1}),
    # Version 2 is a draft: the secretary's until it is circulated.
    Row(
        "meetings:minutes_version",
        answers(staff=OK, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=lambda world: {"pk": world.meeting_a.pk, "number": 2},
        id="meetings:minutes_version[draft]",
    ),
    Row(
        "meetings:minutes_version_pdf",
        VIEWERS_OF_A,
        kwargs=lambda world: {"pk": world.meeting_a.pk, "number": 1},
        html=False,
    ),
    Row(
        "meetings:minutes_version_pdf_view",
        VIEWERS_OF_A,
        kwargs=lambda world: {"pk": world.meeting_a.pk, "number": 1},
        html=False,
    ),
    Row("meetings:documents", VIEWERS_OF_A, kwargs=_meeting),
    Row("meetings:document_create", STAFF_ONLY, kwargs=_meeting),
    Row("meetings:meeting_ics", VIEWERS_OF_A, kwargs=_meeting, html=False),
    Row("meetings:document_detail", VIEWERS_OF_A, kwargs=_document),
    Row("meetings:document_version_create", STAFF_ONLY, kwargs=_document),
    Row(
        "meetings:document_note_create",
        answers(staff=NOT_ALLOWED, member_a=NOT_ALLOWED, member_b=NOT_ALLOWED, governor=NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_document,
        post_only=True,
    ),
    Row("meetings:document_download", VIEWERS_OF_A, kwargs=_document, html=False),
    Row(
        "meetings:document_version_download",
        VIEWERS_OF_A,
        kwargs=lambda world: {"pk": world.version_a.pk},
        html=False,
    ),
    Row("meetings:committee_list", READERS),
    Row("meetings:committee_create", STAFF_ONLY),
    Row("meetings:committee_detail", VIEWERS_OF_A, kwargs=_committee),
    Row("meetings:committee_edit", STAFF_ONLY, kwargs=_committee),
    Row("meetings:committee_document_create", STAFF_ONLY, kwargs=_committee),
    Row(
        "meetings:organization_meetings",
        VIEWERS_OF_A,
        kwargs=lambda world: {"pk": world.org_a.pk},
    ),
    Row("meetings:calendar_subscribe", READERS),
    # Calendar apps cannot sign in: the secret token in the URL stands for org A's member.
    Row(
        "meetings:calendar_feed",
        answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=OK),
        kwargs=lambda world: {"token": world.feed_token_a},
        html=False,
    ),
    Row(
        "meetings:calendar_feed",
        NOBODY,
        kwargs=lambda world: {"token": "not-a-token"},
        id="meetings:calendar_feed[unknown]",
    ),
]
