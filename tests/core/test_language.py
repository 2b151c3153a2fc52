"""Arabic first, English second: the root redirect, the language switch, dates."""

import datetime
import re
from html import unescape

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from tests import factories


def test_the_root_redirects_to_arabic(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_the_root_redirects_to_the_language_the_user_chose(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/")["Location"] == "/en/"


def test_the_root_ignores_a_language_the_portal_does_not_have(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get("/")["Location"] == "/ar/"


@pytest.fixture
def org_page(org_a):
    return f"/ar/partners/{org_a.pk}/"


def test_the_language_switch_offers_the_same_page_in_the_other_language(member_a_client, org_a, org_page):
    html = member_a_client.get(org_page).content.decode()
    assert f'name="next" value="/en/partners/{org_a.pk}/"' in html
    assert 'name="language" value="en"' in html


def test_the_language_switch_lands_on_the_same_page_in_english(member_a_client, org_a, org_page):
    response = member_a_client.post("/i18n/setlang/", {"language": "en", "next": org_page})
    assert response.status_code == 302
    assert response["Location"] == f"/en/partners/{org_a.pk}/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = member_a_client.get(response["Location"])
    assert '<html lang="en" dir="ltr"' in page.content.decode()
    assert member_a_client.get("/")["Location"] == "/en/"  # the choice is remembered


def _switch_form(html: str) -> dict:
    form = html[html.index('action="/i18n/setlang/"') :]
    form = form[: form.index("</form>")]
    return {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(next|language)" value="([^"]*)"', form)
    }


def test_the_switch_on_an_english_page_lands_on_the_same_page_in_arabic_with_its_filters(member_a_client, org_a):
    page = member_a_client.get("/en/partners/?kind=bank&sort=-name")
    form = _switch_form(page.content.decode())
    assert form == {"next": "/ar/partners/?kind=bank&sort=-name", "language": "ar"}
    response = member_a_client.post("/i18n/setlang/", form)
    assert response["Location"] == "/ar/partners/?kind=bank&sort=-name"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"


def test_the_language_switch_does_not_send_users_to_another_site(member_a_client):
    response = member_a_client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_an_english_page_offers_arabic(member_a_client, org_a):
    html = member_a_client.get("/en/partners/").content.decode()
    assert 'name="next" value="/ar/partners/"' in html
    assert 'name="language" value="ar"' in html


DAY = datetime.date(2017, 12, 31)


def test_dates_are_day_month_year_with_the_gregorian_mark_in_arabic():
    with translation.override("ar"):
        assert formats.date_format(DAY) == "31/12/2017م"
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == "31/12/2017م"
        assert Template("{{ value|date }}").render(Context({"value": DAY})) == "31/12/2017م"


def test_dates_are_day_month_year_in_english():
    with translation.override("en"):
        assert formats.date_format(DAY) == "31/12/2017"
        assert Template("{{ value|date }}").render(Context({"value": DAY})) == "31/12/2017"


def test_times_of_day_are_shown_in_aden_time():
    moment = datetime.datetime(2017, 12, 31, 6, 30, tzinfo=datetime.UTC)
    with translation.override("ar"):
        rendered = Template('{{ value|date:"DATETIME_FORMAT" }}').render(Context({"value": moment}))
    assert rendered == "31/12/2017م 09:30"


def test_amounts_have_thousands_separators_in_both_languages(db):
    org = factories.OrganizationFactory()
    service = factories.ServiceOfferingFactory(organization=org, loan_min_yer=100_000, loan_max_yer=1_500_000)
    template = Template("{% load portal %}{{ service.loan_max_yer|yer }}")
    for language in ("ar", "en"):
        with translation.override(language):
            assert "1,500,000" in template.render(Context({"service": service}))
