"""Hooks through which a later app adds to meetings' pages without meetings importing it.

Imports point one way (`core` <- `partners` <- `meetings` <- `recommendations`), yet the agenda
of a meeting must list the open recommendations of the meeting it follows, and the minutes (page,
print and PDF) must carry the meeting's numbered recommendations. The recommendations app
registers two callables here, in its AppConfig.ready():

    from meetings.extensions import register_minutes_section, register_open_items_provider

    register_open_items_provider(open_recommendations)   # (meeting, *, user) -> [OpenItem]
    register_minutes_section(numbered_recommendations)  # (meeting, *, user) -> MinutesSection | None

Providers return plain data (never HTML); meetings' templates render and escape it. With no
provider registered, `open_items_from` returns [] and `minutes_sections_for` returns [], and the
pages show nothing for them (the agenda page still links the earlier meeting of the chain).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpenItem:
    """Something the earlier meeting left open (a recommendation, an assignment...)."""

    label: str  # e.g. "3"
    text: str
    url: str = ""
    status: str = ""  # a translated status label
    owner: str = ""  # who must act


@dataclass(frozen=True)
class SectionItem:
    number: str
    text: str
    details: str = ""  # e.g. owner and due date, already translated


@dataclass(frozen=True)
class MinutesSection:
    """A numbered section of the minutes, e.g. "Recommendations"."""

    title: str
    items: Sequence[SectionItem] = field(default_factory=tuple)


_open_items_providers: list[Callable] = []
_minutes_sections: list[Callable] = []


def register_open_items_provider(provider: Callable) -> None:
    """`provider(meeting, *, user) -> iterable of OpenItem`: the items still open after `meeting`."""
    if provider not in _open_items_providers:
        _open_items_providers.append(provider)


def register_minutes_section(provider: Callable) -> None:
    """`provider(meeting, *, user) -> MinutesSection | None`: a section added to the minutes."""
    if provider not in _minutes_sections:
        _minutes_sections.append(provider)


def unregister_all() -> None:
    """Forget every provider (for tests)."""
    _open_items_providers.clear()
    _minutes_sections.clear()


def open_items_from(meeting, *, user) -> list[OpenItem]:
    """Every registered provider's open items of `meeting`, in registration order."""
    items: list[OpenItem] = []
    for provider in _open_items_providers:
        items.extend(provider(meeting, user=user) or ())
    return items


def minutes_sections_for(meeting, *, user) -> list[MinutesSection]:
    """The sections registered apps add to the minutes of `meeting` (those with items)."""
    sections = []
    for provider in _minutes_sections:
        section = provider(meeting, user=user)
        if section is not None and section.items:
            sections.append(section)
    return sections
