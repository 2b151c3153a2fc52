"""Meetings in the Django admin, under the same rules as the portal.

Meeting and committee edits go through the services (a stale form is refused, the host is
invited, the chair is an attendee). Approved minutes are read only and cannot be deleted; files
are uploaded through the portal, which checks their type, so versions are read only here.
"""

from django.contrib import admin

from core.admin import DayFirstDatesMixin, VersionedAdminForm

from .models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Committee,
    Document,
    DocumentNote,
    DocumentVersion,
    Meeting,
    MeetingInvitation,
    MinutesState,
    MinutesVersion,
    WorkshopRegistration,
)
from .services import meetings as services


class MeetingInvitationInline(DayFirstDatesMixin, admin.TabularInline):
    model = MeetingInvitation
    extra = 0
    autocomplete_fields = ("organization",)


class AttendanceInline(DayFirstDatesMixin, admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ("organization", "contact")
    fields = (
        "organization",
        "contact",
        "title",
        "name_ar",
        "name_en",
        "position_ar",
        "role",
        "present",
        "is_group",
        "headcount",
    )


class AgendaItemInline(DayFirstDatesMixin, admin.StackedInline):
    model = AgendaItem
    extra = 0
    autocomplete_fields = ("presenter",)


class DocumentInline(DayFirstDatesMixin, admin.TabularInline):
    model = Document
    extra = 0
    fields = ("title_ar", "title_en", "created_by", "created_at")
    readonly_fields = ("created_by", "created_at")
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # a document needs a file, uploaded (and checked) in the portal


@admin.register(Meeting)
class MeetingAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    form = VersionedAdminForm
    exclude = ("version",)
    list_display = ("title_ar", "kind", "starts_at", "status", "host")
    list_filter = ("kind", "status", "host")
    list_select_related = ("host",)
    search_fields = ("title_ar", "title_en", "subject_ar", "subject_en")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("host", "chair", "follows", "committee")
    readonly_fields = ("created_by",)
    inlines = (MeetingInvitationInline, AttendanceInline, AgendaItemInline, DocumentInline)

    def save_model(self, request, obj, form, change):
        services.meeting_save(meeting=obj, expected_version=form.expected_version, user=request.user)


@admin.register(MinutesVersion)
class MinutesVersionAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("meeting", "number", "state", "circulated_at", "approved_at")
    list_filter = ("state",)
    list_select_related = ("meeting",)
    search_fields = ("meeting__title_ar", "meeting__title_en", "text_ar", "text_en")
    readonly_fields = (
        "meeting",
        "number",
        "state",
        "created_by",
        "created_at",
        "circulated_at",
        "circulated_by",
        "approved_at",
        "approved_by",
    )
    exclude = ("version",)

    def has_add_permission(self, request):
        return False  # written in the portal, where the versions are numbered

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.state == MinutesState.APPROVED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.state == MinutesState.APPROVED:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # The bulk action skips approved rows instead of failing on them.
        for version in queryset.exclude(state=MinutesState.APPROVED):
            version.delete()


@admin.register(Committee)
class CommitteeAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    form = VersionedAdminForm
    exclude = ("version",)
    list_display = ("name_ar", "deadline", "is_done", "formed_at")
    list_filter = ("is_done",)
    list_select_related = ("formed_at",)
    search_fields = ("name_ar", "name_en")
    autocomplete_fields = ("formed_at",)
    filter_horizontal = ("member_organizations", "member_contacts")

    def save_model(self, request, obj, form, change):
        services.committee_save(committee=obj, expected_version=form.expected_version)


@admin.register(WorkshopRegistration)
class WorkshopRegistrationAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("meeting", "organization", "count", "registered_by", "updated_at")
    list_select_related = ("meeting", "organization", "registered_by")
    search_fields = ("meeting__title_ar", "organization__name_ar", "attendee_names")
    readonly_fields = ("meeting", "organization", "registered_by", "count", "attendee_names")

    def has_add_permission(self, request):
        return False  # registrations count against the capacity: made in the portal


class DocumentVersionInline(DayFirstDatesMixin, admin.TabularInline):
    model = DocumentVersion
    extra = 0
    fields = ("number", "original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("title_ar", "meeting", "committee", "created_at")
    list_select_related = ("meeting", "committee")
    search_fields = ("title_ar", "title_en")
    readonly_fields = ("meeting", "committee", "created_by")
    inlines = (DocumentVersionInline,)

    def has_add_permission(self, request):
        return False


@admin.register(DocumentVersion)
class DocumentVersionAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("document", "number", "original_name", "content_type", "size", "uploaded_at")
    list_select_related = ("document",)
    search_fields = ("original_name", "document__title_ar")
    readonly_fields = (
        "document",
        "number",
        "file",
        "original_name",
        "size",
        "content_type",
        "sha256",
        "comment",
        "uploaded_by",
        "uploaded_at",
    )

    def has_add_permission(self, request):
        return False


@admin.register(DocumentNote)
class DocumentNoteAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("document", "author_name", "organization", "created_at")
    list_select_related = ("document", "organization")
    search_fields = ("text", "author_name")
    readonly_fields = ("document", "version", "author", "author_name", "organization", "created_at")

    def has_add_permission(self, request):
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    """Only to see who has a feed, and to delete one (which turns its link off)."""

    list_display = ("user", "created_at")
    fields = ("user", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
