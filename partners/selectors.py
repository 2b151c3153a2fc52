"""Reads of the partners registry that more than one view (or app) needs."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language

from .models import Organization, ServiceOffering

DIRECTORY_SORTS = {
    "name": ("display_name",),
    "kind": ("kind", "display_name"),
    "role": ("role", "display_name"),
    "services": ("service_count", "display_name"),
    "updated": ("updated_at",),
}


def _service_filter(*, kind=None, segment=None, size=None, district=None) -> Q:
    conditions = Q(is_active=True)
    if kind:
        conditions &= Q(kind=kind)
    if segment:
        conditions &= Q(segments=segment)
    if size:
        conditions &= Q(sizes=size)
    if district:
        conditions &= Q(districts=district)
    return conditions


def organizations_directory(
    *, user, q: str = "", kind: str = "", role: str = "", district=None, service: str = "", segment=None, size=None
) -> QuerySet[Organization]:
    """The organizations `user` may see, filtered, with what a directory row shows prefetched.

    The number of queries does not grow with the number of rows.
    """
    qs = Organization.objects.visible_to(user)
    if q:
        qs = qs.search(q)
    if kind:
        qs = qs.filter(kind=kind)
    if role:
        qs = qs.filter(role__in=[role, "both"] if role in ("lending", "empowerment") else [role])
    if district:
        serves_district = ServiceOffering.objects.filter(
            organization=OuterRef("pk"), is_active=True, districts=district
        )
        based_in = Organization.districts.through.objects.filter(organization=OuterRef("pk"), district=district)
        qs = qs.filter(Exists(based_in) | Exists(serves_district))
    if service or segment or size:
        matching = ServiceOffering.objects.filter(
            _service_filter(kind=service, segment=segment, size=size), organization=OuterRef("pk")
        )
        qs = qs.filter(Exists(matching))
    return qs.annotate(
        display_name=display_name_expression(),
        service_count=Count("services", filter=Q(services__is_active=True), distinct=True),
    ).prefetch_related(
        "districts",
        Prefetch("services", queryset=ServiceOffering.objects.filter(is_active=True).only("organization_id", "kind")),
    )


SERVICE_SORTS = {
    "organization": ("organization_name", "kind"),
    "kind": ("kind", "organization_name"),
    "loan": ("loan_max_yer", "organization_name"),
}


def display_name_expression(prefix: str = ""):
    """The name rows are sorted by: the active language's name, the other one when it is blank."""
    first, second = ("name_en", "name_ar") if (get_language() or "ar").startswith("en") else ("name_ar", "name_en")
    return Lower(Coalesce(NullIf(f"{prefix}{first}", Value("")), f"{prefix}{second}"))


def services_catalogue(*, user, kind: str = "", segment=None, size=None, district=None, q: str = "") -> QuerySet:
    """Active service offerings `user` may see: who offers what, to whom, where."""
    qs = ServiceOffering.objects.visible_to(user).filter(
        pk__in=ServiceOffering.objects.filter(_service_filter(kind=kind, segment=segment, size=size, district=district))
    )
    if q:
        qs = qs.filter(organization__in=Organization.objects.search(q))
    return (
        qs.annotate(organization_name=display_name_expression("organization__"))
        .select_related("organization")
        .prefetch_related("segments", "sizes", "districts")
    )
