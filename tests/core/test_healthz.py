"""/healthz: 200 when the database answers, 503 when it does not."""

import copy
import socket

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test import Client


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def unreachable_database(db, tmp_path):
    """Swap the default connection for one to a database that is not there, for one request."""
    original = connections["default"]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "no-such-folder" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=str(_closed_port()))
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    connections["default"] = broken
    try:
        yield
    finally:
        connections["default"] = original
        broken.close()


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_healthz_lives_outside_the_language_prefix(client, db):
    assert client.get("/healthz").status_code == 200
    assert client.get("/ar/healthz").status_code == 404


def test_healthz_answers_plain_http_when_everything_else_is_sent_to_https(settings, db):
    # Load balancers probe over plain HTTP behind the TLS proxy.
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    redirected = client.get("/ar/")
    assert redirected.status_code == 301
    assert redirected["Location"].startswith("https://")
