"""The questionnaire's page, as a partner on slow mobile data fetches it: at most 150 KB
transferred, fonts included (gzip level 6 for HTML, CSS and JS; woff2 counted at its size)."""

import gzip
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.surveys.factories import section_url

BUDGET = 150 * 1024
# What makes the browser draw bold text, and so download the 700 face of the Arabic font.
BOLD = re.compile(r"<(strong|b)[\s>]|\bfw-bold\b|font-weight:\s*(bold|[6-9]00)")


def _static_file(url: str) -> Path:
    prefix = static("")
    assert url.startswith(prefix), f"{url} is not one of the portal's static files (no CDN)"
    found = finders.find(url[len(prefix) :].split("?")[0])
    assert found, url
    return Path(found)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _fonts_of(css_path: Path, css: str, *, bold: bool) -> list[Path]:
    """The Arabic woff2 faces the stylesheet declares that the page would use."""
    fonts = []
    for face in re.findall(r"@font-face\s*{([^}]*)}", css):
        weight = re.search(r"font-weight:\s*(\d+)", face)
        url = re.search(r"url\(\"?([^\")]+\.woff2)\"?\)", face)
        if not url or "arabic" not in url.group(1):
            continue
        if weight and weight.group(1) == "700" and not bold:
            continue
        fonts.append((css_path.parent / url.group(1)).resolve())
    return fonts


def test_the_form_page_weighs_at_most_150_kb_with_its_fonts(respondent, invitation_a):
    response = respondent.get(section_url(invitation_a, 2))
    assert response.status_code == 200
    html = response.content.decode()
    total = _gzip_size(response.content)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    preloads = re.findall(r'<link rel="preload" href="([^"]+)"', html)
    assert styles and scripts, "the page references its assets"
    bold = bool(BOLD.search(html))
    fonts = {(_static_file(url)).resolve() for url in preloads if url.endswith(".woff2")}
    for url in styles:
        path = _static_file(url)
        css = path.read_bytes()
        total += _gzip_size(css)
        fonts |= set(_fonts_of(path, css.decode(), bold=bold))
    for url in scripts:
        total += _gzip_size(_static_file(url).read_bytes())
    assert any("400" in font.name for font in fonts), "the Arabic 400 face is counted"
    total += sum(font.stat().st_size for font in fonts)
    assert "bootstrap.bundle" not in html
    assert total <= BUDGET, f"{total / 1024:.1f} KB"


def test_the_respondent_stylesheet_draws_nothing_in_bold():
    css = Path(finders.find("surveys/respond.css")).read_text()
    assert not re.search(r"font-weight:\s*(bold|[6-9]00)", css)
