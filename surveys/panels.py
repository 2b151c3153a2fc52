"""The questionnaires on the home page and on an organization's page."""

from django.db.models import Count, Q

from core.access import is_agency_staff, is_governor_office, partner_organization_id

from .models import ResponseStatus, Survey, SurveyStatus
from .selectors import invitation_link, organization_invitations


def _open_surveys(user):
    return (
        Survey.objects.visible_to(user)
        .filter(status=SurveyStatus.OPEN)
        .annotate(
            invited=Count("invitations", distinct=True),
            submitted=Count(
                "invitations", filter=Q(invitations__response__status=ResponseStatus.SUBMITTED), distinct=True
            ),
        )
        .order_by("closes_on", "-created_at")
    )


def staff_panel(request):
    """Staff: each open questionnaire with submitted of invited, and the way to the board."""
    if not is_agency_staff(request.user):
        return None
    return "surveys/panels/staff.html", {"surveys": list(_open_surveys(request.user)[:5])}


def governor_panel(request):
    """The governor's office: how far each open questionnaire is answered."""
    if not is_governor_office(request.user):
        return None
    surveys = list(_open_surveys(request.user)[:5])
    for survey in surveys:
        survey.percent = round(100 * survey.submitted / survey.invited) if survey.invited else 0
    return "surveys/panels/governor.html", {"surveys": surveys}


def partner_panel(request):
    """A partner member: their organization's questionnaires waiting for an answer, to continue."""
    org_id = partner_organization_id(request.user)
    if org_id is None or is_agency_staff(request.user):
        return None
    invitations = [
        invitation
        for invitation in organization_invitations(user=request.user, organization_id=org_id)
        if invitation.survey.is_open
    ]
    if not invitations:
        return None
    for invitation in invitations:
        invitation.link = invitation_link(invitation, absolute=False) if invitation.is_usable else ""
    return "surveys/panels/partner.html", {"invitations": invitations}


def organization_section(request, organization):
    """On an organization's page: its questionnaires (staff, and the organization's own members)."""
    user = request.user
    if not (is_agency_staff(user) or partner_organization_id(user) == organization.pk):
        return None
    invitations = organization_invitations(user=user, organization_id=organization.pk)
    if not invitations:
        return None
    return "surveys/sections/organization.html", {"invitations": invitations, "is_staff": is_agency_staff(user)}
