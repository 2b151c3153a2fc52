"""Which column of a file holds what: headers matched in any order, in Arabic or in English.

A header names a column when it reads the same as the column's key or one of its labels once case,
spaces, underscores, punctuation, diacritics, hamza forms, taa marbuta and the article are set
aside; each label is tried in every language of the portal, so an Arabic header matches in an
English session and the other way round.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from core.text import normalize_search_text

from .errors import IntakeError


def header_key(text) -> str:
    """The form in which headers are compared: `اسم_المتقدم`, `اسم المتقدم`, `Applicant Name`,
    `applicant_name` and `applicantname` all give one key."""
    return normalize_search_text(str(text or "").replace("_", " ")).replace(" ", "")


def _labels_in_every_language(label) -> list[str]:
    forms = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            forms.append(str(label))
    return list(dict.fromkeys(forms))


def header_forms(key: str, labels: Iterable) -> list[str]:
    """The ways the column `key` may be written, for messages: each label in every language, then
    the key."""
    forms = [form for label in labels for form in _labels_in_every_language(label)]
    return list(dict.fromkeys([*forms, key]))


@dataclass
class ColumnMatch:
    """Where each known column is in the file, and what is wrong with the header row."""

    keys: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def check(self) -> None:
        """Refuse the file (IntakeError) when a column is missing or written twice."""
        if self.problems:
            raise IntakeError(self.problems, code="columns")

    def cells(self, row: Sequence[str]) -> dict[str, str]:
        """One row's cells by column key; "" for a column the file does not have."""
        index = self.index
        return {key: row[index[key]] if key in index and index[key] < len(row) else "" for key in self.keys}


def match_columns(
    headers: Sequence[str], columns: Mapping[str, Iterable], *, required: Iterable[str] = ()
) -> ColumnMatch:
    """Match the file's `headers` with `columns` (key -> the labels it may be written as; the key
    itself always matches). A label that two keys share names neither of them."""
    columns = {key: list(labels) for key, labels in columns.items()}
    aliases: dict[str, str | None] = {}
    for key, labels in columns.items():
        for text in [key, *(form for label in labels for form in _labels_in_every_language(label))]:
            alias = header_key(text)
            if alias:
                aliases[alias] = key if aliases.get(alias, key) == key else None

    match = ColumnMatch(keys=list(columns))
    seen: dict[str, list[str]] = {}
    for position, header in enumerate(headers):
        text = str(header or "").strip()
        key = aliases.get(header_key(text))
        if key is None:
            if text:
                match.unknown.append(text)
            continue
        seen.setdefault(key, []).append(text)
        if key not in match.index:
            match.index[key] = position
            match.written[key] = text
    for key, written in seen.items():
        if len(written) > 1:
            match.duplicates[key] = written
            label = columns[key][0] if columns[key] else key
            match.problems.append(
                _("The columns “%(first)s” and “%(second)s” both hold “%(field)s”; keep one of them.")
                % {"first": written[0], "second": written[1], "field": label}
            )
    for key in required:
        if key not in match.index:
            match.missing.append(key)
            label = columns[key][0] if columns.get(key) else key
            match.problems.append(
                _("The file has no “%(column)s” column; its header may be written as: %(forms)s.")
                % {
                    "column": label,
                    "forms": " / ".join(f"“{form}”" for form in header_forms(key, columns.get(key, []))),
                }
            )
    return match
