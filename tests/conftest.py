"""Personas shared by every test: agency staff, a member of org A, a member of org B, the
governor's office, and anonymous. Each view is tried by someone who must not get in."""

import os

import pytest
from django.test import Client

from tests import factories


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    # Tests run against the embedded defaults whatever the developer's shell exports.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Hashing every persona's password with production's cost would take most of the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def org_a(db):
    return factories.OrganizationFactory(name_ar="مؤسسة العون للتنمية", name_en="Al-Awn Foundation for Development")


@pytest.fixture
def org_b(db):
    return factories.OrganizationFactory(name_ar="مؤسسة نهد التنموية", name_en="Nahd Development Foundation")


@pytest.fixture
def staff(db):
    return factories.staff_user(username="staff")


@pytest.fixture
def member_a(org_a):
    return factories.member_of(org_a, username="member_a")


@pytest.fixture
def member_b(org_b):
    return factories.member_of(org_b, username="member_b")


@pytest.fixture
def governor(db):
    return factories.governor_user(username="governor")


def _client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def staff_client(staff):
    return _client_for(staff)


@pytest.fixture
def member_a_client(member_a):
    return _client_for(member_a)


@pytest.fixture
def member_b_client(member_b):
    return _client_for(member_b)


@pytest.fixture
def governor_client(governor):
    return _client_for(governor)


@pytest.fixture
def anonymous_client(db):
    return Client()


@pytest.fixture
def personas(staff, member_a, member_b, governor, org_a, org_b):
    """Every persona by name, with a logged-in client each (None for anonymous)."""
    return {
        "staff": staff,
        "member_a": member_a,
        "member_b": member_b,
        "governor": governor,
        "anonymous": None,
    }


@pytest.fixture
def client_as(personas):
    """`client_as("member_a")` -> a Client logged in as that persona."""
    return lambda name: _client_for(personas[name])


ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://"))


@pytest.fixture
def access_world(personas, org_a, org_b):
    """The objects the access table's URLs point to (see tests/access/__init__.py)."""
    from tests.access import build_world

    return build_world(
        staff=personas["staff"],
        member_a=personas["member_a"],
        member_b=personas["member_b"],
        governor=personas["governor"],
        org_a=org_a,
        org_b=org_b,
    )
