"""Admin plumbing shared by the apps: spreadsheet import/export pages and versioned edit forms."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats
from import_export.forms import SelectableFieldsExportForm

from core.concurrency import STALE_EDIT_MESSAGE
from core.forms import VersionedFormMixin
from core.models import UserProfile

SPREADSHEET_FORMATS = [base_formats.CSV, base_formats.XLSX]


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
