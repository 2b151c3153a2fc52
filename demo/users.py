"""One demo login per role. Only ever created with DEBUG on."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.access import AGENCY_STAFF_GROUP, GOVERNOR_OFFICE_GROUP
from partners.demo import AL_AWN
from partners.models import Membership, Organization

DEMO_PASSWORD = "hadramout-2017"  # noqa: S105 - printed by make run; refused when DEBUG is off

# username, first name, last name, email, role
DEMO_USERS = [
    ("admin", "Admin", "", "admin@portal.example", "admin"),
    ("staff", "Awsina", "Bahaidan", "staff@smeps.example", "staff"),
    ("partner", "Mohammed", "Al-Sabban", "partner@alawn.example", "partner"),
    ("governor", "Youth Affairs", "Office", "governor@hadramout.example", "governor"),
]

ROLE_LABELS = {
    "admin": "administrator (Django admin)",
    "staff": "SMEPS agency staff",
    "partner": "partner member of Al-Awn Foundation for Development",
    "governor": "governor's office (read only)",
}


def load() -> list[tuple[str, str, str]]:
    """Create or reset the demo logins; returns (username, password, role label) rows."""
    user_model = get_user_model()
    staff_group = Group.objects.get(name=AGENCY_STAFF_GROUP)
    governor_group = Group.objects.get(name=GOVERNOR_OFFICE_GROUP)
    rows = []
    for username, first, last, email, role in DEMO_USERS:
        user, _ = user_model.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_active": True,
                "is_staff": role in ("admin", "staff"),
                "is_superuser": role == "admin",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        if role == "staff":
            user.groups.add(staff_group)
        if role == "governor":
            user.groups.add(governor_group)
        if role == "partner":
            Membership.objects.update_or_create(
                user=user, defaults={"organization": Organization.objects.get(name_ar=AL_AWN), "is_active": True}
            )
        rows.append((username, DEMO_PASSWORD, ROLE_LABELS[role]))
    return rows
