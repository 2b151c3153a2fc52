"""PDF documents rendered from Django templates with WeasyPrint.

WeasyPrint is imported inside `render_pdf`, so that the portal starts (and every page but the PDFs
works) on a machine without Pango. The renderer may only read the portal's own static files
(fonts, images): user text in a template cannot make it fetch a URL or read another file.
"""

import logging
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

# WeasyPrint reports every rendering step, and fontTools every font it decompresses, at INFO;
# the portal's logs need only their warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools.ttLib.woff2").setLevel(logging.WARNING)


def static_file_uri(path: str) -> str:
    """The `file://` URI of a static file (e.g. a vendored font) in the source folders."""
    found = finders.find(path)
    if not found:
        raise ImproperlyConfigured(f"Static file not found for a PDF: {path}")
    return Path(found).resolve().as_uri()


def _static_roots() -> list[Path]:
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(Path(storage.location).resolve())
    return roots


def _is_static_file(url: str) -> bool:
    if not url.startswith("file:"):
        return False
    from urllib.request import url2pathname

    path = Path(url2pathname(url.split("?", 1)[0].removeprefix("file:"))).resolve()
    return any(path.is_relative_to(root) for root in _static_roots())


def _static_only_fetcher():
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not _is_static_file(url):
                raise ValueError(f"Only the portal's static files may be used in a PDF, not {url[:80]}")
            return super().fetch(url, headers)

    return StaticOnlyFetcher(allowed_protocols={"file"})


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render `template_name` to HTML, then to PDF bytes (A4 and margins come from its @page rule)."""
    import weasyprint

    html = render_to_string(template_name, context, request=request)
    # Relative URLs resolve against the first static folder; templates use {% pdf_static %} anyway.
    roots = _static_roots()
    base_url = roots[0].as_uri() + "/" if roots else None
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_static_only_fetcher()).write_pdf()


def pdf_response(
    content: bytes, *, filename: str, as_attachment: bool = False, fallback_filename: str = ""
) -> HttpResponse:
    """An HTTP response carrying a PDF, shown by the browser or (`as_attachment`) saved. A
    non-ASCII `filename` (Arabic) is sent as RFC 5987 `filename*`, beside the ASCII
    `fallback_filename` for clients that do not read it (RFC 6266)."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = content_disposition_header(as_attachment, filename)
    if fallback_filename and "filename*=" in disposition:
        kind, encoded = disposition.split("; ", 1)
        safe = fallback_filename.encode("ascii", "ignore").decode().replace("\\", "").replace('"', "")
        disposition = f'{kind}; filename="{safe}"; {encoded}'
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    return response
