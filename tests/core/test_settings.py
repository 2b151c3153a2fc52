"""Production settings: `check --deploy` is clean, a missing SECRET_KEY stops the process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.utils import timezone

BASE_DIR = Path(__file__).resolve().parents[2]
# What tests/pytest_env.py and a developer's shell may set; the subprocess starts without them.
TEST_ONLY_VARIABLES = (
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
    "WHITENOISE_USE_FINDERS",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    env.update(variables)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deployment_check_passes_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_the_deployment_check_warns_about_a_weak_secret_key():
    # The check above is clean because the settings are right, not because it checks nothing.
    result = manage("check", "--deploy", DEBUG="0", SECRET_KEY="short-key", ALLOWED_HOSTS="portal.example.org")
    assert "security.W009" in result.stdout + result.stderr


def test_without_a_secret_key_and_with_debug_off_the_process_stops_with_a_clear_message():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_with_debug_on_a_development_key_is_used_when_none_is_set():
    result = manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_the_time_zone_is_aden():
    assert settings.TIME_ZONE == "Asia/Aden"
    assert timezone.get_current_timezone_name() == "Asia/Aden"
    assert timezone.localtime().utcoffset().total_seconds() == 3 * 3600
