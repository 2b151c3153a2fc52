from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language

from .access import role_of
from .registry import nav_entries


def portal(request):
    """The shell's context: the user's role, their navigation, and the other language's URL."""
    role = role_of(request.user) if hasattr(request, "user") else "anonymous"
    items = []
    for entry in nav_entries():
        if role not in entry.roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": entry.label, "active": False})
    # One entry is the current section: the longest URL the path starts with (/partners/services/
    # is "Services", not also "Partners").
    current = max(
        (item for item in items if request.path.startswith(item["url"])), key=lambda i: len(i["url"]), default=None
    )
    if current is not None:
        current["active"] = True
    language = get_language() or settings.LANGUAGE_CODE
    other = "en" if language.startswith("ar") else "ar"
    return {
        "portal_role": role,
        "portal_nav": items,
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
    }
