"""Admin plumbing shared by the apps: spreadsheet import/export pages and versioned edit forms."""

import logging

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats
from import_export.forms import ImportForm, SelectableFieldsExportForm

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


class UserProfileInline(admin.StackedInline):
    model = UserProfile
    can_delete = False
    extra = 1
    max_num = 1
    fields = ("name_ar", "name_en")


class PortalUserAdmin(UserAdmin):
    """Django's user admin, with the display name in Arabic and English that pages show."""

    inlines = [*UserAdmin.inlines, UserProfileInline]
    list_select_related = ("profile",)


user_model = get_user_model()
if admin.site.is_registered(user_model):
    admin.site.unregister(user_model)
admin.site.register(user_model, PortalUserAdmin)
