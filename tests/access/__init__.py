"""The access table: what each persona gets from each URL of the portal, one row per URL.

`tests/test_access_table.py` walks every URL pattern of the project and fails when one is not in
the table; then it requests every row as every persona and checks the answer.
`tests/test_pages_rtl.py` renders every row whose answer is 200 in Arabic and in English.

How an app adds its rows
------------------------
Add a module to this package, named after the app (`tests/access/surveys.py`). Every module here
is collected; nothing else needs registering. The module exports:

- `ROWS`: a list of `Row`. A row names a URL (`"surveys:detail"`, with its namespace) and gives,
  through `answers(...)`, the expected answer of each of the five personas (all five are
  required): `OK` (200), `LOGIN` (302 to the login page), `FORBIDDEN` (403), `NOT_FOUND` (404),
  `NOT_ALLOWED` (405, for GET on a POST-only view: also set `post_only=True`) or
  `Redirect("url-name-or-/path")` for any other redirect.
  A URL with arguments takes `kwargs=lambda world: {"pk": world.survey.pk}`. A URL may have more
  than one row (give each an `id`), e.g. one for an object of org A and one for an inactive one.
  `html=False` marks a URL that answers something other than a page (JSON, a file), so that the
  right-to-left test leaves it out.
- optionally `build(world)`: creates the objects the rows need and sets them on `world`, a
  namespace that already holds the personas (`world.staff`, `world.member_a`, `world.member_b`,
  `world.governor`) and their organizations (`world.org_a`, `world.org_b`).

The usual answers, for an object that belongs to org A: staff 200; member_a 200 where they may
act on their own organization; member_b 404 on anything that edits org A (ids do not leak); the
governor's office 404 on an edit reached through `editable_by` and 403 on staff-only pages;
anonymous users are sent to the login page. The admin's URLs are not rows: the table test checks
them as one family (staff in, everyone else to the admin's login page).
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.urls import reverse

PERSONAS = ("staff", "member_a", "member_b", "governor", "anonymous")

OK = 200
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405


@dataclass(frozen=True)
class Redirect:
    """A 302 to a URL name (reversed in the request's language) or to a path starting with "/"."""

    to: str
    with_next: bool = False  # the login redirect carries ?next=<the page asked for>

    def location(self) -> str:
        return self.to if self.to.startswith("/") else reverse(self.to)

    def __str__(self):
        return f"302->{self.to}"


LOGIN = Redirect("login", with_next=True)


def answers(*, staff, member_a, member_b, governor, anonymous) -> dict:
    """The five personas' expected answers; every persona must be named."""
    return {
        "staff": staff,
        "member_a": member_a,
        "member_b": member_b,
        "governor": governor,
        "anonymous": anonymous,
    }


@dataclass(frozen=True)
class Row:
    name: str
    expect: dict
    kwargs: Callable[[SimpleNamespace], dict] | None = None
    post_only: bool = False
    html: bool = True
    id: str = ""
    query: str = ""
    note: str = field(default="", compare=False)

    @property
    def label(self) -> str:
        return self.id or self.name

    def url(self, world: SimpleNamespace) -> str:
        path = reverse(self.name, kwargs=self.kwargs(world) if self.kwargs else None)
        return f"{path}?{self.query}" if self.query else path


def _modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        yield importlib.import_module(f"{__name__}.{info.name}")


def collect_rows() -> list[Row]:
    """Every module's ROWS, in module order."""
    rows = []
    for module in _modules():
        rows.extend(module.ROWS)
    return rows


def build_world(**base) -> SimpleNamespace:
    """The objects the rows' URLs point to: the personas and orgs, then each module's `build`."""
    world = SimpleNamespace(**base)
    for module in _modules():
        build = getattr(module, "build", None)
        if build is not None:
            build(world)
    return world
