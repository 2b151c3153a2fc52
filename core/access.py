"""Who is asking: the portal's roles, answered in one place.

Roles (see ARCHITECTURE.md): agency staff (group `agency_staff`, and superusers), partner member
(a user with a `partners.Membership`), governor's office (group `governor_office`). Views ask these
helpers or a model's `visible_to(user)`; they never test groups themselves.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied

AGENCY_STAFF_GROUP = "agency_staff"
GOVERNOR_OFFICE_GROUP = "governor_office"


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: navigation and several checks ask within one request.
    cached = getattr(user, "_portal_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.is_authenticated else frozenset()
        user._portal_group_names = cached
    return cached


def is_agency_staff(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or AGENCY_STAFF_GROUP in _group_names(user)


def is_governor_office(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return GOVERNOR_OFFICE_GROUP in _group_names(user) and not is_agency_staff(user)


def partner_organization_id(user) -> int | None:
    """The id of the organization the user is an active member of, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    if not hasattr(user, "_portal_org_id"):
        try:
            membership = user.membership
        except ObjectDoesNotExist:
            membership = None
        user._portal_org_id = membership.organization_id if membership and membership.is_active else None
    return user._portal_org_id


def is_partner_member(user) -> bool:
    return partner_organization_id(user) is not None and not is_agency_staff(user)


def role_of(user) -> str:
    """One word for the user's role, for navigation and templates."""
    if not user.is_authenticated:
        return "anonymous"
    if is_agency_staff(user):
        return "staff"
    if is_governor_office(user):
        return "governor"
    if is_partner_member(user):
        return "partner"
    return "none"


def staff_required(view):
    """Agency staff only; anyone else signed in gets 403, anonymous users go to the login page."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_agency_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def portal_user_required(view):
    """Any signed-in user with a role in the portal (staff, governor's office, partner member)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if role_of(request.user) == "none":
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
