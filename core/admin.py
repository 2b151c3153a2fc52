"""Admin plumbing shared by the apps: day-first dates, spreadsheet import/export pages and
versioned edit forms."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from import_export.formats import base_formats
from import_export.forms import SelectableFieldsExportForm

from core import forms as portal_forms
from core import widgets as portal_widgets
from core.concurrency import STALE_EDIT_MESSAGE
from core.forms import VersionedFormMixin
from core.models import UserProfile

SPREADSHEET_FORMATS = [base_formats.CSV, base_formats.XLSX]

DAY_FIRST_FORMFIELDS = {
    models.DateTimeField: {"form_class": portal_forms.DateTimeField, "widget": portal_widgets.AdminDateTimeInput},
    models.DateField: {"form_class": portal_forms.DateField, "widget": portal_widgets.AdminDateInput},
    models.TimeField: {"form_class": portal_forms.TimeField, "widget": portal_widgets.AdminTimeInput},
}


class DayFirstDatesMixin:
    """For every ModelAdmin and inline of the portal: dates typed and shown as dd/mm/yyyy (Arabic-
    Indic digits accepted) and times as 24-hour hh:mm, with the admin's calendar and clock, as in
    the portal's own forms. Goes before the admin base class; merged with the class's own
    formfield_overrides."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for db_field, options in DAY_FIRST_FORMFIELDS.items():
            self.formfield_overrides[db_field] = {**self.formfield_overrides.get(db_field, {}), **options}


class LabelledFieldsExportForm(SelectableFieldsExportForm):
    """The export page lists the columns by the headers the file will have."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        return field.column_name if field is not None else field_name


class SpreadsheetAdminMixin:
    """For an ImportExportMixin admin whose resources derive from core.spreadsheets'
    SpreadsheetModelResource: CSV and XLSX only, a CSV that Excel opens as UTF-8, and the
    import's problems listed by row and column. An import that finds a problem at the confirm
    step (the data changed after the preview) imports nothing and says so."""

    formats = SPREADSHEET_FORMATS
    import_formats = SPREADSHEET_FORMATS
    export_formats = SPREADSHEET_FORMATS
    # The byte order mark lets Excel read Arabic text in a CSV file correctly.
    to_encoding = "utf-8-sig"
    import_template_name = "admin/portal/spreadsheet_import.html"
    export_form_class = LabelledFieldsExportForm

    def process_result(self, result, request):
        if not result.has_errors() and not result.has_validation_errors():
            return super().process_result(result, request)
        form_class = self.get_import_form_class(request)
        resource_classes = self.get_import_resource_classes(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "opts": self.model._meta,
            "form": form_class(self.get_import_formats(), resource_classes),
            "result": result,
            "fields_list": [
                (resource_class.get_display_name(), [f.column_name for f in resource_class().get_user_visible_fields()])
                for resource_class in resource_classes
            ],
            "import_error_display": self.import_error_display,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """An admin form that refuses to save over a change made after it was opened (in the portal
    or in another admin tab), as the portal's own forms do."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk is not None and self.expected_version is not None:
            current = type(instance)._default_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
            if current != self.expected_version:
                raise ValidationError(STALE_EDIT_MESSAGE, code="stale")
        return cleaned


class UserProfileInline(DayFirstDatesMixin, admin.StackedInline):
    model = UserProfile
    can_delete = False
    extra = 1
    max_num = 1
    fields = ("name_ar", "name_en")


class PortalUserAdmin(DayFirstDatesMixin, UserAdmin):
    """Django's user admin, with the display name in Arabic and English that pages show."""

    inlines = [*UserAdmin.inlines, UserProfileInline]
    list_select_related = ("profile",)


user_model = get_user_model()
if admin.site.is_registered(user_model):
    admin.site.unregister(user_model)
admin.site.register(user_model, PortalUserAdmin)


# django-tasks-db's admin, with translated column names (its own are plain strings) -----------
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DayFirstDatesMixin, DBTaskResultAdmin):
    list_display = ("task_id", "task_label", *DBTaskResultAdmin.list_display[2:])

    def get_readonly_fields(self, request, obj=None):
        return ["task_id" if name == "id" else name for name in super().get_readonly_fields(request, obj)]

    @admin.display(description=_("Identifier"), ordering="id")
    def task_id(self, obj):
        return obj.id

    @admin.display(description=_("Task"), ordering="task_path")
    def task_label(self, obj):
        # The function's name, read from the stored path: obj.task_name builds the task, which fails
        # when the function is gone or the running backend is another one.
        return obj.task_path.rpartition(".")[2]

    @admin.display(description=_("traceback"))
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description=_("run after"))
    def display_run_after(self, obj):
        return super().display_run_after(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        subtitle = _("Task %(name)s") % {"name": self.task_label(obj)} if obj is not None else None
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "subtitle": subtitle})
