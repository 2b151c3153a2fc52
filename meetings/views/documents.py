"""Documents: the meeting's documents tab, upload, versions, attendees' notes and downloads.

Files are only ever served here, after `Document.objects.visible_to(user)`: as attachments, with
the content type read from the bytes at upload and `nosniff`, so that a browser never runs them.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import save_and_redirect

from ..forms import DocumentForm, DocumentNoteForm, DocumentVersionForm
from ..models import Committee, Document, DocumentVersion
from ..selectors import documents_of
from ..services import documents as services
from ..uploads import SizeLimitUploadHandler
from .common import editable_meeting, visible_document, visible_meeting


def limits_upload_size(view):
    """Put the size-limit handler first, before the body is read. CSRF middleware reads the body
    (request.POST) before the view runs, so the check moves inside, after the handler is set."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.upload_too_large = False
        request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
        return protected(request, *args, **kwargs)

    return wrapped


@portal_user_required
def meeting_documents(request, pk: int):
    meeting = visible_meeting(request, pk)
    return render(
        request,
        "meetings/documents.html",
        {
            "meeting": meeting,
            "tab": "documents",
            "documents": documents_of(user=request.user, meeting=meeting),
            "can_upload": is_agency_staff(request.user),
        },
    )


def _create(request, *, meeting=None, committee=None):
    form = DocumentForm(request.POST or None, request.FILES or None, too_large=request.upload_too_large)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.document_create(
            meeting=meeting,
            committee=committee,
            title_ar=form.cleaned_data["title_ar"],
            title_en=form.cleaned_data["title_en"],
            upload=form.cleaned_data["file"],
            comment=form.cleaned_data["comment"],
            user=request.user,
        ),
        message=_("The document was uploaded."),
    )
    if done:
        return done
    return render(
        request,
        "meetings/document_form.html",
        {
            "form": form,
            "meeting": meeting,
            "committee": committee,
            "tab": "documents",
            "title": _("Upload a document"),
        },
    )


@staff_required
@limits_upload_size
def document_create(request, pk: int):
    return _create(request, meeting=editable_meeting(request, pk))


@staff_required
@limits_upload_size
def committee_document_create(request, pk: int):
    return _create(request, committee=get_object_or_404(Committee.objects.editable_by(request.user), pk=pk))


def _detail(request, document: Document, *, note_form=None):
    if note_form is None and Document.objects.notable_by(request.user).filter(pk=document.pk).exists():
        note_form = DocumentNoteForm()
    return render(
        request,
        "meetings/document_detail.html",
        {
            "document": document,
            "meeting": document.meeting,
            "committee": document.committee,
            "tab": "documents",
            "versions": document.versions.select_related("uploaded_by"),
            "notes": document.notes.select_related("organization", "version", "author__profile"),
            "note_form": note_form,
            "can_upload": is_agency_staff(request.user),
        },
    )


@portal_user_required
def document_detail(request, pk: int):
    return _detail(request, visible_document(request, pk))


@staff_required
@limits_upload_size
def document_version_create(request, pk: int):
    document = visible_document(request, pk)
    form = DocumentVersionForm(request.POST or None, request.FILES or None, too_large=request.upload_too_large)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.document_version_add(
            document=document, upload=form.cleaned_data["file"], comment=form.cleaned_data["comment"], user=request.user
        ),
        message=lambda version: _("Version %(number)s was uploaded.") % {"number": version.number},
        to=document,
    )
    if done:
        return done
    return render(
        request,
        "meetings/document_form.html",
        {
            "form": form,
            "document": document,
            "meeting": document.meeting,
            "committee": document.committee,
            "tab": "documents",
            "title": _("Upload a new version of %(title)s") % {"title": document.title},
        },
    )


@portal_user_required
@require_POST
def document_note_create(request, pk: int):
    document = visible_document(request, pk)
    if not Document.objects.notable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    form = DocumentNoteForm(request.POST)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.document_note_add(document=document, text=form.cleaned_data["text"], user=request.user),
        message=_("Your note was added."),
        to=document,
    )
    if done:
        return done
    return _detail(request, document, note_form=form)


def _serve(version: DocumentVersion) -> FileResponse:
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=version.original_name, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response


@portal_user_required
def document_download(request, pk: int):
    document = visible_document(request, pk)
    version = document.versions.order_by("-number").first()
    if version is None:
        raise Http404
    return _serve(version)


@portal_user_required
def document_version_download(request, pk: int):
    version = get_object_or_404(
        DocumentVersion.objects.filter(document__in=Document.objects.visible_to(request.user)), pk=pk
    )
    return _serve(version)
