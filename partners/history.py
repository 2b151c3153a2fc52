"""The readable change log of an organization, its contacts and its services."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.models import bilingual

from .models import Contact, Organization, ServiceOffering

_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}

# Whole sentences, so that each language can make the verb agree with the noun.
_SUMMARIES = {
    ("organization", "created"): _("Organization “%(name)s” was added."),
    ("organization", "changed"): _("Organization “%(name)s” was changed."),
    ("organization", "deleted"): _("Organization “%(name)s” was deleted."),
    ("contact", "created"): _("Contact “%(name)s” was added."),
    ("contact", "changed"): _("Contact “%(name)s” was changed."),
    ("contact", "deleted"): _("Contact “%(name)s” was deleted."),
    ("service", "created"): _("Service “%(name)s” was added."),
    ("service", "changed"): _("Service “%(name)s” was changed."),
    ("service", "deleted"): _("Service “%(name)s” was deleted."),
}


@dataclass
class Change:
    when: datetime
    who: object
    what: str  # the kind of record: "organization", "contact" or "service"
    label: str  # the record's name at that time
    action: str  # "created", "changed" or "deleted"
    fields: list = field(default_factory=list)  # (verbose name, old, new)

    @property
    def summary(self) -> str:
        return _SUMMARIES[(self.what, self.action)] % {"name": self.label}


def _display(record, model_field) -> str:
    value = getattr(record, model_field.attname)
    if value in (None, ""):
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def _related_names_by_record(records: list, m2m_name: str, target: str) -> dict[int, str]:
    """history_id -> the names the relation held at that record, in one query for all records."""
    if not records:
        return {}
    through = getattr(records[0], m2m_name).model  # the historical through rows of this relation
    names: dict[int, list[str]] = {record.history_id: [] for record in records}
    rows = through.objects.filter(history_id__in=names).select_related(target)
    for row in rows:
        names[row.history_id].append(str(getattr(row, target)))
    separator = pgettext("list separator", ", ")
    return {history_id: separator.join(sorted(values)) for history_id, values in names.items()}


def _changes_for(history_qs, model, what: str, label_of, m2m: tuple[tuple[str, str], ...] = ()) -> list[Change]:
    """`m2m`: (relation on the model, field of the historical through row) pairs to compare too."""
    tracked = [
        f
        for f in model._meta.concrete_fields
        if f.name not in ("id", "search_text", "version", "created_at", "updated_at") and not f.many_to_many
    ]
    changes = []
    previous_by_object = {}
    records = list(history_qs.select_related("history_user__profile").order_by("history_date", "history_id"))
    related = {name: _related_names_by_record(records, name, target) for name, target in m2m}
    for record in records:
        previous = previous_by_object.get(record.id)
        diff = []
        if previous is not None and record.history_type == "~":
            for model_field in tracked:
                old, new = _display(previous, model_field), _display(record, model_field)
                if old != new:
                    diff.append((model_field.verbose_name, old, new))
            for name in related:
                old, new = related[name][previous.history_id], related[name][record.history_id]
                if old != new:
                    diff.append((model._meta.get_field(name).verbose_name, old, new))
        previous_by_object[record.id] = record
        if record.history_type == "~" and not diff:
            continue  # a save that changed nothing a person would read
        changes.append(
            Change(
                when=record.history_date,
                who=record.history_user,
                what=what,
                label=label_of(record),
                action=_ACTIONS[record.history_type],
                fields=diff,
            )
        )
    return changes


def organization_changes(*, organization: Organization) -> list[Change]:
    """Every recorded change of the organization, its contacts and services, newest first."""
    changes = _changes_for(
        Organization.history.filter(id=organization.pk),
        Organization,
        "organization",
        lambda r: bilingual(r, "name"),
        m2m=(("districts", "district"),),
    )
    changes += _changes_for(
        Contact.history.filter(organization_id=organization.pk), Contact, "contact", lambda r: bilingual(r, "full_name")
    )
    changes += _changes_for(
        ServiceOffering.history.filter(organization_id=organization.pk),
        ServiceOffering,
        "service",
        lambda r: bilingual(r, "title"),
        m2m=(("segments", "youthsegment"), ("sizes", "projectsize"), ("districts", "district")),
    )
    return sorted(changes, key=lambda change: change.when, reverse=True)
