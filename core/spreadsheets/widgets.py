"""Widgets: how one cell of an imported file becomes a value, and a value an exported cell.

Text in either language, whole numbers (Arabic-Indic digits and thousands separators accepted),
yes / no words, choices by code or label, and related rows found by name with one query per table.
"""

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from import_export import widgets

from core.text import plain_number_text

from .cells import cell_text, match_key

# Several names in one cell: ";" or "," in either script, or one name per line.
_NAME_SEPARATORS = re.compile(r"[;,\u060c\u061b\n]")
# Longer numbers are refused before they are parsed (parsing huge numbers is slow on purpose).
_MAX_NUMBER_LENGTH = 40


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
