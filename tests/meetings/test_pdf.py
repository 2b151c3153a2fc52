"""The minutes as PDF (WeasyPrint, the vendored Arabic font, right to left), read back with
pdftotext. pdftotext gives right-to-left text in logical order when the PDF is right: words that
came out reversed would mean a broken PDF.

One quirk of the reader, not of the PDF: the font draws some letter pairs as one ligature glyph
(lam-alef, "تر", "ين"...), and pdftotext writes the two letters of such a glyph in the opposite
order. Phrases are therefore checked in two ways: exactly, for phrases without such pairs, and
word by word as letter multisets in order, for the others (every letter present, the words in
the right order).
"""

import io
import re
import subprocess
import urllib.parse
import zoneinfo

import pytest
from django.core.management import call_command

from meetings.models import Meeting, MinutesState
from tests.system_tools import require_program

from . import factories as mf

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(content: bytes, *, layout: bool = True) -> str:
    """The PDF's text; with `layout`, as laid out on the page, else in reading order (table cells
    whole, lines joined with spaces)."""
    pdftotext = require_program("pdftotext", package="poppler-utils")
    options = ["-layout"] if layout else []
    result = subprocess.run(  # noqa: S603 - a fixed program reading our own bytes
        [pdftotext, *options, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    text = result.stdout.decode("utf-8")
    return text if layout else " ".join(BIDI_CONTROLS.sub("", text).split())


def without_controls(text: str) -> str:
    """pdftotext marks right-to-left and left-to-right runs with bidi control characters."""
    return BIDI_CONTROLS.sub("", text)


def _signature(word: str) -> str:
    return "".join(sorted(word))


def has_words_in_order(text: str, phrase: str) -> bool:
    """Every word of `phrase`, consecutively and in this order, each with exactly its letters."""
    wanted = [_signature(word) for word in phrase.split()]
    # A run boundary (a bidi control) also ends a word: "1.‬تنسيق" is two words.
    words = [_signature(word) for word in BIDI_CONTROLS.sub(" ", text).split()]
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def test_the_word_order_check_tells_reversed_words_apart():
    assert has_words_in_order("قبل مسودة مقرتح آلية عمل بعد", "مسودة مقترح آلية عمل")
    assert not has_words_in_order("عمل آلية مقترح مسودة", "مسودة مقترح آلية عمل")


@pytest.fixture
def demo_meeting(db):
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    return Meeting.objects.get(title_en="Empowerment partners meeting at SMEPS")


def test_the_arabic_minutes_of_31_12_2017_read_in_logical_order(staff_client, demo_meeting):
    response = staff_client.get(f"/ar/meetings/{demo_meeting.pk}/minutes/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    # Exactly, phrases the font draws without two-letter ligatures:
    for phrase in ("محمد بن محمد الديلمي", "أوسينا عمر باحيدان", "آلية عمل", "31/12/2017م", "13/04/1439هـ"):
        assert phrase in without_controls(text), phrase
    # Word by word, the subject, a heading, and the unnamed experts as the seed writes them:
    for phrase in (
        "مسودة مقترح آلية عمل شركاء التمكين والإقراض",
        "عدد من خبراء الوكالة",
        "تنسيق الخدمات من كل جهة",
        "وكالة تنمية المنشآت الصغيرة والأصغر",
    ):
        assert has_words_in_order(text, phrase), phrase
    assert not has_words_in_order(text, "والإقراض التمكين شركاء عمل آلية مقترح مسودة")


def test_the_english_minutes_are_in_english(staff_client, demo_meeting):
    text = pdf_text(staff_client.get(f"/en/meetings/{demo_meeting.pk}/minutes/pdf/").content, layout=False)
    assert "Draft proposal of the working mechanism of the empowerment and lending" in text
    assert "A number of the agency's experts" in text
    assert "Small and Micro Enterprise Promotion Service (SMEPS)" in text
    assert "31/12/2017" in text
    assert "13/04/1439 AH" in text
    assert "Coordinate the services of every party" in text


def test_the_pdf_uses_the_vendored_arabic_font(staff_client, demo_meeting):
    fonts = require_program("pdffonts", package="poppler-utils")
    content = staff_client.get(f"/ar/meetings/{demo_meeting.pk}/minutes/pdf/").content
    listed = subprocess.run([fonts, "-"], input=content, capture_output=True, check=True).stdout.decode()  # noqa: S603
    assert "IBM-Plex-Sans-Arabic" in listed


def test_script_in_the_minutes_is_printed_as_text_in_the_pdf(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED, text_en='<script>alert("pdf")</script> <b>bold</b>')
    text = pdf_text(staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/pdf/").content, layout=False)
    assert '<script>alert("pdf")</script>' in text
    assert "<b>bold</b>" in text


def test_a_draft_pdf_is_marked_as_a_draft(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.DRAFT)
    text = pdf_text(staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/pdf/").content)
    assert "DRAFT - not circulated, not approved" in text


def test_an_older_version_prints_as_it_was(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED, number=1, text_en="The approved text")
    mf.minutes(meeting_a, state=MinutesState.DRAFT, number=2, text_en="The correction")
    text = pdf_text(staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/versions/1/pdf/").content)
    assert "The approved text" in text and "The correction" not in text


def test_the_pdf_renderer_may_read_the_portals_static_files_only():
    from core.pdf import _is_static_file, static_file_uri

    font = static_file_uri("vendor/ibm-plex-sans-arabic-5.3.0/ibm-plex-sans-arabic-arabic-400-normal.woff2")
    assert font.startswith("file:///") and _is_static_file(font)
    assert not _is_static_file("file:///etc/passwd")
    assert not _is_static_file(font.rsplit("/static/", 1)[0] + "/partners_portal/settings.py")
    assert not _is_static_file("https://example.org/font.woff2")


# --- "Download PDF" saves the file; "View PDF" shows it --------------------------------------


def test_download_pdf_saves_the_file_named_in_the_pages_language(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED)
    day = meeting_a.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Aden")).strftime("%Y-%m-%d")
    english = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/pdf/")
    assert english["Content-Type"] == "application/pdf"
    assert english["Content-Disposition"] == f'attachment; filename="Minutes of the meeting of {day}, version 1.pdf"'
    arabic = staff_client.get(f"/ar/meetings/{meeting_a.pk}/minutes/pdf/")
    kind, fallback, encoded = arabic["Content-Disposition"].split("; ")
    assert (kind, fallback) == ("attachment", f'filename="minutes-{day}-v1.pdf"')
    # RFC 5987: the Arabic name, UTF-8 and percent-encoded.
    assert encoded.startswith("filename*=utf-8''")
    name = urllib.parse.unquote(encoded.removeprefix("filename*=utf-8''"))
    assert name == f"محضر اجتماع {day}، النسخة 1.pdf"
    assert arabic["X-Content-Type-Options"] == "nosniff"


def test_view_pdf_shows_the_same_file_in_the_browser(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED, number=1)
    mf.minutes(meeting_a, state=MinutesState.DRAFT, number=2)
    current = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/pdf/view/")
    assert current["Content-Disposition"].startswith("inline; filename=")
    assert "version 2" in current["Content-Disposition"]
    older = staff_client.get(f"/ar/meetings/{meeting_a.pk}/minutes/versions/1/pdf/view/")
    assert older["Content-Disposition"].startswith('inline; filename="minutes-')
    assert older.content.startswith(b"%PDF-")


def test_the_minutes_page_offers_both_links(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED)
    page = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/").content.decode()
    assert f'href="/en/meetings/{meeting_a.pk}/minutes/pdf/" download>Download PDF</a>' in page
    assert f'href="/en/meetings/{meeting_a.pk}/minutes/pdf/view/">View PDF</a>' in page
    assert "onclick" not in page


def test_a_partner_cannot_view_the_pdf_of_a_draft(member_a_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.DRAFT)
    assert member_a_client.get(f"/ar/meetings/{meeting_a.pk}/minutes/pdf/view/").status_code == 404
