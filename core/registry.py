"""Extension points that let apps add to the site shell without core importing them.

Apps register navigation entries and home-page panels in their AppConfig.ready(); core only
reads these lists.
"""

from collections.abc import Callable
from dataclasses import dataclass

ROLES = ("staff", "partner", "governor")


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str  # lazy translation
    roles: tuple[str, ...]
    order: int = 100
    icon: str = ""


@dataclass(frozen=True)
class HomePanel:
    """`render(request) -> (template_name, context) | None`; None hides the panel for that user."""

    render: Callable
    order: int = 100


@dataclass(frozen=True)
class PageSection:
    """A section another app adds to a page of this one (e.g. an organization's meetings).

    `render(request, obj) -> (template_name, context) | None`; None hides it for that user.
    """

    page: str
    render: Callable
    order: int = 100


_nav: list[NavEntry] = []
_panels: list[HomePanel] = []
_sections: list[PageSection] = []


def register_nav(entry: NavEntry) -> None:
    if entry not in _nav:
        _nav.append(entry)
        _nav.sort(key=lambda item: item.order)


def nav_entries() -> list[NavEntry]:
    return list(_nav)


def register_home_panel(panel: HomePanel) -> None:
    if panel not in _panels:
        _panels.append(panel)
        _panels.sort(key=lambda item: item.order)


def home_panels() -> list[HomePanel]:
    return list(_panels)


def register_section(section: PageSection) -> None:
    if section not in _sections:
        _sections.append(section)
        _sections.sort(key=lambda item: item.order)


def render_sections(page: str, request, obj) -> list[dict]:
    """The sections other apps add to `page` for this request, as {"template": ..., **context}."""
    rendered = []
    for section in _sections:
        if section.page != page:
            continue
        result = section.render(request, obj)
        if result is not None:
            template_name, context = result
            rendered.append({"template": template_name, **context})
    return rendered
