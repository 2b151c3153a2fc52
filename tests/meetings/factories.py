"""Factories and small real files for the meetings tests."""

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Meeting,
    MeetingInvitation,
    MeetingKind,
    MeetingStatus,
    MinutesState,
    MinutesVersion,
)
from tests import factories


def days_from_now(days: int, hour: int = 10) -> datetime.datetime:
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.PARTNERS
    title_ar = factory.Sequence(lambda n: f"اجتماع رقم {n}")
    title_en = factory.Sequence(lambda n: f"Meeting number {n}")
    subject_ar = "موضوع الاجتماع"
    subject_en = "The subject"
    starts_at = factory.LazyFunction(lambda: days_from_now(-10))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    place_ar = "مقر الوكالة"
    place_en = "SMEPS headquarters"
    host = factory.SubFactory(factories.OrganizationFactory)
    status = MeetingStatus.HELD


def planned_meeting(**kwargs) -> Meeting:
    kwargs.setdefault("starts_at", days_from_now(10))
    kwargs.setdefault("status", MeetingStatus.PLANNED)
    return MeetingFactory(**kwargs)


def workshop(*, capacity: int = 10, **kwargs) -> Meeting:
    return planned_meeting(kind=MeetingKind.WORKSHOP, capacity=capacity, **kwargs)


def invite(meeting: Meeting, *organizations) -> None:
    for organization in organizations:
        MeetingInvitation.objects.get_or_create(meeting=meeting, organization=organization)


def attendee(meeting: Meeting, contact=None, *, present=None, role="member", **kwargs) -> Attendance:
    if contact is not None:
        kwargs.setdefault("organization", contact.organization)
        kwargs.setdefault("name_ar", contact.full_name_ar)
        kwargs.setdefault("name_en", contact.full_name_en)
    invite(meeting, kwargs["organization"])
    return Attendance.objects.create(meeting=meeting, contact=contact, present=present, role=role, **kwargs)


def agenda_item(meeting: Meeting, order: int, **kwargs) -> AgendaItem:
    kwargs.setdefault("title_ar", f"بند {order}")
    kwargs.setdefault("title_en", f"Item {order}")
    return AgendaItem.objects.create(meeting=meeting, order=order, **kwargs)


def minutes(meeting: Meeting, *, state=MinutesState.DRAFT, number: int = 1, **kwargs) -> MinutesVersion:
    now = timezone.now()
    kwargs.setdefault("text_ar", "نص المحضر")
    kwargs.setdefault("text_en", "The minutes")
    if state in (MinutesState.CIRCULATED, MinutesState.APPROVED):
        kwargs.setdefault("circulated_at", now)
    if state == MinutesState.APPROVED:
        kwargs.setdefault("approved_at", now)
    return MinutesVersion.objects.create(meeting=meeting, number=number, state=state, **kwargs)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        skip_postgeneration_save = True

    name_ar = factory.Sequence(lambda n: f"لجنة {n}")
    name_en = factory.Sequence(lambda n: f"Committee {n}")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))

    @factory.post_generation
    def member_organizations(self, create, extracted, **kwargs):
        if create and extracted:
            self.member_organizations.set(extracted)


# --- real small files -------------------------------------------------------------------------

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n"
)


def _office_zip(main_part: str, extra: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr(main_part, "<?xml version='1.0'?><document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return _office_zip("word/document.xml")


def xlsx_bytes() -> bytes:
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "الشريك"
    workbook.save(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (11, 93, 107)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
