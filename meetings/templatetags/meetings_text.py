from django import template

from meetings.text import render_plain_text

register = template.Library()


@register.filter
def plain_text(value):
    """Minutes, outcomes and notes as safe HTML paragraphs and lists (all user text escaped)."""
    return render_plain_text(value)
