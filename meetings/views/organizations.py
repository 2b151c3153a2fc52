"""An organization's meetings and its attendance rate."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from core.access import is_agency_staff, is_governor_office, partner_organization_id, portal_user_required
from core.lists import paginate
from partners.models import Organization

from ..selectors import attendance_rate, organization_meetings


def may_see_organization_meetings(user, organization: Organization) -> bool:
    """Staff and the governor's office: any organization. A partner member: their own only."""
    return is_agency_staff(user) or is_governor_office(user) or partner_organization_id(user) == organization.pk


@portal_user_required
def organization_meetings_page(request, pk: int):
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    if not may_see_organization_meetings(request.user, organization):
        raise Http404
    page = paginate(request, organization_meetings(organization=organization, user=request.user))
    return render(
        request,
        "meetings/organization_meetings.html",
        {"organization": organization, "page": page, "rate": attendance_rate(organization=organization)},
    )
