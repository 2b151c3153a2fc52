"""Writes to documents: upload, a new version, an attendee's note."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.access import partner_organization_id
from core.users import user_display_name

from ..models import Committee, Document, DocumentNote, DocumentVersion, Meeting
from ..uploads import check_upload

MAX_NOTE_LENGTH = 5000


def _store_version(*, document: Document, upload, comment: str, user) -> DocumentVersion:
    checked = check_upload(upload)
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        original_name=checked.original_name,
        size=checked.size,
        content_type=checked.content_type,
        sha256=checked.sha256,
        comment=comment,
        uploaded_by=user,
    )
    # The stored name is random (see models.documents.document_file_path); the user's is kept apart.
    version.file.save(checked.original_name, upload, save=False)
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def document_create(
    *,
    meeting: Meeting | None = None,
    committee: Committee | None = None,
    title_ar: str,
    title_en: str = "",
    upload,
    comment: str = "",
    user,
) -> Document:
    """Attach a new document (its first version) to a meeting or a committee.

    Refuses files over 20 MB, of a type not accepted, or whose name lies about their content.
    """
    document = Document(meeting=meeting, committee=committee, title_ar=title_ar, title_en=title_en, created_by=user)
    document.full_clean()
    document.save()
    _store_version(document=document, upload=upload, comment=comment, user=user)
    return document


@transaction.atomic
def document_version_add(*, document: Document, upload, comment: str = "", user) -> DocumentVersion:
    """Add the next version of a document; earlier versions stay downloadable."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    return _store_version(document=locked, upload=upload, comment=comment, user=user)


@transaction.atomic
def document_note_add(*, document: Document, text: str, user) -> DocumentNote:
    """Add an attendee's note on the document's current version, signed with their organization."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the note first.")})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {
                "text": ngettext(
                    "A note has at most %(count)s character.",
                    "A note has at most %(count)s characters.",
                    MAX_NOTE_LENGTH,
                )
                % {"count": MAX_NOTE_LENGTH}
            }
        )
    note = DocumentNote(
        document=document,
        version=document.versions.order_by("-number").first(),
        author=user,
        # The name as it was when the note was written, kept if the account is deleted later.
        author_name=user_display_name(user),
        organization_id=partner_organization_id(user),
        text=text,
    )
    note.full_clean()
    note.save()
    return note
