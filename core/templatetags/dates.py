from django import template

from core.dates import hijri_date

register = template.Library()


@register.filter
def hijri(value) -> str:
    """`{{ meeting.starts_at|hijri }}` -> "13/04/1439" (digits only; the template adds هـ / AH)."""
    return hijri_date(value)
