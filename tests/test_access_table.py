"""Who gets what from every URL of the project, as one table (rows in tests/access/<app>.py).

To add rows for a new app, read the docstring of tests/access/__init__.py. This module fails when
a URL of the project (outside the admin) is not in the table, and checks every row as every
persona. The admin's URLs are checked as one family: staff get in, everyone else is sent to the
admin's login page.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation

from core.roles import portal_app_labels
from tests.access import NOT_ALLOWED, OK, PERSONAS, Redirect, collect_rows

ROWS = collect_rows()
ADMIN_NAMESPACE = "admin"


@dataclass(frozen=True)
class Pattern:
    route: str
    name: str | None  # with its namespaces, e.g. "partners:directory"
    namespaces: tuple[str, ...]

    @property
    def in_admin(self) -> bool:
        return self.namespaces[:1] == (ADMIN_NAMESPACE,)


def _walk(patterns, route: str = "", namespaces: tuple[str, ...] = ()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern.url_patterns, route + str(pattern.pattern), inner)
        else:
            name = ":".join((*namespaces, pattern.name)) if pattern.name else None
            yield Pattern(route=route + str(pattern.pattern), name=name, namespaces=namespaces)


def project_patterns() -> list[Pattern]:
    return list(_walk(get_resolver().url_patterns))


def assert_answer(response, expected, url: str) -> None:
    if isinstance(expected, Redirect):
        assert response.status_code == 302, f"{url}: expected a redirect, got {response.status_code}"
        location = urlsplit(response["Location"])
        assert location.path == expected.location(), f"{url}: redirected to {response['Location']}"
        if expected.with_next:
            assert parse_qs(location.query).get("next") == [url]
    else:
        assert response.status_code == expected, f"{url}: expected {expected}, got {response.status_code}"


def test_every_url_outside_the_admin_is_in_the_access_table():
    patterns = [pattern for pattern in project_patterns() if not pattern.in_admin]
    unnamed = [pattern.route for pattern in patterns if pattern.name is None]
    assert unnamed == [], "give these URL patterns a name and a row in tests/access/"
    listed = {row.name for row in ROWS}
    missing = sorted({pattern.name for pattern in patterns} - listed)
    assert missing == [], "URLs without a row in the access table (see tests/access/__init__.py)"


def test_every_row_of_the_access_table_names_a_url_that_exists():
    names = {pattern.name for pattern in project_patterns()}
    assert sorted({row.name for row in ROWS} - names) == []


def test_the_access_table_rows_are_consistent():
    labels = [row.label for row in ROWS]
    assert len(labels) == len(set(labels)), "two rows of one URL need different ids"
    for row in ROWS:
        assert set(row.expect) == set(PERSONAS), row.label
        if row.post_only:
            assert OK not in row.expect.values(), f"{row.label}: a POST-only view cannot answer GET with 200"
            assert NOT_ALLOWED in row.expect.values(), f"{row.label}: someone allowed must get 405 on GET"


@pytest.mark.parametrize(
    ("row", "persona"),
    [(row, persona) for row in ROWS for persona in PERSONAS],
    ids=[f"{row.label}-{persona}" for row in ROWS for persona in PERSONAS],
)
def test_each_persona_gets_the_answer_the_access_table_gives(row, persona, access_world, client_as):
    with translation.override("ar"):
        url = row.url(access_world)
        expected = row.expect[persona]
        response = client_as(persona).get(url)
        assert_answer(response, expected, url)


def _admin_urls_without_arguments() -> list[str]:
    names = []
    for pattern in project_patterns():
        if not pattern.in_admin or pattern.name is None:
            continue
        try:
            names.append((pattern.name, reverse(pattern.name)))
        except NoReverseMatch:
            continue  # needs an object id; the pages reached from the lists cover these
    return names


@pytest.mark.parametrize("persona", ["member_a", "member_b", "governor", "anonymous"])
def test_every_admin_page_sends_a_non_staff_persona_to_the_admin_login(persona, access_world, client_as):
    client = client_as(persona)
    with translation.override("ar"):
        login = reverse("admin:login")
        urls = [
            (name, url) for name, url in _admin_urls_without_arguments() if name not in ("admin:login", "admin:logout")
        ]
        assert ("admin:index", reverse("admin:index")) in urls
        for name, url in urls:
            response = client.get(url)
            assert response.status_code == 302, f"{name} answered {response.status_code} to {persona}"
            assert urlsplit(response["Location"]).path == login, name


def test_staff_open_the_admin_and_the_list_of_every_model_of_the_portal(access_world, client_as):
    client = client_as("staff")
    portal_apps = set(portal_app_labels())
    with translation.override("ar"):
        assert client.get(reverse("admin:index")).status_code == OK
        checked = set()
        for name, url in _admin_urls_without_arguments():
            app_label = name.removeprefix("admin:").split("_", 1)[0]
            if app_label in portal_apps and name.endswith("_changelist"):
                assert client.get(url).status_code == OK, name
                checked.add(name)
    registered = {
        f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        for model in admin.site._registry
        if model._meta.app_label in portal_apps
    }
    assert checked == registered
