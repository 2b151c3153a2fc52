"""The role groups and their permissions, kept in step with the code after every migrate."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from .access import AGENCY_STAFF_GROUP, GOVERNOR_OFFICE_GROUP


def portal_app_labels() -> list[str]:
    """Labels of the project's own apps (those that live in this repository)."""
    base = Path(settings.BASE_DIR).resolve()
    labels = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base in path.parents and ".venv" not in path.parts:
            labels.append(config.label)
    return labels


def ensure_role_groups(**kwargs) -> None:
    """Create the role groups; agency staff get every permission of the portal's own apps.

    Staff may view users in the admin but not change them, so that nobody raises their own
    rights; accounts with more rights are made by a superuser.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    staff, _ = group_model.objects.get_or_create(name=AGENCY_STAFF_GROUP)
    group_model.objects.get_or_create(name=GOVERNOR_OFFICE_GROUP)
    wanted = permission_model.objects.filter(
        content_type__app_label__in=portal_app_labels()
    ) | permission_model.objects.filter(content_type__app_label="auth", codename__in=["view_user", "view_group"])
    staff.permissions.add(*wanted)
