"""Documents: type read from the bytes, 20 MB at most, random storage names, versions, notes,
and downloads only for those who may see the meeting."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from meetings.forms import DocumentForm
from meetings.models import Document, DocumentNote, DocumentVersion
from meetings.services import documents as services
from meetings.uploads import DOCX, MAX_UPLOAD_BYTES, XLSX, check_upload

from . import factories as mf


def post_document(client, meeting, name: str, content: bytes, **extra):
    data = {"title_ar": "مسودة المقترح", "title_en": "Draft proposal", "file": mf.upload(name, content), **extra}
    return client.post(f"/en/meetings/{meeting.pk}/documents/new/", data)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("المسودة.pdf", mf.PDF_BYTES, "application/pdf"),
        ("study.docx", mf.docx_bytes(), DOCX),
        ("budget.XLSX", mf.xlsx_bytes(), XLSX),
        ("photo.png", mf.png_bytes(), "image/png"),
    ],
    ids=["pdf", "docx", "xlsx", "png"],
)
def test_staff_upload_pdf_word_excel_and_images(staff_client, meeting_a, settings, name, content, content_type):
    response = post_document(staff_client, meeting_a, name, content)
    assert response.status_code == 302
    version = DocumentVersion.objects.get()
    assert (version.content_type, version.original_name, version.size, version.number) == (
        content_type,
        name,
        len(content),
        1,
    )
    stored = Path(settings.MEDIA_ROOT) / version.file.name
    assert stored.read_bytes() == content
    # The stored name is random: the user's name never becomes a path.
    assert Path(name).stem not in version.file.name
    assert len(Path(version.file.name).stem) == 32


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.pdf", mf.png_bytes(), "The file is named as PDF but its content is PNG."),
        ("minutes.pdf", "نص عادي وليس ملف PDF".encode(), "The file is named as PDF but its content is not a file"),
        ("photo.png", mf.PDF_BYTES, "The file is named as PNG but its content is PDF."),
        ("study.docx", mf.xlsx_bytes(), "The file is named as Word (DOCX) but its content is Excel (XLSX)."),
        (
            "archive.docx",
            b"PK\x03\x04" + b"\x00" * 60,
            "The file is named as Word (DOCX) but its content is not a file",
        ),
        ("page.html", b"<html><script>alert(1)</script></html>", "Files of this kind are not accepted."),
        ("tool.exe", b"MZ\x90\x00", "Files of this kind are not accepted."),
    ],
    ids=["png-named-pdf", "text-named-pdf", "pdf-named-png", "xlsx-named-docx", "bad-zip", "html", "exe"],
)
def test_a_file_whose_name_lies_about_its_content_is_refused(staff_client, meeting_a, name, content, message):
    response = post_document(staff_client, meeting_a, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()


def test_a_file_over_20_mb_is_refused(staff_client, meeting_a):
    big = mf.PDF_BYTES + b"0" * (MAX_UPLOAD_BYTES + 1 - len(mf.PDF_BYTES))
    assert len(big) == 20 * 1024 * 1024 + 1
    response = post_document(staff_client, meeting_a, "big.pdf", big)
    assert response.status_code == 200
    assert "The file is larger than 20 MB." in response.content.decode()
    assert not Document.objects.exists()


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if anything reads its bytes."""

    def read(self, *args, **kwargs):
        raise AssertionError("the file was read before its size was checked")

    def chunks(self, *args, **kwargs):
        raise AssertionError("the file was read before its size was checked")


def test_the_size_is_checked_before_a_byte_is_read():
    upload = UnreadableUpload("big.pdf", b"%PDF-")
    upload.size = MAX_UPLOAD_BYTES + 1
    form = DocumentForm({"title_ar": "وثيقة"}, {"file": upload})
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["file"] == ["The file is larger than 20 MB. Upload a smaller file (compress or split it)."]
    with pytest.raises(ValidationError):
        check_upload(upload)


def test_the_service_refuses_a_lying_file_even_without_the_form(meeting_a, staff):
    with pytest.raises(ValidationError):
        services.document_create(meeting=meeting_a, title_ar="x", upload=mf.upload("a.pdf", mf.png_bytes()), user=staff)
    assert not Document.objects.exists()


@pytest.fixture
def document_a(meeting_a, staff):
    return services.document_create(
        meeting=meeting_a,
        title_ar="مسودة مقترح آلية العمل",
        upload=mf.upload("مسودة مقترح آلية العمل.pdf", mf.PDF_BYTES),
        user=staff,
    )


@pytest.mark.parametrize("persona", ["staff", "member_a", "governor"])
def test_a_download_is_an_attachment_with_the_sniffed_type_and_the_arabic_name(persona, client_as, document_a):
    response = client_as(persona).get(f"/ar/meetings/documents/{document_a.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == mf.PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('مسودة مقترح آلية العمل.pdf')}"


def test_a_partner_whose_organization_was_not_invited_gets_404_for_the_document(member_b_client, document_a):
    version = document_a.versions.get()
    for path in (
        f"/ar/meetings/documents/{document_a.pk}/download/",
        f"/ar/meetings/documents/versions/{version.pk}/download/",
        f"/ar/meetings/documents/{document_a.pk}/",
    ):
        assert member_b_client.get(path).status_code == 404


def test_files_are_not_reachable_under_the_media_url(client, document_a, settings):
    version = document_a.versions.get()
    assert client.get(f"{settings.MEDIA_URL}{version.file.name}").status_code == 404
    assert client.get(f"/media/{version.file.name}").status_code == 404


def test_a_new_version_keeps_the_old_one_downloadable(staff_client, document_a):
    response = staff_client.post(
        f"/en/meetings/documents/{document_a.pk}/new-version/",
        {"file": mf.upload("v2.docx", mf.docx_bytes()), "comment": "With the attendees' notes"},
    )
    assert response.status_code == 302
    old, new = document_a.versions.order_by("number")
    assert (old.number, new.number, new.comment) == (1, 2, "With the attendees' notes")
    latest = staff_client.get(f"/en/meetings/documents/{document_a.pk}/download/")
    assert latest["Content-Type"] == DOCX
    first = staff_client.get(f"/en/meetings/documents/versions/{old.pk}/download/")
    assert b"".join(first.streaming_content) == mf.PDF_BYTES


def test_an_attendee_adds_a_note_signed_with_their_organization_and_html_stays_text(member_a_client, document_a, org_a):
    response = member_a_client.post(
        f"/en/meetings/documents/{document_a.pk}/notes/",
        {"text": '<script>alert("note")</script>\n- <img src=x onerror=alert(1)>'},
    )
    assert response.status_code == 302
    note = DocumentNote.objects.get()
    assert (note.organization, note.version.number, note.author.username) == (org_a, 1, "member_a")
    html = member_a_client.get(f"/en/meetings/documents/{document_a.pk}/").content.decode()
    assert '<script>alert("note")</script>' not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;" in html


def test_partners_may_not_upload(member_a_client, meeting_a):
    response = post_document(member_a_client, meeting_a, "a.pdf", mf.PDF_BYTES)
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_the_upload_still_checks_the_csrf_token(meeting_a, staff):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = post_document(client, meeting_a, "a.pdf", mf.PDF_BYTES)
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_a_committee_has_documents_too(staff_client, member_a_client, org_a):
    committee = mf.CommitteeFactory(member_organizations=[org_a])
    response = staff_client.post(
        f"/en/meetings/committees/{committee.pk}/documents/new/",
        {"title_ar": "دراسة", "file": mf.upload("study.pdf", mf.PDF_BYTES)},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.committee == committee and document.meeting is None
    assert "دراسة" in member_a_client.get(f"/ar/meetings/committees/{committee.pk}/").content.decode()
