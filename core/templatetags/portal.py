from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.users import user_display_name

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context, key: str, label: str):
    """A column header that sorts the list by `key`, toggling the direction, keeping the filters."""
    request = context["request"]
    sorting = context.get("sorting")
    current = sorting.key if sorting else ""
    params = request.GET.copy()
    params.pop("page", None)
    new_key = f"-{key}" if current == key else key
    params["sort"] = new_key
    indicator = ""
    aria = "none"
    if current.lstrip("-") == key:
        descending = current.startswith("-")
        indicator = "▼" if descending else "▲"
        aria = "descending" if descending else "ascending"
    return format_html(
        '<a href="?{}" data-sort="{}" aria-sort="{}">{}<span class="sort-indicator" aria-hidden="true">{}</span></a>',
        params.urlencode(),
        key,
        aria,
        label,
        indicator,
    )


@register.filter
def yer(value):
    """An amount in Yemeni rials with thousands separators: 1,500,000 YER."""
    if value in (None, ""):
        return ""
    return _("%(amount)s YER") % {"amount": number_format(value, decimal_pos=0, force_grouping=True)}


@register.filter
def names(objects, empty: str = ""):
    """Join objects' names (or str()) with the active language's list separator."""
    labels = [getattr(obj, "name", None) or str(obj) for obj in objects]
    if not labels:
        return empty
    return pgettext("list separator", ", ").join(labels)


@register.filter
def user_name(user) -> str:
    """How pages name a user, in the active language (see core.users.user_display_name)."""
    return user_display_name(user)


@register.filter
def bdi(value):
    """`{{ name|bdi }}`: user-entered text isolated from the text around it (inside a translated
    sentence too), so that a right-to-left name or a U+202E cannot reorder the sentence."""
    return format_html("<bdi>{}</bdi>", value)
