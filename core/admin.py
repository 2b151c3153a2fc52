"""Admin plumbing shared by the apps: day-first dates, spreadsheet import/export pages and
versioned edit forms."""

import logging

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import ErrorDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from import_export.formats import base_formats
from import_export.forms import ImportForm, SelectableFieldsExportForm

from core import forms as portal_forms
from core import widgets as portal_widgets
from core.concurrency import STALE_EDIT_MESSAGE
from core.forms import VersionedFormMixin
from core.models import UserProfile
from core.spreadsheets import IntakeError, open_table
from core.spreadsheets.formats import IMPORT_FORMATS

logger = logging.getLogger(__name__)

SPREADSHEET_FORMATS = [base_formats.CSV, base_formats.XLSX]
UNREADABLE_FILE_MESSAGE = _(
    "The file could not be read. Save it from Excel as “CSV UTF-8” or as “Excel Workbook (.xlsx)” and upload it again."
)
UPLOAD_GONE_MESSAGE = _("The uploaded file is no longer available: upload it again.")


class SpreadsheetImportForm(ImportForm):
    """The import page's form: the file is opened by the intake as soon as it arrives (its name,
    size, kind, encoding, header row and first row), so a file that cannot be imported is refused
    with a message about the file before anything else reads it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty file gets the intake's message, the same as every importer's.
        self.fields["import_file"].allow_empty_file = True

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            open_table(upload, name=upload.name)
        finally:
            upload.seek(0)
        return upload


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
    # Every imported file is read by core.spreadsheets.intake (any encoding it knows, every limit).
    import_formats = IMPORT_FORMATS
    import_form_class = SpreadsheetImportForm
    export_formats = SPREADSHEET_FORMATS
    # The byte order mark lets Excel read Arabic text in a CSV file correctly.
    to_encoding = "utf-8-sig"
    import_template_name = "admin/portal/spreadsheet_import.html"
    export_form_class = LabelledFieldsExportForm

    def add_data_read_fail_error_to_form(self, form, e):
        # The library's message names the exception ("'BadZipFile' encountered"), in English.
        if isinstance(e, IntakeError):
            form.add_error("import_file", e.messages)
            return
        logger.warning("An imported file could not be read", exc_info=e)
        form.add_error("import_file", str(UNREADABLE_FILE_MESSAGE))

    def process_import(self, request, **kwargs):
        # The confirm step reads the stored file again; what the preview accepted may since have
        # gone (a second click, a cleaned temporary folder) or have been swapped.
        try:
            return super().process_import(request, **kwargs)
        except (IntakeError, OSError) as error:
            if not isinstance(error, IntakeError):
                logger.warning("The file of an import could not be read again", exc_info=error)
            messages = error.messages if isinstance(error, IntakeError) else [str(UPLOAD_GONE_MESSAGE)]
            form = self.get_import_form_class(request)(
                self.get_import_formats(), self.get_import_resource_classes(request)
            )
            # An empty form to upload the file again, showing why the last one was refused.
            form._errors = ErrorDict({"import_file": form.error_class(messages)})
            return self._import_page(request, form=form)

    def process_result(self, result, request):
        if not result.has_errors() and not result.has_validation_errors():
            return super().process_result(result, request)
        form_class = self.get_import_form_class(request)
        form = form_class(self.get_import_formats(), self.get_import_resource_classes(request))
        return self._import_page(request, form=form, result=result)

    def _import_page(self, request, *, form, result=None):
        resource_classes = self.get_import_resource_classes(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "opts": self.model._meta,
            "form": form,
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
