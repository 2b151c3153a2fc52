"""The partners registry in the Django admin.

Organizations, contacts and services keep their change history (who changed what, when) and can
be exported and imported as CSV or XLSX (partners.resources). Saves go through partners.services,
so that an admin edit bumps the row's version (a portal form opened earlier is refused as stale)
and an admin form opened before a portal edit is refused in turn.
"""

from django.contrib import admin
from django.db import models
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DayFirstDatesMixin, SpreadsheetAdminMixin, VersionedAdminForm
from core.text import search_terms

from . import services
from .models import (
    Contact,
    District,
    MemberInvitation,
    Membership,
    Organization,
    ProjectSize,
    ServiceOffering,
    YouthSegment,
)
from .resources import ContactResource, OrganizationResource, ServiceOfferingResource


@admin.register(District)
class DistrictAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("name_ar", "name_en", "region")
    list_editable = ("region",)
    list_filter = ("region",)
    search_fields = ("name_ar", "name_en")


class _ReferenceAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("code", "name_ar", "name_en", "order")
    list_editable = ("order",)
    search_fields = ("code", "name_ar", "name_en")


@admin.register(YouthSegment)
class YouthSegmentAdmin(_ReferenceAdmin):
    pass


@admin.register(ProjectSize)
class ProjectSizeAdmin(_ReferenceAdmin):
    pass


def _save_contact(request, contact: Contact, form) -> None:
    contact._history_user = request.user
    services.contact_save(contact=contact, expected_version=form.expected_version)


def _save_service(request, service: ServiceOffering, form) -> None:
    service._history_user = request.user
    services.service_save(
        service=service,
        expected_version=form.expected_version,
        segments=form.cleaned_data.get("segments"),
        sizes=form.cleaned_data.get("sizes"),
        districts=form.cleaned_data.get("districts"),
    )


class _VersionedAdmin(DayFirstDatesMixin, SpreadsheetAdminMixin, ImportExportMixin, SimpleHistoryAdmin):
    """History, spreadsheets and versioned saves; `version` is a hidden field of the form."""

    form = VersionedAdminForm
    # `version` is not editable on the model: the form declares it (hidden) instead.
    exclude = ("version",)


class ContactInline(DayFirstDatesMixin, admin.TabularInline):
    model = Contact
    form = VersionedAdminForm
    exclude = ("version",)
    extra = 0


class ServiceOfferingInline(DayFirstDatesMixin, admin.StackedInline):
    model = ServiceOffering
    form = VersionedAdminForm
    exclude = ("version",)
    extra = 0
    filter_horizontal = ("segments", "sizes", "districts")
    classes = ("collapse",)


@admin.register(Organization)
class OrganizationAdmin(_VersionedAdmin):
    resource_classes = [OrganizationResource]
    list_display = ("name_ar", "name_en", "short_name", "kind", "role", "is_active", "updated_at")
    list_filter = ("kind", "role", "is_active", "districts")
    search_fields = ("name_ar", "name_en", "short_name")
    filter_horizontal = ("districts",)
    inlines = (ContactInline, ServiceOfferingInline)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_terms(search_term):
            # Also the portal's Arabic-aware search (hamza forms, taa marbuta, the article...).
            results = results | queryset.search(search_term)
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        services.organization_save(
            organization=obj, expected_version=form.expected_version, districts=form.cleaned_data.get("districts")
        )

    def save_formset(self, request, form, formset, change):
        savers = {Contact: _save_contact, ServiceOffering: _save_service}
        save = savers.get(formset.model)
        if save is None:
            super().save_formset(request, form, formset, change)
            return
        # Fills new_objects / changed_objects / deleted_objects (for the admin's log) without
        # writing; the writes go through the services.
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            if formset.model is Contact:
                services.contact_delete(contact=obj)
            else:
                services.service_delete(service=obj)
        saved = {id(obj) for obj in formset.new_objects} | {id(obj) for obj, _fields in formset.changed_objects}
        for inline_form in formset.forms:
            if id(inline_form.instance) in saved:
                save(request, inline_form.instance, inline_form)


@admin.register(Contact)
class ContactAdmin(_VersionedAdmin):
    resource_classes = [ContactResource]
    list_display = ("full_name_ar", "full_name_en", "organization", "position_ar", "phone", "email", "is_primary")
    list_filter = ("is_primary", "organization__kind")
    list_select_related = ("organization",)
    search_fields = ("full_name_ar", "full_name_en", "organization__name_ar", "phone", "email")
    autocomplete_fields = ("organization",)

    def save_model(self, request, obj, form, change):
        _save_contact(request, obj, form)

    def delete_model(self, request, obj):
        services.contact_delete(contact=obj)

    def delete_queryset(self, request, queryset):
        for contact in queryset:
            services.contact_delete(contact=contact)


@admin.register(ServiceOffering)
class ServiceOfferingAdmin(_VersionedAdmin):
    resource_classes = [ServiceOfferingResource]
    list_display = ("title_ar", "organization", "kind", "loan_min_yer", "loan_max_yer", "is_active", "is_example")
    list_filter = ("kind", "is_active", "is_example", "segments", "sizes", "districts")
    list_select_related = ("organization",)
    search_fields = ("title_ar", "title_en", "organization__name_ar", "organization__short_name")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("segments", "sizes", "districts")

    def save_model(self, request, obj, form, change):
        _save_service(request, obj, form)

    def delete_model(self, request, obj):
        services.service_delete(service=obj)

    def delete_queryset(self, request, queryset):
        for service in queryset:
            services.service_delete(service=service)


@admin.register(Membership)
class MembershipAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("user", "organization", "is_active", "created_at")
    list_filter = ("is_active",)
    list_select_related = ("user", "organization")
    search_fields = ("user__username", "user__email", "organization__name_ar", "organization__name_en")
    autocomplete_fields = ("user", "organization")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data:
            # Suspending a member also revokes their open invitation links.
            services.membership_set_active(membership=obj, is_active=obj.is_active)


@admin.register(MemberInvitation)
class MemberInvitationAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    """Read only: invitations are made (and their tokens shown once) by the portal's service."""

    list_display = ("email", "organization", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at")
    list_filter = (("accepted_at", admin.EmptyFieldListFilter), ("revoked_at", admin.EmptyFieldListFilter))
    list_select_related = ("organization", "invited_by")
    search_fields = ("email", "organization__name_ar", "organization__name_en")
    fields = ("organization", "user", "email", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
