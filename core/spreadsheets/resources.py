"""django-import-export resources: a model's rows as a spreadsheet in Arabic or English.

Exports: cells escaped by `core.exports.escape_formula`, headers are the active language's labels,
numbers stay numbers. Imports: headers may be written in Arabic, in English or as the field name
(core.spreadsheets.columns); related rows are found by their names with one query per table; a file
with one bad row imports nothing, and each problem is reported with the row number as a
spreadsheet shows it, the column as written in the file and what is wrong, in the user's language.
"""

import logging
from itertools import count

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from import_export import fields, resources, widgets
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import Result, RowResult

from core.exports import escape_formula, unescape_formula

from .cells import cell_text, row_problem
from .columns import header_forms, match_columns
from .widgets import ChoiceWidget, TextWidget, WholeNumberWidget, YesNoWidget

logger = logging.getLogger(__name__)


class SafeExportResourceMixin:
    """Every exported cell (and header) passes through `escape_formula`."""

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return [escape_formula(header) for header in super().get_export_headers(selected_fields=selected_fields)]


class KeyedInstanceLoader(BaseInstanceLoader):
    """Finds the existing row of each line of the file by the resource's `import_id_fields`
    (which may be several, e.g. organization + name), with one query for the whole file."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        model_options = resource._meta.model._meta
        self.key_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.attnames = [model_options.get_field(field.attribute).attname for field in self.key_fields]
        self.instances = {}
        headers = dataset.headers if dataset is not None else None
        if not headers or any(field.column_name not in headers for field in self.key_fields):
            return
        keys = {key for row in dataset.dict if (key := self.key_of_row(row)) is not None}
        if not keys:
            return
        lookups = {f"{attname}__in": {key[i] for key in keys} for i, attname in enumerate(self.attnames)}
        queryset = resource.get_queryset().filter(**lookups)
        many = [f.attribute for f in resource.fields.values() if isinstance(f.widget, widgets.ManyToManyWidget)]
        if many:
            # The preview compares each row's relations before and after.
            queryset = queryset.prefetch_related(*many)
        for instance in queryset:
            self.instances.setdefault(self.key_of_instance(instance), instance)

    def key_of_row(self, row) -> tuple | None:
        try:
            values = [field.clean(row) for field in self.key_fields]
        except (ValueError, KeyError):
            return None
        key = tuple(value.pk if isinstance(value, models.Model) else value for value in values)
        return None if any(part in (None, "") for part in key) else key

    def key_of_instance(self, instance) -> tuple:
        return tuple(getattr(instance, attname) for attname in self.attnames)

    def get_instance(self, row):
        key = self.key_of_row(row)
        return None if key is None else self.instances.get(key)

    def remember(self, instance) -> None:
        """A row created earlier in the same file is found again by a later line with the same key."""
        self.instances.setdefault(self.key_of_instance(instance), instance)


class SpreadsheetResult(Result):
    def error_messages(self) -> list[str]:
        """Every problem of the import as a sentence for the person who uploaded the file."""
        messages = []
        for error in self.base_errors:
            exception = error.error
            messages.extend(exception.messages if isinstance(exception, ValidationError) else [str(exception)])
        for row in self.error_rows:
            messages.extend(str(error.error) for error in row.errors)
        for row in self.invalid_rows:
            messages.extend(row.error.messages)
        return messages


class SpreadsheetModelResource(SafeExportResourceMixin, resources.ModelResource):
    """A model's rows as a spreadsheet in Arabic or English; see the module docstring.

    Subclasses declare relations with `LookupWidget` / `LookupListWidget` and may override
    `save_row` to write through the app's services.
    """

    class Meta:
        clean_model_instances = True
        instance_loader_class = KeyedInstanceLoader
        # Not `use_bulk`: bulk_create skips save() (search columns, versions), the change history
        # and many-to-many relations.

    @classmethod
    def widget_for_model_field(cls, django_field):
        if django_field.choices:
            return ChoiceWidget(django_field.flatchoices)
        if isinstance(django_field, models.BooleanField):
            return YesNoWidget()
        if isinstance(django_field, models.IntegerField):
            return WholeNumberWidget()
        if isinstance(django_field, (models.CharField, models.TextField)):
            return TextWidget()
        return None

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        widget = cls.widget_for_model_field(django_field)
        if widget is None:
            field = super().field_from_django_field(field_name, django_field, readonly)
        else:
            field = fields.Field(attribute=field_name, widget=widget, readonly=readonly, default=django_field.default)
        # A lazy label: the header follows the language active when the file is made.
        field.column_name = django_field.verbose_name
        return field

    @classmethod
    def get_result_class(cls):
        return SpreadsheetResult

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=False,
        **kwargs,
    ):
        # Always one transaction, rolled back on any bad row: the file is imported whole or not at
        # all, and a dry run's writes (and the on_commit callbacks they register) are discarded.
        return super().import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=raise_errors,
            use_transactions=True,
            collect_failed_rows=collect_failed_rows,
            rollback_on_validation_errors=True,
            **kwargs,
        )

    # Headers.

    def header_forms(self, name) -> list[str]:
        """The ways a field's header may be written, for messages."""
        return header_forms(name, [self.fields[name].column_name])

    def column_for(self, key: str) -> str:
        """The header of the column that holds `key` (a field or model attribute), as the file
        writes it, or as the active language labels it when the file has no such column."""
        for name, field in self.fields.items():
            if key in (name, field.attribute):
                return self._file_headers.get(name) or str(field.column_name)
        try:
            return str(self._meta.model._meta.get_field(key).verbose_name)
        except FieldDoesNotExist:
            return key

    def before_import(self, dataset, **kwargs):
        """Map the file's headers to fields, make cells plain values again and drop empty rows,
        remembering each remaining row's number in the spreadsheet (core.spreadsheets.formats
        hands over the numbers of a file read by the intake, which has dropped them already)."""
        super().before_import(dataset, **kwargs)
        for field in self.fields.values():
            if hasattr(field.widget, "reset"):
                field.widget.reset()
        file_headers = [cell_text(header) for header in dataset.headers or []]
        match = match_columns(
            file_headers,
            {name: [field.column_name] for name, field in self.fields.items()},
            required=self.get_import_id_fields(),
        )
        self._file_headers = match.written
        known = {position: name for name, position in match.index.items()}
        headers = [
            str(self.fields[known[position]].column_name) if position in known else text
            for position, text in enumerate(file_headers)
        ]
        rows = []
        self._sheet_rows = []
        numbers = getattr(dataset, "sheet_rows", None) or count(2)
        for number, row in zip(numbers, dataset, strict=False):
            values = [unescape_formula(value) for value in row]
            if any(cell_text(value) for value in values):
                rows.append(values)
                self._sheet_rows.append(number)
        dataset.wipe()
        dataset.headers = headers
        if match.problems:
            # No rows: one message about the file instead of the same one for every line.
            raise ValidationError(match.problems)
        for values in rows:
            dataset.append(values)

    def _check_import_id_fields(self, headers):
        # before_import reports missing key columns, in the user's language.
        pass

    # Rows.

    def sheet_row(self, row_number: int) -> int:
        """The spreadsheet's number of the `row_number`-th imported row (the header is row 1)."""
        rows = getattr(self, "_sheet_rows", None)
        if rows and 0 < row_number <= len(rows):
            return rows[row_number - 1]
        return row_number + 1

    def import_instance(self, instance, row, **kwargs):
        # The library checks many-to-many cells only when it saves them, as an exception; check
        # them here so that an unknown name is a validation error of its column like any other.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row and not field.readonly:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [ValidationError(str(error), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def import_row(self, row, instance_loader, **kwargs):
        self._instance_loader = instance_loader
        row_result = super().import_row(row, instance_loader, **kwargs)
        number = self.sheet_row(kwargs.get("row_number", 0))
        problems = []
        if row_result.validation_error is not None:
            error = row_result.validation_error
            if hasattr(error, "error_dict"):
                for key, messages in error.message_dict.items():
                    column = None if key == NON_FIELD_ERRORS else self.column_for(key)
                    problems.extend(row_problem(row=number, column=column, problem=m) for m in messages)
            else:
                problems.extend(row_problem(row=number, column=None, problem=m) for m in error.messages)
        for error in row_result.errors:
            logger.warning("Import of row %s failed", number, exc_info=error.error)
            problems.append(row_problem(row=number, column=None, problem=str(error.error)))
        if problems:
            row_result.errors = []
            row_result.import_type = RowResult.IMPORT_TYPE_INVALID
            row_result.validation_error = ValidationError(problems)
        return row_result

    def save_instance(self, instance, is_create, row, **kwargs):
        self.before_save_instance(instance, row, **kwargs)
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # read by django-simple-history
        relations = {
            field.attribute: field.clean(row)
            for field in self.get_import_fields()
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row and not field.readonly
        }
        self.save_row(instance, relations=relations)
        self.after_save_instance(instance, row, **kwargs)
        loader = getattr(self, "_instance_loader", None)
        if is_create and isinstance(loader, KeyedInstanceLoader):
            loader.remember(instance)

    def save_m2m(self, instance, row, **kwargs):
        # Saved together with the row by save_row.
        pass

    def save_row(self, instance, *, relations: dict) -> None:
        """Write one row and its many-to-many relations (a column absent from the file is not in
        `relations` and stays as it is). Override to go through the app's services."""
        instance.save()
        for name, values in relations.items():
            getattr(instance, name).set(values)
