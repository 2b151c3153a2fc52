from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.users import user_display_name

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_th(context, key: str, label: str):
    """A sortable column header: `<th scope="col">` with a link that sorts the list by `key`.

    The link toggles the direction and keeps the filters (not the page); `aria-sort` sits on the
    `<th>` of the sorted column only, as ARIA allows it there and not on a link.
    """
    request = context["request"]
    listing = context.get("listing")
    sorting = listing.sorting if listing is not None else context.get("sorting")
    current = sorting.key if sorting else ""
    params = request.GET.copy()
    params.pop("page", None)
    sorted_here = current.lstrip("-") == key
    descending = sorted_here and current.startswith("-")
    params["sort"] = key if descending or not sorted_here else f"-{key}"
    if sorted_here:
        aria = format_html(' aria-sort="{}"', "descending" if descending else "ascending")
        indicator = "▼" if descending else "▲"
        action = _("sort in ascending order") if descending else _("sort in descending order")
    else:
        aria, indicator, action = "", "", _("sort by this column")
    return format_html(
        '<th scope="col"{}><a href="?{}" data-sort="{}">{}<span class="sort-indicator" aria-hidden="true">{}</span>'
        '<span class="visually-hidden"> ({})</span></a></th>',
        aria,
        params.urlencode(),
        key,
        label,
        indicator,
        action,
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
