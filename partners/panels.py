"""The registry's panels on the home page."""

from django.db.models import Count, Q

from core.access import is_agency_staff, is_governor_office, partner_organization_id

from .models import Organization, PartnerRole, ServiceOffering


def registry_panel(request):
    user = request.user
    if not (is_agency_staff(user) or is_governor_office(user)):
        return None
    counts = Organization.objects.visible_to(user).aggregate(
        organizations=Count("pk", filter=Q(is_active=True)),
        lending=Count("pk", filter=Q(is_active=True, role__in=[PartnerRole.LENDING, PartnerRole.BOTH])),
    )
    counts["services"] = ServiceOffering.objects.visible_to(user).filter(is_active=True).count()
    return "partners/panels/registry.html", counts


def my_organization_panel(request):
    org_id = partner_organization_id(request.user)
    if org_id is None or is_agency_staff(request.user):
        return None
    organization = (
        Organization.objects.filter(pk=org_id)
        .annotate(service_count=Count("services", filter=Q(services__is_active=True)))
        .first()
    )
    if organization is None:
        return None
    return "partners/panels/my_organization.html", {
        "organization": organization,
        "service_count": organization.service_count,
    }
