"""The partners registry as spreadsheets (CSV, XLSX): organizations, contacts, services.

Headers are the field labels of the active language (a file with Arabic, English or field-name
headers imports). Relations are written by name: an organization by its Arabic name, districts,
youth segments and project sizes by their Arabic or English name (segments and sizes also by
code). Re-importing an exported file updates the rows it came from: an organization is found by
its Arabic name, a contact by its organization and Arabic full name, a service by its organization
and Arabic title. Every row is written through partners.services, as the portal's forms do.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from import_export import fields

from core.spreadsheets import LookupListWidget, LookupWidget, SpreadsheetModelResource

from . import services
from .models import Contact, District, Organization, ProjectSize, ServiceOffering, YouthSegment


def _label(model, name):
    return model._meta.get_field(name).verbose_name


def _organization_field(model):
    return fields.Field(
        attribute="organization",
        column_name=_label(model, "organization"),
        widget=LookupWidget(Organization, lookups=("name_ar",), field="name_ar"),
    )


def _districts_field(model, name):
    return fields.Field(
        attribute=name,
        column_name=_label(model, name),
        widget=LookupListWidget(District, lookups=("name_ar", "name_en")),
    )


class OrganizationResource(SpreadsheetModelResource):
    districts = _districts_field(Organization, "districts")

    class Meta:
        model = Organization
        name = _("Organizations")
        fields = (
            "name_ar",
            "name_en",
            "short_name",
            "kind",
            "role",
            "districts",
            "phone",
            "email",
            "website",
            "address_ar",
            "address_en",
            "description_ar",
            "description_en",
            "is_active",
        )
        import_id_fields = ["name_ar"]

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("districts") if isinstance(queryset, QuerySet) else queryset

    def save_row(self, instance, *, relations):
        services.organization_save(organization=instance, expected_version=None, districts=relations.get("districts"))


class ContactResource(SpreadsheetModelResource):
    organization = _organization_field(Contact)

    class Meta:
        model = Contact
        name = _("Contacts")
        fields = (
            "organization",
            "title",
            "full_name_ar",
            "full_name_en",
            "position_ar",
            "position_en",
            "phone",
            "email",
            "is_primary",
        )
        import_id_fields = ["organization", "full_name_ar"]

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organization") if isinstance(queryset, QuerySet) else queryset

    def save_row(self, instance, *, relations):
        services.contact_save(contact=instance, expected_version=None)


class ServiceOfferingResource(SpreadsheetModelResource):
    organization = _organization_field(ServiceOffering)
    segments = fields.Field(
        attribute="segments",
        column_name=_label(ServiceOffering, "segments"),
        widget=LookupListWidget(YouthSegment, lookups=("code", "name_ar", "name_en")),
    )
    sizes = fields.Field(
        attribute="sizes",
        column_name=_label(ServiceOffering, "sizes"),
        widget=LookupListWidget(ProjectSize, lookups=("code", "name_ar", "name_en")),
    )
    districts = _districts_field(ServiceOffering, "districts")

    class Meta:
        model = ServiceOffering
        name = _("Service offerings")
        fields = (
            "organization",
            "kind",
            "title_ar",
            "title_en",
            "segments",
            "sizes",
            "districts",
            "loan_min_yer",
            "loan_max_yer",
            "conditions_ar",
            "conditions_en",
            "is_example",
            "is_active",
        )
        import_id_fields = ["organization", "title_ar"]

    def filter_export(self, queryset, **kwargs):
        if not isinstance(queryset, QuerySet):
            return queryset
        return queryset.select_related("organization").prefetch_related("segments", "sizes", "districts")

    def save_row(self, instance, *, relations):
        services.service_save(
            service=instance,
            expected_version=None,
            segments=relations.get("segments"),
            sizes=relations.get("sizes"),
            districts=relations.get("districts"),
        )
