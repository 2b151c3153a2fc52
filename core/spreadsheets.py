"""Spreadsheet import and export shared by every app (django-import-export resources).

Exports: cells escaped by `core.exports.escape_formula`, headers are the active language's labels,
numbers stay numbers. Imports: headers may be written in Arabic, in English or as the field name;
related rows are found by their names with one query per table; a file with one bad row imports
nothing, and each problem is reported with the row number as a spreadsheet shows it, the column as
written in the file and what is wrong, in the user's language.
"""

import logging
import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import Result, RowResult

from core.exports import escape_formula, unescape_formula
from core.text import normalize_search_text, plain_number_text

logger = logging.getLogger(__name__)

# Several names in one cell: ";" or "," in either script, or one name per line.
_NAME_SEPARATORS = re.compile(r"[;,\u060c\u061b\n]")
# Longer numbers are refused before they are parsed (parsing huge numbers is slow on purpose).
_MAX_NUMBER_LENGTH = 40


def cell_text(value) -> str:
    """A cell as trimmed text; an XLSX number such as 777123456.0 reads as "777123456"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def match_key(text) -> str:
    """How typed names are compared: Arabic-aware (hamza forms, taa marbuta, article), case-blind."""
    return normalize_search_text(cell_text(text))


def row_problem(*, row: int, column: str | None, problem: str) -> str:
    """One problem of an import, in the active language, with the row as a spreadsheet numbers it."""
    if column:
        return _("Row %(row)s of the file (the header is row 1), column “%(column)s”: %(problem)s") % {
            "row": row,
            "column": column,
            "problem": problem,
        }
    return _("Row %(row)s of the file (the header is row 1): %(problem)s") % {"row": row, "problem": problem}


# Widgets: how one cell becomes a value and back.


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class WholeNumberWidget(widgets.IntegerWidget):
    """Whole numbers; exported as numbers (XLSX number cells), not as formatted text."""

    def __init__(self):
        super().__init__(coerce_to_string=False)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        problem = _("“%(value)s” is not a whole number.") % {"value": text[:_MAX_NUMBER_LENGTH]}
        if isinstance(value, bool) or len(text) > _MAX_NUMBER_LENGTH:
            raise ValueError(problem)
        try:
            number = Decimal(plain_number_text(text))
        except (InvalidOperation, ValueError, TypeError):
            raise ValueError(problem) from None
        if not number.is_finite() or number != number.to_integral_value():
            raise ValueError(problem)
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class YesNoWidget(widgets.BooleanWidget):
    """Yes / no in either language (or 1 / 0, true / false); exported as the active language's word."""

    _TRUE = ("1", "true", "yes", "y")
    _FALSE = ("0", "false", "no", "n")

    def _words(self) -> dict[str, bool]:
        words = {match_key(word): True for word in self._TRUE} | {match_key(word): False for word in self._FALSE}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                words[match_key(_("Yes"))] = True
                words[match_key(_("No"))] = False
        return words

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value)
        if not text:
            return None
        if not hasattr(self, "_cached_words"):
            self._cached_words = self._words()
        answer = self._cached_words.get(match_key(text))
        if answer is None:
            raise ValueError(_("“%(value)s” is not yes or no.") % {"value": text})
        return answer

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return _("Yes") if value else _("No")


class ChoiceWidget(widgets.Widget):
    """A choice field: accepts the code or the label in any of the portal's languages; exports the
    label in the active language."""

    def __init__(self, choices):
        super().__init__(coerce_to_string=True)
        self.choices = [(value, label) for value, label in choices if value not in (None, "")]
        self._indexes = {}

    def reset(self):
        self._indexes = {}

    def _index(self) -> dict[str, str]:
        language = get_language()
        if language not in self._indexes:
            index = {}
            for value, label in self.choices:
                index.setdefault(match_key(value), value)
                index.setdefault(match_key(label), value)
                for code, _name in settings.LANGUAGES:
                    with translation.override(code):
                        index.setdefault(match_key(str(label)), value)
            self._indexes[language] = index
        return self._indexes[language]

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        choice = self._index().get(match_key(text))
        if choice is None:
            allowed = ", ".join(str(label) for _value, label in self.choices)
            raise ValueError(
                _("“%(value)s” is not one of the allowed values: %(allowed)s.") % {"value": text, "allowed": allowed}
            )
        return choice

    def render(self, value, obj=None, **kwargs):
        if value in (None, ""):
            return ""
        return str(dict(self.choices).get(value, value))


class LookupTable:
    """The rows of a (small) table, found by any of several text fields; loaded with one query on
    first use, so that a file of 1,000 rows does not ask the database 1,000 times."""

    def __init__(self, model, lookups):
        self.model = model
        self.lookups = tuple(lookups)
        self._exact = None
        self._loose = None

    def reset(self) -> None:
        self._exact = self._loose = None

    def _load(self) -> None:
        exact, loose = defaultdict(dict), defaultdict(dict)
        for obj in self.model._default_manager.all():
            for lookup in self.lookups:
                text = cell_text(getattr(obj, lookup))
                if text:
                    exact[text.casefold()][obj.pk] = obj
                    loose[match_key(text)][obj.pk] = obj
        self._exact, self._loose = exact, loose

    def find(self, text: str):
        """The one row named `text`; ValueError (with a readable message) if none or several."""
        if self._exact is None:
            self._load()
        thing = self.model._meta.verbose_name
        # An exact spelling wins over one that differs only in hamza forms, diacritics or case.
        for index, key in ((self._exact, text.casefold()), (self._loose, match_key(text))):
            found = index.get(key) if key else None
            if found and len(found) == 1:
                return next(iter(found.values()))
            if found:
                raise ValueError(_("“%(name)s” matches more than one %(thing)s.") % {"name": text, "thing": thing})
        raise ValueError(_("There is no %(thing)s named “%(name)s”.") % {"thing": thing, "name": text})


class LookupWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's name (one of `lookups`), exported as `field`."""

    def __init__(self, model, *, lookups, field):
        super().__init__(model, field=field)
        self.table = LookupTable(model, lookups)

    def reset(self):
        self.table.reset()

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.table.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.field))


class LookupListWidget(widgets.ManyToManyWidget):
    """Several related rows in one cell, by name, separated by ";" or "," (Latin or Arabic) or by
    line breaks; exported as their names in the active language (their `__str__`)."""

    def __init__(self, model, *, lookups):
        super().__init__(model, separator="; ")
        self.table = LookupTable(model, lookups)

    def reset(self):
        self.table.reset()

    def clean(self, value, row=None, **kwargs):
        found, problems = {}, []
        for name in _NAME_SEPARATORS.split(cell_text(value)):
            name = name.strip()
            if not name:
                continue
            try:
                obj = self.table.find(name)
            except ValueError as error:
                problems.append(str(error))
            else:
                found.setdefault(obj.pk, obj)
        if problems:
            raise ValueError(" ".join(problems))
        return list(found.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(str(related) for related in value.all())


# Resources.


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

    def _header_aliases(self) -> dict[str, str]:
        aliases = {}

        def add(text, name):
            key = match_key(text)
            if key:
                aliases[key] = name if aliases.get(key, name) == name else None

        for name, field in self.fields.items():
            add(name, name)
            add(str(field.column_name), name)
            for code, _language in settings.LANGUAGES:
                with translation.override(code):
                    add(str(field.column_name), name)
        # A header that two fields share in some language names neither.
        return {key: name for key, name in aliases.items() if name}

    def header_forms(self, name) -> list[str]:
        """The ways a field's header may be written, for messages."""
        forms = []
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                forms.append(str(self.fields[name].column_name))
        forms.append(name)
        return list(dict.fromkeys(forms))

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
        remembering each remaining row's number in the spreadsheet."""
        super().before_import(dataset, **kwargs)
        for field in self.fields.values():
            if hasattr(field.widget, "reset"):
                field.widget.reset()
        aliases = self._header_aliases()
        self._file_headers = {}
        problems = []
        headers = []
        for header in dataset.headers or []:
            text = cell_text(header)
            name = aliases.get(match_key(text))
            if name is None:
                headers.append(text)  # a column the portal does not know is left alone
                continue
            if name in self._file_headers:
                problems.append(
                    _("The columns “%(first)s” and “%(second)s” both hold “%(field)s”; keep one of them.")
                    % {"first": self._file_headers[name], "second": text, "field": self.fields[name].column_name}
                )
            self._file_headers[name] = text
            headers.append(str(self.fields[name].column_name))
        for name in self.get_import_id_fields():
            if name not in self._file_headers:
                problems.append(
                    _("The file has no “%(column)s” column; its header may be written as: %(forms)s.")
                    % {
                        "column": self.fields[name].column_name,
                        "forms": " / ".join(f"“{form}”" for form in self.header_forms(name)),
                    }
                )
        rows = []
        self._sheet_rows = []
        for number, row in enumerate(dataset, start=2):
            values = [unescape_formula(value) for value in row]
            if any(cell_text(value) for value in values):
                rows.append(values)
                self._sheet_rows.append(number)
        dataset.wipe()
        dataset.headers = headers
        if problems:
            # No rows: one message about the file instead of the same one for every line.
            raise ValidationError(problems)
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
