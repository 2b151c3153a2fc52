"""Guessing links: after too many 404s from one address in a minute, that address gets 429."""

import time

from django.test import Client
from django.utils import timezone

from core.ratelimit import FAILURES_PER_MINUTE

UNKNOWN_LINK = "/ar/partners/join/guess-{}/"


def wait_for_a_fresh_minute() -> None:
    # The limit counts per clock minute; start early in one so that the whole run falls inside it.
    if timezone.now().second >= 50:
        time.sleep(61 - timezone.now().second)


def _fail_from(client, **headers) -> None:
    for attempt in range(FAILURES_PER_MINUTE):
        assert client.get(UNKNOWN_LINK.format(attempt), **headers).status_code == 404


def test_behind_a_proxy_each_forwarded_address_has_its_own_limit(db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    wait_for_a_fresh_minute()
    _fail_from(client, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client.get(UNKNOWN_LINK.format("x"), HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    assert client.get(UNKNOWN_LINK.format("x"), HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 404


def test_an_address_written_in_front_of_the_proxys_does_not_escape_the_limit(db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    wait_for_a_fresh_minute()
    _fail_from(client, HTTP_X_FORWARDED_FOR="203.0.113.5")
    spoofed = client.get(UNKNOWN_LINK.format("x"), HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert spoofed.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(db, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    wait_for_a_fresh_minute()
    _fail_from(client, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client.get(UNKNOWN_LINK.format("x"), HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_the_too_many_attempts_page_is_a_page_of_the_portal(db):
    client = Client()
    wait_for_a_fresh_minute()
    _fail_from(client)
    response = client.get("/en/partners/join/guess-x/")
    assert response.status_code == 429
    assert '<html lang="en" dir="ltr"' in response.content.decode()
    assert "Too many attempts" in response.content.decode()
