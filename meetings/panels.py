"""The meetings app's panels on the home page and its section on an organization's page."""

from core.access import is_agency_staff, partner_organization_id, role_of

from .selectors import (
    attendance_rate,
    minutes_awaiting_action,
    organization_meetings,
    upcoming_meetings,
    workshops_open_for,
)
from .views.organizations import may_see_organization_meetings


def next_meetings_panel(request):
    if role_of(request.user) not in ("staff", "partner", "governor"):
        return None
    return "meetings/panels/next_meetings.html", {"meetings": upcoming_meetings(user=request.user)}


def minutes_panel(request):
    if not is_agency_staff(request.user):
        return None
    return "meetings/panels/minutes.html", minutes_awaiting_action()


def workshops_panel(request):
    org_id = partner_organization_id(request.user)
    if org_id is None or is_agency_staff(request.user):
        return None
    workshops = workshops_open_for(organization_id=org_id)
    if not workshops:
        return None
    return "meetings/panels/workshops.html", {"workshops": workshops}


def organization_meetings_section(request, organization):
    """The organization's last meetings and attendance rate, for its page in the directory."""
    if not may_see_organization_meetings(request.user, organization):
        return None
    return "meetings/sections/organization_meetings.html", {
        "organization": organization,
        "meetings": list(organization_meetings(organization=organization, user=request.user)[:5]),
        "rate": attendance_rate(organization=organization),
    }
