"""How users are named in pages: one function, used by the `user_name` template filter."""

from django.core.exceptions import ObjectDoesNotExist


def user_display_name(user) -> str:
    """The name to show for `user`: their display name in the active language (the other language
    when that one is empty), else the account's full name, else the username; "" for nobody."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    try:
        profile = user.profile
    except ObjectDoesNotExist:
        profile = None
    if profile is not None and profile.name:
        return profile.name
    return user.get_full_name() or user.get_username()
