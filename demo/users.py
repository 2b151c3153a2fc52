"""One demo login per role. Only ever created with DEBUG on.

Each login has a display name in Arabic and English (core.models.UserProfile), so that the Arabic
pages name the staff login أوسينا باحيدان and the English ones Awsina Bahaidan. The staff and
partner logins borrow the names of two people of the seed (SMEPS's director and Al-Awn's projects
director): a demo assumption, as they are not portal users in the seed.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.access import AGENCY_STAFF_GROUP, GOVERNOR_OFFICE_GROUP
from core.models import UserProfile
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

# username: (display name in Arabic, in English)
DISPLAY_NAMES = {
    "admin": ("مدير البوابة", "Portal administrator"),
    "staff": ("أوسينا باحيدان", "Awsina Bahaidan"),
    "partner": ("محمد الصبان", "Mohammed Al-Sabban"),
    "governor": ("مكتب وكيل المحافظة لشئون الشباب", "Office of the Deputy Governor for Youth Affairs"),
}

ROLE_LABELS = {
    "admin": "administrator (Django admin)",
    "staff": "SMEPS agency staff",
    "partner": "partner member of Al-Awn Foundation for Development",
    "governor": "governor's office (read only)",
}


def load() -> list[tuple[str, str, str]]:
    """Create or reset the demo logins; returns (username, password, role label) rows, the label
    naming the login in English and Arabic."""
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
        name_ar, name_en = DISPLAY_NAMES[username]
        UserProfile.objects.update_or_create(user=user, defaults={"name_ar": name_ar, "name_en": name_en})
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
        rows.append((username, DEMO_PASSWORD, f"{ROLE_LABELS[role]}: {name_en} / {name_ar}"))
    return rows
