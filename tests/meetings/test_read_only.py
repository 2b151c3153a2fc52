"""The governor's office reads meetings, committees, minutes and documents, and writes nothing:
every write answers 403 and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Document,
    DocumentNote,
    DocumentVersion,
    Meeting,
    MeetingInvitation,
    MinutesState,
    MinutesVersion,
    WorkshopRegistration,
)
from meetings.services import documents as document_services

from . import factories as mf


@pytest.fixture
def world(meeting_a, org_a, smeps, staff):
    item = mf.agenda_item(meeting_a, 1)
    person = mf.attendee(meeting_a, mf.factories.ContactFactory(organization=org_a))
    mf.minutes(meeting_a, state=MinutesState.CIRCULATED)
    document = document_services.document_create(
        meeting=meeting_a, title_ar="وثيقة", upload=SimpleUploadedFile("a.pdf", mf.PDF_BYTES), user=staff
    )
    workshop = mf.workshop(host=smeps)
    mf.invite(workshop, smeps, org_a)
    committee = mf.CommitteeFactory(member_organizations=[org_a])
    return {
        "meeting": meeting_a,
        "item": item,
        "person": person,
        "document": document,
        "workshop": workshop,
        "committee": committee,
    }


def snapshot() -> dict:
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
        WorkshopRegistration,
    )
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def write_requests(w) -> list[tuple[str, dict]]:
    m, item, doc = w["meeting"].pk, w["item"].pk, w["document"].pk
    return [
        ("/ar/meetings/new/", {"title_ar": "x"}),
        (f"/ar/meetings/{m}/edit/", {"title_ar": "x"}),
        (f"/ar/meetings/{m}/attendance/add/", {"add_other": "1", "name_ar": "x"}),
        (f"/ar/meetings/{m}/attendance/record/", {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"}),
        (f"/ar/meetings/{m}/agenda/new/", {"title_ar": "x"}),
        (f"/ar/meetings/{m}/agenda/{item}/edit/", {"title_ar": "x"}),
        (f"/ar/meetings/{m}/agenda/{item}/delete/", {}),
        (f"/ar/meetings/{m}/agenda/{item}/move/", {"direction": "down"}),
        (f"/ar/meetings/{m}/minutes/edit/", {"text_ar": "x"}),
        (f"/ar/meetings/{m}/minutes/circulate/", {"language": "ar"}),
        (f"/ar/meetings/{m}/minutes/approve/", {}),
        (f"/ar/meetings/{m}/documents/new/", {"title_ar": "x"}),
        (f"/ar/meetings/documents/{doc}/new-version/", {}),
        (f"/ar/meetings/documents/{doc}/notes/", {"text": "ملاحظة"}),
        (f"/ar/meetings/{w['workshop'].pk}/register/", {"attendee_names": "x"}),
        ("/ar/meetings/committees/new/", {"name_ar": "x"}),
        (f"/ar/meetings/committees/{w['committee'].pk}/edit/", {"name_ar": "x"}),
        (f"/ar/meetings/committees/{w['committee'].pk}/documents/new/", {"title_ar": "x"}),
    ]


def test_every_write_of_the_governors_office_is_refused_and_changes_nothing(governor_client, world):
    before = snapshot()
    for path, data in write_requests(world):
        assert governor_client.post(path, data).status_code == 403, path
    assert snapshot() == before


@pytest.mark.parametrize(
    "path",
    ["/ar/meetings/{m}/", "/ar/meetings/{m}/attendance/", "/ar/meetings/{m}/agenda/", "/ar/meetings/{m}/minutes/",
     "/ar/meetings/{m}/documents/", "/ar/meetings/documents/{d}/"],
)  # fmt: skip
def test_the_governors_office_reads_without_any_button_to_write(governor_client, world, path):
    html = governor_client.get(path.format(m=world["meeting"].pk, d=world["document"].pk)).content.decode()
    for write in ("/edit/", "/new/", "/record/", "/circulate/", "/approve/", "/notes/", "/new-version/"):
        assert write not in html, write


def test_partners_cannot_write_what_staff_write(member_a_client, world):
    before = snapshot()
    for path, data in write_requests(world):
        if "/notes/" in path or "/register/" in path:
            continue  # the two things an invited partner may do
        assert member_a_client.post(path, data).status_code == 403, path
    assert snapshot() == before
