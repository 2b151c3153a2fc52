"""Creating and editing organizations, their contacts and services, by role."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from core.concurrency import STALE_EDIT_MESSAGE
from partners.models import (
    Contact,
    District,
    MemberInvitation,
    Membership,
    Organization,
    OrganizationKind,
    PartnerRole,
    ServiceKind,
    ServiceOffering,
)
from tests import factories


def url(name: str, *args) -> str:
    with translation.override("ar"):
        return reverse(f"partners:{name}", args=args)


def organization_data(org: Organization, **changes) -> dict:
    data = {
        "name_ar": org.name_ar,
        "name_en": org.name_en,
        "short_name": org.short_name,
        "kind": org.kind,
        "role": org.role,
        "description_ar": org.description_ar,
        "description_en": org.description_en,
        "districts": [district.pk for district in org.districts.all()],
        "phone": org.phone,
        "email": org.email,
        "website": org.website,
        "address_ar": org.address_ar,
        "address_en": org.address_en,
        "version": org.version,
    }
    if org.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def contact_data(**changes) -> dict:
    return {
        "title": "mr",
        "full_name_ar": "سالم عوض",
        "full_name_en": "Salem Awad",
        "phone": "+967 5 300000",
        **changes,
    }


def service_data(**changes) -> dict:
    return {
        "kind": ServiceKind.LOAN,
        "title_ar": "قروض صغيرة",
        "title_en": "Small loans",
        "segments": [factories.segment("university_graduates").pk],
        "sizes": [factories.size("small").pk],
        "districts": [factories.district("المكلا").pk],
        "loan_min_yer": "100000",
        "loan_max_yer": "900000",
        "is_active": "on",
        **changes,
    }


def snapshot() -> dict:
    """Everything a write could change, to show that a refused POST changed nothing."""
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "contacts": list(Contact.objects.order_by("pk").values()),
        "services": list(ServiceOffering.objects.order_by("pk").values()),
        "memberships": list(Membership.objects.order_by("pk").values()),
        "invitations": MemberInvitation.objects.count(),
    }


@pytest.fixture
def contact_a(org_a):
    return factories.ContactFactory(organization=org_a)


@pytest.fixture
def service_a(org_a):
    return factories.ServiceOfferingFactory(organization=org_a)


@pytest.fixture
def contact_b(org_b):
    return factories.ContactFactory(organization=org_b)


@pytest.fixture
def service_b(org_b):
    return factories.ServiceOfferingFactory(organization=org_b)


# --- staff -------------------------------------------------------------------------------------


def test_staff_create_an_organization(staff_client):
    mukalla = factories.district("المكلا")
    response = staff_client.post(
        url("organization_create"),
        {
            "name_ar": "بنك الأمل",
            "name_en": "Al-Amal Bank",
            "short_name": "AMAL",
            "kind": OrganizationKind.BANK,
            "role": PartnerRole.LENDING,
            "districts": [mukalla.pk],
            "is_active": "on",
        },
    )
    org = Organization.objects.get(name_ar="بنك الأمل")
    assert response.status_code == 302
    assert response["Location"] == org.get_absolute_url()
    assert (org.kind, org.role, org.version) == (OrganizationKind.BANK, PartnerRole.LENDING, 1)
    assert list(org.districts.all()) == [mukalla]


def test_staff_cannot_create_two_organizations_with_the_same_arabic_name(staff_client, org_a):
    response = staff_client.post(
        url("organization_create"),
        {"name_ar": org_a.name_ar, "kind": OrganizationKind.BANK, "role": PartnerRole.LENDING},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Organization.objects.filter(name_ar=org_a.name_ar).count() == 1


def test_staff_edit_any_organization_including_its_classification(staff_client, org_b):
    response = staff_client.post(
        url("organization_edit", org_b.pk),
        organization_data(org_b, name_en="Nahd Foundation", kind=OrganizationKind.BANK, is_active=None),
    )
    assert response.status_code == 302
    org_b.refresh_from_db()
    assert (org_b.name_en, org_b.kind, org_b.is_active, org_b.version) == (
        "Nahd Foundation",
        OrganizationKind.BANK,
        False,
        2,
    )


# --- a partner member --------------------------------------------------------------------------


def test_a_partner_member_edits_their_own_organization(member_a_client, org_a):
    response = member_a_client.post(url("organization_edit", org_a.pk), organization_data(org_a, phone="+967 5 123456"))
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.phone == "+967 5 123456"


def test_a_partner_members_form_has_no_kind_role_or_active_fields(member_a_client, org_a):
    form = member_a_client.get(url("organization_edit", org_a.pk)).context["form"]
    assert {"kind", "role", "is_active"}.isdisjoint(form.fields)
    assert "name_ar" in form.fields


def test_a_partner_member_cannot_change_kind_role_or_active_by_posting_them(member_a_client, org_a):
    before = (org_a.kind, org_a.role, org_a.is_active)
    response = member_a_client.post(
        url("organization_edit", org_a.pk),
        organization_data(org_a, kind=OrganizationKind.BANK, role=PartnerRole.EMPOWERMENT, is_active=None),
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert (org_a.kind, org_a.role, org_a.is_active) == before


def test_a_partner_member_adds_edits_and_deletes_their_organizations_contacts(member_a_client, org_a):
    assert member_a_client.post(url("contact_create", org_a.pk), contact_data()).status_code == 302
    contact = org_a.contacts.get()
    assert contact.full_name_ar == "سالم عوض"
    response = member_a_client.post(
        url("contact_edit", org_a.pk, contact.pk), contact_data(position_ar="مدير المشاريع", version=contact.version)
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.position_ar == "مدير المشاريع"
    assert member_a_client.post(url("contact_delete", org_a.pk, contact.pk)).status_code == 302
    assert not org_a.contacts.exists()


def test_a_partner_member_adds_edits_and_deletes_their_organizations_services(member_a_client, org_a):
    assert member_a_client.post(url("service_create", org_a.pk), service_data()).status_code == 302
    service = org_a.services.get()
    assert [s.code for s in service.segments.all()] == ["university_graduates"]
    response = member_a_client.post(
        url("service_edit", org_a.pk, service.pk),
        service_data(kind=ServiceKind.GRANT, loan_min_yer="", loan_max_yer="", version=service.version),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.kind, service.loan_min_yer) == (ServiceKind.GRANT, None)
    assert member_a_client.post(url("service_delete", org_a.pk, service.pk)).status_code == 302
    assert not org_a.services.exists()


def _write_urls_of_b(org_b, contact_b, service_b) -> list[tuple[str, dict]]:
    return [
        (url("organization_edit", org_b.pk), organization_data(org_b, name_en="Taken over")),
        (url("contact_create", org_b.pk), contact_data()),
        (url("contact_edit", org_b.pk, contact_b.pk), contact_data(version=contact_b.version)),
        (url("contact_delete", org_b.pk, contact_b.pk), {}),
        (url("service_create", org_b.pk), service_data()),
        (url("service_edit", org_b.pk, service_b.pk), service_data(version=service_b.version)),
        (url("service_delete", org_b.pk, service_b.pk), {}),
    ]


def test_a_partner_member_cannot_edit_another_organization(member_a_client, org_b, contact_b, service_b):
    before = snapshot()
    for target, data in _write_urls_of_b(org_b, contact_b, service_b):
        assert member_a_client.get(target).status_code == 404, target
        assert member_a_client.post(target, data).status_code == 404, target
    assert snapshot() == before


def test_a_partner_member_cannot_reach_another_organizations_contact_or_service_through_their_own(
    member_a_client, org_a, contact_b, service_b
):
    before = snapshot()
    for target in (
        url("contact_edit", org_a.pk, contact_b.pk),
        url("contact_delete", org_a.pk, contact_b.pk),
        url("service_edit", org_a.pk, service_b.pk),
        url("service_delete", org_a.pk, service_b.pk),
    ):
        assert member_a_client.post(target, {}).status_code == 404, target
    assert snapshot() == before


def test_a_partner_member_sees_edit_links_on_their_own_organization_only(member_a_client, org_a, org_b):
    own = member_a_client.get(url("organization_detail", org_a.pk)).content.decode()
    other = member_a_client.get(url("organization_detail", org_b.pk)).content.decode()
    assert url("organization_edit", org_a.pk) in own
    assert url("organization_edit", org_b.pk) not in other
    assert url("contact_create", org_b.pk) not in other


def test_inactive_services_show_to_their_organization_but_not_to_others(member_a_client, member_b_client, org_a):
    factories.ServiceOfferingFactory(organization=org_a, title_ar="خدمة موقوفة", is_active=False)
    assert "خدمة موقوفة" in member_a_client.get(url("organization_detail", org_a.pk)).content.decode()
    assert "خدمة موقوفة" not in member_b_client.get(url("organization_detail", org_a.pk)).content.decode()


def test_a_suspended_member_loses_access_to_their_organization(member_a, member_a_client, org_a):
    Membership.objects.filter(user=member_a).update(is_active=False)
    assert member_a_client.get(url("organization_edit", org_a.pk)).status_code == 403
    assert member_a_client.get(url("directory")).status_code == 403


# --- the governor's office ---------------------------------------------------------------------


def test_the_governors_office_reads_organizations(governor_client, org_a, contact_a):
    response = governor_client.get(url("organization_detail", org_a.pk))
    assert response.status_code == 200
    assert contact_a.full_name_ar in response.content.decode()
    assert url("organization_edit", org_a.pk) not in response.content.decode()


def test_the_governors_office_changes_nothing(governor_client, member_a, org_a, org_b, contact_b, service_b):
    membership = member_a.membership
    targets = [
        *_write_urls_of_b(org_b, contact_b, service_b),
        (url("organization_create"), {"name_ar": "جهة جديدة", "kind": "bank", "role": "lending"}),
        (url("organization_edit", org_a.pk), organization_data(org_a, name_en="Taken over")),
        (url("member_invite", org_a.pk), {"email": "new@example.org", "language": "ar"}),
        (url("membership_toggle", org_a.pk, membership.pk), {}),
    ]
    before = snapshot()
    for target, data in targets:
        assert governor_client.get(target).status_code in (403, 404), target
        assert governor_client.post(target, data).status_code in (403, 404), target
    assert snapshot() == before


# --- stale edits, validation, history ----------------------------------------------------------


def test_the_second_of_two_edits_opened_at_the_same_version_is_refused(staff_client, member_a_client, org_a):
    edit = url("organization_edit", org_a.pk)
    staff_form = staff_client.get(edit).context["form"]
    member_form = member_a_client.get(edit).context["form"]
    opened_at = staff_form["version"].value()
    assert member_form["version"].value() == opened_at

    first = member_a_client.post(edit, organization_data(org_a, name_en="First change", version=opened_at))
    assert first.status_code == 302
    second = staff_client.post(edit, organization_data(org_a, name_en="Second change", version=opened_at))

    assert second.status_code == 200
    with translation.override("ar"):
        message = str(STALE_EDIT_MESSAGE)
    assert message in second.context["form"].non_field_errors()
    assert second.content.decode().count(escape(message)) == 1
    org_a.refresh_from_db()
    assert org_a.name_en == "First change"
    assert org_a.version == opened_at + 1


def test_a_stale_service_edit_is_refused_and_the_first_change_kept(member_a_client, staff_client, service_a, org_a):
    edit = url("service_edit", org_a.pk, service_a.pk)
    opened_at = service_a.version
    assert staff_client.post(edit, service_data(title_ar="الأولى", version=opened_at)).status_code == 302
    response = member_a_client.post(edit, service_data(title_ar="الثانية", version=opened_at))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    service_a.refresh_from_db()
    assert service_a.title_ar == "الأولى"


def test_a_loan_range_with_the_smallest_above_the_largest_is_refused_beside_the_field(member_a_client, org_a):
    response = member_a_client.post(
        url("service_create", org_a.pk), service_data(loan_min_yer="2000000", loan_max_yer="1000000")
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["loan_max_yer"]
    assert 'id="error_1_id_loan_max_yer"' in response.content.decode()
    assert not org_a.services.exists()


def test_the_database_refuses_a_loan_range_with_the_smallest_above_the_largest(org_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceOffering.objects.create(
            organization=org_a, kind=ServiceKind.LOAN, title_ar="خطأ", loan_min_yer=10, loan_max_yer=5
        )


def test_the_history_lists_who_changed_what(staff, staff_client, member_a_client, org_a):
    staff.first_name, staff.last_name = "Awsina", "Bahaidan"
    staff.save()
    old_name = org_a.name_en
    staff_client.post(url("organization_edit", org_a.pk), organization_data(org_a, name_en="Al-Awn Foundation"))
    member_a_client.post(
        url("contact_create", org_a.pk), contact_data(full_name_ar="خولة سالم", full_name_en="Khawla Salem")
    )

    with translation.override("en"):
        response = staff_client.get(reverse("partners:organization_history", args=[org_a.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        changes = response.context["page"].object_list
        assert [(c.who.username if c.who else None, c.what, c.action) for c in changes] == [
            ("member_a", "contact", "created"),
            ("staff", "organization", "changed"),
            (None, "organization", "created"),
        ]
        assert [(str(label), old, new) for label, old, new in changes[1].fields] == [
            ("name (English)", old_name, "Al-Awn Foundation")
        ]
    assert "Awsina Bahaidan" in html
    assert old_name in html and "Al-Awn Foundation" in html
    assert "Contact “Khawla Salem” was added." in html  # the English page names records in English
    with translation.override("ar"):
        arabic = staff_client.get(reverse("partners:organization_history", args=[org_a.pk])).content.decode()
    assert "خولة سالم" in arabic
    assert "system" in html  # the organization was created outside a request


def test_the_history_shows_districts_served_before_and_after_a_change(staff_client, member_a_client, org_a):
    mukalla, shihr = District.objects.get(name_ar="المكلا"), District.objects.get(name_ar="الشحر")
    org_a.districts.set([mukalla])
    org_a.refresh_from_db()

    member_a_client.post(url("organization_edit", org_a.pk), organization_data(org_a, districts=[mukalla.pk, shihr.pk]))

    with translation.override("en"):
        changes = (
            staff_client.get(reverse("partners:organization_history", args=[org_a.pk])).context["page"].object_list
        )
        district_changes = [
            (old, new) for change in changes for label, old, new in change.fields if str(label) == "districts served"
        ]
    assert district_changes[0] == ("Al Mukalla", "Al Mukalla, Ash Shihr")
