"""Reads of the partners registry that more than one view (or app) needs."""

from django.db.models import Count, Prefetch, Q, QuerySet, Value
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


def service_conditions(*, kind: str = "", segment=None, size=None, district=None) -> Q:
    """What an active service offering must match; one offering must match all of them."""
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


def organizations_directory(*, user) -> QuerySet[Organization]:
    """The organizations `user` may see, with what a directory row shows (filters: partners/filters.py).

    The number of queries does not grow with the number of rows.
    """
    return (
        Organization.objects.visible_to(user)
        .annotate(
            display_name=display_name_expression(),
            service_count=Count("services", filter=Q(services__is_active=True), distinct=True),
        )
        .prefetch_related(
            "districts",
            Prefetch(
                "services", queryset=ServiceOffering.objects.filter(is_active=True).only("organization_id", "kind")
            ),
        )
    )


def organizations_named(*, user, text: str) -> QuerySet[Organization]:
    """The organizations `user` may see that `text` names: one whose name or short name it is
    exactly (as picked from suggestions), else those the Arabic-aware search finds; an id (a link
    from another page) names that organization."""
    visible = Organization.objects.visible_to(user)
    text = text.strip()
    if text.isascii() and text.isdigit():
        return visible.filter(pk=int(text))
    exact = visible.filter(Q(name_ar__iexact=text) | Q(name_en__iexact=text) | Q(short_name__iexact=text))
    return exact if exact.exists() else visible.search(text)


def suggested_organization_names(*, user, text: str, limit: int = 10) -> list[str]:
    """Names of organizations `user` may see that match `text`, for a suggestion box."""
    if not text.strip():
        return []
    qs = Organization.objects.visible_to(user).search(text).annotate(display_name=display_name_expression())
    language_name = "name_en" if (get_language() or "ar").startswith("en") else "name_ar"
    return [
        row[language_name] or row["name_ar"]
        for row in qs.order_by("display_name", "pk").values("name_ar", "name_en")[:limit]
    ]


SERVICE_SORTS = {
    "organization": ("organization_name", "kind"),
    "kind": ("kind", "organization_name"),
    "loan": ("loan_max_yer", "organization_name"),
}


def display_name_expression(prefix: str = ""):
    """The name rows are sorted by: the active language's name, the other one when it is blank."""
    first, second = ("name_en", "name_ar") if (get_language() or "ar").startswith("en") else ("name_ar", "name_en")
    return Lower(Coalesce(NullIf(f"{prefix}{first}", Value("")), f"{prefix}{second}"))


def services_catalogue(*, user) -> QuerySet[ServiceOffering]:
    """Active service offerings `user` may see: who offers what, to whom, where."""
    return (
        ServiceOffering.objects.visible_to(user)
        .filter(is_active=True)
        .annotate(organization_name=display_name_expression("organization__"))
        .select_related("organization")
        .prefetch_related("segments", "sizes", "districts")
    )
