"""Small helpers the questionnaires' views share."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError

from core.access import is_agency_staff, is_governor_office


def readers_required(view):
    """Staff and the governor's office (who read completion and summaries); others get 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (is_agency_staff(request.user) or is_governor_office(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def message_from(request, error: ValidationError) -> None:
    """Show a service's refusal as error messages on the next page."""
    for text in error.messages:
        messages.error(request, text)
