"""A partner on a 360 px phone opens the link and fills a section, with JavaScript and without."""

import time

import pytest
from django.db import connection

from surveys.models import Answer
from tests import system_tools
from tests.surveys.factories import build_survey, field, invite, section_url

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def browser():
    system_tools.require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=system_tools.CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
    _close_live_server_connections()


def _close_live_server_connections():
    # A live-server request thread can outlive the browser with its database connection open
    # (seen on PostgreSQL with a cancelled autosave request); end such sessions so that the test
    # database can be dropped at the end of the run.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    # The live server answers each kept-alive browser socket in its own thread, which closes its
    # database connection when the socket closes; give those threads a moment to see it, so that
    # no connection is left on the test database when it is dropped.
    time.sleep(0.5)


def _stored(invitation, question):
    return Answer.objects.filter(response__invitation=invitation, question=question).first()


@pytest.mark.browser
def test_a_partner_fills_a_section_on_a_360_px_phone_with_and_without_javascript(
    django_db_setup, org_a, org_b, live_server, browser
):
    # The test database is set up first, so the live server stops before the database is dropped.
    built = build_survey()
    q = built.q

    # With JavaScript: no horizontal scroll; the conditional question follows the answer.
    with_js = invite(built.survey, org_a)
    page = browser.new_context(viewport=PHONE, locale="ar").new_page()
    page.goto(live_server.url + section_url(with_js, 1))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    other = page.locator(f"#question-{q['type_other'].pk}")
    assert other.is_hidden()
    page.check(f"input[name='{field(q['type'])}'][value='other']")
    assert other.is_visible()
    page.check(f"input[name='{field(q['type'])}'][value='mfi']")
    assert other.is_hidden()
    page.fill(f"input[name='{field(q['name'])}']", "خولة سالم سكارو")
    page.fill(f"input[name='{field(q['since'])}']", "٢٠٠٣")
    page.click("button[value='next']")
    page.wait_for_url(f"**{section_url(with_js, 2)}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the districts grid fits too"
    assert _stored(with_js, q["name"]).text == "خولة سالم سكارو"
    assert _stored(with_js, q["since"]).number == 2003

    # Without JavaScript: the plain form posts, saves and moves on; errors come back beside the field.
    without_js = invite(built.survey, org_b)
    plain = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    plain.goto(live_server.url + section_url(without_js, 2))
    plain.check(f"input[name='{field(q['products'])}'][value='murabaha']")
    plain.fill(f"input[name='{field(q['max_loan'])}']", "مليون")
    with plain.expect_navigation():
        plain.click("button[value='next']")
    error = plain.locator(f"#question-{q['max_loan'].pk} .field-error")
    assert error.count() == 1 and error.inner_text()
    assert _stored(without_js, q["products"]) is None
    plain.fill(f"input[name='{field(q['max_loan'])}']", "1,500,000")
    with plain.expect_navigation():
        plain.click("button[value='later']")
    plain.wait_for_url("**/respond/*/")
    assert _stored(without_js, q["max_loan"]).number == 1_500_000
    assert _stored(without_js, q["products"]).values == ["murabaha"]
    assert plain.locator(".alert-success").count() == 1
