"""Minutes and notes are plain text; this turns them into safe HTML.

Blank lines separate paragraphs; lines starting with "- ", "* " or "•" make a bulleted list;
lines starting with a number and "-", "." or ")" ("1- ", "1. ", "١- ", as the seed writes them)
make a numbered list that keeps the numbers as written. Every piece of user text is escaped:
nothing a user types is ever marked safe, so HTML and scripts show as text.
"""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.text import ascii_digits

_BULLET = re.compile(r"^\s*(?:[-*]\s+|•\s*)(?P<text>.*)$")
_NUMBERED = re.compile(r"^\s*(?P<number>[0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\s*[-.)\u066b]\s+(?P<text>.*)$")


def _classify(line: str) -> tuple[str, str, str]:
    numbered = _NUMBERED.match(line)
    if numbered and numbered["text"].strip():
        return "ol", ascii_digits(numbered["number"]), numbered["text"].strip()
    bullet = _BULLET.match(line)
    if bullet and bullet["text"].strip():
        return "ul", "", bullet["text"].strip()
    return "p", "", line.strip()


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _render_group(kind: str, entries: list[tuple[str, str]]) -> SafeString:
    if kind == "ul":
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((text,) for _n, text in entries)))
    if kind == "ol":
        return format_html(
            "<ol>{}</ol>", format_html_join("", '<li value="{}">{}</li>', ((n, text) for n, text in entries))
        )
    return format_html("<p>{}</p>", format_html_join("", "{}{}", _with_breaks([text for _n, text in entries])))


def _with_breaks(lines: list[str]):
    for index, line in enumerate(lines):
        # A constant tag: no user text is marked safe here.
        yield (mark_safe("<br>") if index else "", line)


def render_plain_text(text: str | None) -> SafeString:
    """Safe HTML of paragraphs and lists for `text`; every character the user typed is escaped."""
    parts = []
    for block in _blocks(text or ""):
        kind, entries = None, []
        for line in block:
            line_kind, number, content = _classify(line)
            if line_kind != kind and entries:
                parts.append(_render_group(kind, entries))
                entries = []
            kind = line_kind
            entries.append((number, content))
        if entries:
            parts.append(_render_group(kind, entries))
    return format_html_join("\n", "{}", ((part,) for part in parts))
