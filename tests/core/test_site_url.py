"""Links point where the portal runs: SITE_URL follows HOST and PORT (what `make run PORT=8102`
passes on) unless it is set, and every emailed or printed link is built from it."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from surveys.selectors import invitation_link
from tests.surveys import factories as survey_factories

BASE_DIR = Path(__file__).resolve().parents[2]
# Variables a developer's shell may export, which would change what the settings read.
READ_BY_THE_SETTINGS = ("HOST", "PORT", "SITE_URL", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE")


def settings_with(**variables: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in READ_BY_THE_SETTINGS}
    env.update({"DEBUG": "1", **variables})
    code = (
        "import json; from partners_portal import settings as s; "
        "print(json.dumps({'SITE_URL': s.SITE_URL, 'ALLOWED_HOSTS': s.ALLOWED_HOSTS}))"
    )
    result = subprocess.run(  # noqa: S603 - our own settings module, fixed code
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("variables", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8102"}, "http://127.0.0.1:8102"),
        ({"HOST": "192.168.1.20", "PORT": "8102"}, "http://192.168.1.20:8102"),
        ({"HOST": "0.0.0.0", "PORT": "8102"}, "http://127.0.0.1:8102"),  # noqa: S104 - every interface
        ({"PORT": "8102", "SITE_URL": "https://portal.example.org/"}, "https://portal.example.org"),
    ],
)
def test_site_url_follows_host_and_port_unless_it_is_set(variables, site_url):
    assert settings_with(**variables)["SITE_URL"] == site_url


def test_a_host_of_its_own_is_allowed_in_development():
    assert "192.168.1.20" in settings_with(HOST="192.168.1.20")["ALLOWED_HOSTS"]


def test_a_port_that_is_not_a_number_stops_with_a_clear_message():
    env = {key: value for key, value in os.environ.items() if key not in READ_BY_THE_SETTINGS}
    result = subprocess.run(
        [sys.executable, "-c", "import partners_portal.settings"],
        cwd=BASE_DIR,
        env={**env, "DEBUG": "1", "PORT": "eighty"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "PORT must be a port number" in result.stderr


def test_make_run_passes_the_port_to_the_server_and_to_the_settings():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8102"],  # noqa: S607 - make from PATH, a dry run
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(re.search(r"PORT=8102 .*manage\.py load_demo", line) for line in lines)
    assert any(re.search(r"PORT=8102 .*manage\.py runserver 127\.0\.0\.1:8102$", line) for line in lines)


def test_emailed_questionnaire_and_member_links_point_at_site_url(
    settings, staff_client, org_a, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://127.0.0.1:8102"
    built = survey_factories.build_survey()
    invitation = survey_factories.invite(built.survey, org_a)
    assert re.fullmatch(r"http://127\.0\.0\.1:8102/(ar|en)/surveys/\d+/respond/\S+/", invitation_link(invitation))
    with translation.override("ar"):
        invite = reverse("partners:member_invite", args=[org_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(invite, {"email": "new@example.org", "first_name": "N", "last_name": "M", "language": "en"})
    assert re.search(r"http://127\.0\.0\.1:8102/en/partners/join/\S+/", mail.outbox[-1].body)


def test_the_demo_prints_its_logins_with_the_address_the_portal_is_served_on(db, settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8102"
    report = io.StringIO()
    call_command("load_demo", stdout=report)
    assert "Demo logins (http://127.0.0.1:8102/):" in report.getvalue()
    assert ":8000" not in report.getvalue()
