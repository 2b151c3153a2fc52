from django import template

from core.pdf import static_file_uri

register = template.Library()


@register.simple_tag
def pdf_static(path: str) -> str:
    """The `file://` URI of a static file, for `@font-face` and images in a PDF template."""
    return static_file_uri(path)
