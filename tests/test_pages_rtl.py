"""Every page of the access table renders right-to-left in Arabic and left-to-right in English, for
each persona who may see it (every row whose answer is 200)."""

import pytest
from django.utils import translation

from tests.access import OK, collect_rows

PAGES = [(row, persona) for row in collect_rows() if row.html for persona, answer in row.expect.items() if answer == OK]
IDS = [f"{row.label}-{persona}" for row, persona in PAGES]


def _get(row, persona, world, client_as, language: str):
    with translation.override(language):
        url = row.url(world)
        assert url.startswith(f"/{language}/"), url
        response = client_as(persona).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def test_the_table_has_pages_to_render():
    assert len(PAGES) >= 30


@pytest.mark.parametrize(("row", "persona"), PAGES, ids=IDS)
def test_the_page_renders_in_arabic_right_to_left(row, persona, access_world, client_as):
    html = _get(row, persona, access_world, client_as, "ar")
    assert '<html lang="ar" dir="rtl"' in html
    assert "bootstrap.rtl.min.css" in html


@pytest.mark.parametrize(("row", "persona"), PAGES, ids=IDS)
def test_the_page_renders_in_english_left_to_right(row, persona, access_world, client_as):
    html = _get(row, persona, access_world, client_as, "en")
    assert '<html lang="en" dir="ltr"' in html
    assert "bootstrap.min.css" in html
    assert "bootstrap.rtl.min.css" not in html
