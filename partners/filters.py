"""The filters of the partners list pages, and the organization filter other apps' lists use."""

from collections.abc import Callable

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from core.lists import ListFilterSet, SearchFilter, SuggestFilter

from .models import (
    District,
    Organization,
    OrganizationKind,
    PartnerRole,
    ProjectSize,
    ServiceKind,
    ServiceOffering,
    YouthSegment,
)
from .selectors import organizations_named, service_conditions


class OrganizationFilter(SuggestFilter):
    """An organization typed by name, with suggestions, instead of a select of every organization.

    The typed text names organizations as `organizations_named` reads it (exact name, else the
    Arabic-aware search; an id from a link). `match(queryset, organizations)` says which rows
    belong to them; by default those whose `field_name` is one of them.
    """

    def __init__(self, *args, match: Callable[[QuerySet, QuerySet], QuerySet] | None = None, **kwargs):
        kwargs.setdefault("label", _("Organization"))
        kwargs.setdefault("placeholder", _("Type a name"))
        super().__init__(*args, suggestions="partners:organization_suggestions", **kwargs)
        self.match = match

    def filter(self, qs, value):
        if not value or not value.strip():
            return qs
        organizations = organizations_named(user=self.parent.user, text=value)
        if value.strip().isdigit():
            self._show_name(organizations)
        if self.match is not None:
            return self.match(qs, organizations)
        return qs.filter(**{f"{self.field_name}__in": organizations})

    def _show_name(self, organizations: QuerySet) -> None:
        # A link from another page carries the id; the box shows the organization's name instead.
        organization = organizations.first()
        form = self.parent.form
        if organization is not None:
            form.data = form.data.copy()
            form.data[form.add_prefix(self.field_name)] = organization.name


class DirectoryFilter(ListFilterSet):
    q = SearchFilter(label=_("Search"), method="search", placeholder=_("Name, short name or contact person"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganizationKind.choices, empty_label=_("All kinds"))
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=PartnerRole.choices, empty_label=_("All roles"), method="with_role"
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=District.objects.all(), empty_label=_("All districts"), method="serving_district"
    )
    # Service, segment and size describe one offering together: see filter_queryset.
    service = django_filters.ChoiceFilter(
        label=_("Service"), choices=ServiceKind.choices, empty_label=_("All services"), method="together"
    )
    segment = django_filters.ModelChoiceFilter(
        label=_("Youth segment"),
        queryset=YouthSegment.objects.all(),
        empty_label=_("All segments"),
        method="together",
    )
    size = django_filters.ModelChoiceFilter(
        label=_("Project size"), queryset=ProjectSize.objects.all(), empty_label=_("All sizes"), method="together"
    )

    def search(self, queryset, name, value):
        return queryset.search(value)

    def with_role(self, queryset, name, value):
        # A partner with both roles is a lending partner and an empowerment partner.
        return queryset.filter(role__in=[value, PartnerRole.BOTH] if value != PartnerRole.BOTH else [value])

    def serving_district(self, queryset, name, value):
        based_in = Organization.districts.through.objects.filter(organization=OuterRef("pk"), district=value)
        serves = ServiceOffering.objects.filter(service_conditions(district=value), organization=OuterRef("pk"))
        return queryset.filter(Exists(based_in) | Exists(serves))

    def together(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        kind, segment, size = data.get("service"), data.get("segment"), data.get("size")
        if kind or segment or size:
            offering = ServiceOffering.objects.filter(
                service_conditions(kind=kind, segment=segment, size=size), organization=OuterRef("pk")
            )
            queryset = queryset.filter(Exists(offering))
        return queryset


class ServiceFilter(ListFilterSet):
    q = SearchFilter(label=_("Organization"), method="offered_by", placeholder=_("Name or short name"))
    service = django_filters.ChoiceFilter(
        label=_("Service"), field_name="kind", choices=ServiceKind.choices, empty_label=_("All services")
    )
    segment = django_filters.ModelChoiceFilter(
        label=_("Youth segment"),
        field_name="segments",
        queryset=YouthSegment.objects.all(),
        empty_label=_("All segments"),
    )
    size = django_filters.ModelChoiceFilter(
        label=_("Project size"), field_name="sizes", queryset=ProjectSize.objects.all(), empty_label=_("All sizes")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"), field_name="districts", queryset=District.objects.all(), empty_label=_("All districts")
    )

    def offered_by(self, queryset, name, value):
        return queryset.filter(organization__in=Organization.objects.search(value))
