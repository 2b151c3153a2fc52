"""`manage.py load_demo`: the seed's story (shared/seed/FACTS.md), loaded as often as one likes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from partners.models import Contact, District, Organization, ServiceOffering, Title

# FACTS.md, "People": (English name of the organization, title, Arabic name, English position).
PEOPLE = [
    ("Small and Micro Enterprise Promotion Service, Hadramout branch", Title.MS, "أوسينا عمر باحيدان",
     "Director, SMEPS Hadramout branch"),
    ("Hadramout Governorate - Office of the Deputy Governor for Coast Affairs", Title.MR, "فهمي عوض باضاوي",
     "Deputy Governor of Hadramout for Coast Affairs"),
    ("Social Fund for Development", Title.MR, "محمد بن محمد الديلمي", "Director, Social Fund for Development"),
    ("National Women's Committee, Hadramout coast", Title.MS, "فائزة فرج بامطرف",
     "Head of the National Women's Committee, Hadramout coast"),
    ("Al-Awn Foundation for Development", Title.MR, "محمد سالم الصبان", "Projects department director"),
    ("Rawabi Al-Khair Development Foundation", "", "جمعان سعيد بن ناصر", "Projects department director"),
    ("Microfinance Fund (Revolving Fund)", "", "خولة سالم سكارو", "Director, Microfinance Fund (Revolving Fund)"),
    ("Nahd Development Foundation", Title.MR, "عمر عبدالعزيز جعفر بن عقيل", ""),
]  # fmt: skip

ORGANIZATIONS_AR = {
    "وكالة تنمية المنشآت الصغيرة والأصغر (SMEPS) - فرع حضرموت",
    "ديوان محافظة حضرموت - مكتب وكيل المحافظة لشئون الشباب",
    "ديوان محافظة حضرموت - مكتب وكيل المحافظة لشئون الساحل",
    "الصندوق الاجتماعي للتنمية",
    "اللجنة الوطنية للمرأة - ساحل حضرموت",
    "مؤسسة العون للتنمية",
    "مؤسسة روابي الخير التنموية",
    "صندوق التمويل الأصغر (الصندوق الدوار)",
    "مؤسسة نهد التنموية",
}


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True


def _counts() -> dict:
    return {
        "organizations": Organization.objects.count(),
        "contacts": Contact.objects.count(),
        "districts": District.objects.count(),
        "services": ServiceOffering.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_loading_the_demo_twice_creates_no_duplicates(db, debug_on):
    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first
    assert first["organizations"] == 9
    assert first["contacts"] == 8
    assert first["districts"] == 28
    assert first["users"] == 4
    assert set(Organization.objects.values_list("name_ar", flat=True)) == ORGANIZATIONS_AR


@pytest.mark.parametrize(("organization", "title", "name_ar", "position_en"), PEOPLE, ids=[p[2] for p in PEOPLE])
def test_each_person_of_the_seed_belongs_to_their_organization_with_their_position(
    db, organization, title, name_ar, position_en
):
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    contact = Contact.objects.select_related("organization").get(full_name_ar=name_ar)
    assert contact.organization.name_en == organization
    assert contact.title == title
    assert contact.position_en == position_en
    assert contact.full_name_en


def test_the_partner_login_is_a_member_of_al_awn(db, debug_on):
    report = io.StringIO()
    call_command("load_demo", stdout=report)
    assert "partner" in report.getvalue()
    users = get_user_model().objects
    partner = users.get(username="partner")
    assert partner.membership.organization.name_ar == "مؤسسة العون للتنمية"
    assert partner_organization_id(partner) == partner.membership.organization_id
    assert is_agency_staff(users.get(username="staff"))
    assert is_governor_office(users.get(username="governor"))
    assert users.get(username="admin").is_superuser


def test_the_demo_service_offerings_are_marked_as_examples(db):
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    assert ServiceOffering.objects.exists()
    assert not ServiceOffering.objects.filter(is_example=False).exists()


def test_with_debug_off_the_demo_refuses_to_create_logins(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--no-logins"):
        call_command("load_demo")
    assert _counts()["users"] == 0
    assert _counts()["organizations"] == 0


def test_with_debug_off_the_demo_loads_the_data_without_logins(db, settings):
    settings.DEBUG = False
    call_command("load_demo", "--no-logins", stdout=io.StringIO())
    assert _counts()["organizations"] == 9
    assert _counts()["users"] == 0


def test_the_demo_logins_are_named_in_arabic_with_the_english_beside(db, debug_on, client):
    report = io.StringIO()
    call_command("load_demo", stdout=report)
    staff = get_user_model().objects.select_related("profile").get(username="staff")
    assert (staff.profile.name_ar, staff.profile.name_en) == ("أوسينا باحيدان", "Awsina Bahaidan")
    assert "Awsina Bahaidan / أوسينا باحيدان" in report.getvalue()
    for username in ("admin", "partner", "governor"):
        profile = get_user_model().objects.get(username=username).profile
        assert profile.name_ar and profile.name_en
    client.force_login(staff)
    arabic = client.get("/ar/").content.decode()
    assert "أوسينا باحيدان" in arabic and "Awsina" not in arabic
