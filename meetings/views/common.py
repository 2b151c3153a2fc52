"""Helpers every meetings view uses: finding what the user may see, and showing service errors."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from core.access import is_agency_staff, is_governor_office

from ..models import Committee, Document, Meeting


def visible_meeting(request, pk: int) -> Meeting:
    """The meeting, or 404 when `request.user` may not see it (ids do not leak)."""
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("host", "chair", "follows", "committee"), pk=pk
    )


def editable_meeting(request, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.editable_by(request.user).select_related("host", "chair"), pk=pk)


def visible_committee(request, pk: int) -> Committee:
    return get_object_or_404(Committee.objects.visible_to(request.user).select_related("formed_at"), pk=pk)


def visible_document(request, pk: int) -> Document:
    return get_object_or_404(Document.objects.visible_to(request.user).select_related("meeting", "committee"), pk=pk)


def refuse_read_only(request) -> None:
    """The governor's office reads everything and writes nothing: 403 on any write."""
    if is_governor_office(request.user) and not is_agency_staff(request.user):
        raise PermissionDenied
