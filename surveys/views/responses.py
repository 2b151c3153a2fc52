"""One organization's response, read by id: staff (any, and may reopen it) and the organization's
own members. Anyone else gets 404, so that ids do not leak; the governor's office never reads an
individual response."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.access import is_agency_staff, is_partner_member, partner_organization_id, portal_user_required
from core.forms import save_and_redirect

from .. import services
from ..forms import ReopenForm
from ..models import Response
from ..selectors import answered_sections, invitation_link, organization_invitations, response_answers


def _visible_response(request, pk: int) -> Response:
    return get_object_or_404(
        Response.objects.visible_to(request.user).select_related("invitation__survey", "invitation__organization"),
        pk=pk,
    )


@portal_user_required
def response_detail(request, pk: int):
    response = _visible_response(request, pk)
    invitation = response.invitation
    survey = invitation.survey
    is_staff = is_agency_staff(request.user)
    return render(
        request,
        "surveys/response_detail.html",
        {
            "response": response,
            "invitation": invitation,
            "survey": survey,
            "sections": answered_sections(survey=survey, answers=response_answers(response)),
            "reopenings": response.reopenings.select_related("reopened_by__profile"),
            "is_staff": is_staff,
            "can_reopen": is_staff and response.is_submitted and survey.is_open,
            "continue_url": (
                invitation_link(invitation, absolute=False)
                if invitation.is_usable and not response.is_submitted
                else ""
            ),
        },
    )


@portal_user_required
def response_reopen(request, pk: int):
    response = _visible_response(request, pk)
    if not is_agency_staff(request.user):
        raise PermissionDenied
    form = ReopenForm(request.POST or None)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.response_reopen(response=response, by=request.user, reason=form.cleaned_data["reason"]),
        message=_("The response of %(name)s is a draft again: the organization can change it and submit it again.")
        % {"name": response.invitation.organization.name},
        to=response,
    )
    if done:
        return done
    return render(
        request,
        "surveys/form.html",
        {
            "form": form,
            "survey": response.invitation.survey,
            "title": _("Reopen the response of %(name)s") % {"name": response.invitation.organization.name},
            "cancel_url": response.get_absolute_url(),
        },
    )


@portal_user_required
def mine(request):
    """A partner member's questionnaires: their organization's invitations, to continue or read."""
    if not is_partner_member(request.user):
        raise PermissionDenied
    organization_id = partner_organization_id(request.user)
    invitations = organization_invitations(user=request.user, organization_id=organization_id)
    for invitation in invitations:
        # The button opens it here; the full address (SITE_URL) is to pass on to a colleague.
        invitation.path = invitation_link(invitation, absolute=False) if invitation.is_usable else ""
        invitation.link = invitation_link(invitation) if invitation.is_usable else ""
    return render(request, "surveys/mine.html", {"invitations": invitations})
