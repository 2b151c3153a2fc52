"""Workshops: invited partners register who will come, within the capacity."""

import pytest

from meetings.models import MeetingStatus, WorkshopRegistration
from meetings.services import meetings as services

from . import factories as mf


@pytest.fixture
def workshop_ab(smeps, org_a, org_b):
    workshop = mf.workshop(host=smeps, capacity=3)
    mf.invite(workshop, smeps, org_a, org_b)
    return workshop


def register(client, workshop, names: list[str], **extra):
    return client.post(f"/en/meetings/{workshop.pk}/register/", {"attendee_names": "\n".join(names), **extra})


def test_a_partner_registers_names_for_their_organization(member_a_client, workshop_ab, org_a):
    response = register(member_a_client, workshop_ab, ["أحمد سالم", "  ", "فاطمة عمر"])
    assert response.status_code == 302
    registration = WorkshopRegistration.objects.get()
    assert (registration.organization, registration.count) == (org_a, 2)
    assert registration.names == ["أحمد سالم", "فاطمة عمر"]
    assert registration.registered_by.username == "member_a"


def test_registering_again_replaces_the_names_and_an_empty_list_withdraws(member_a_client, workshop_ab):
    register(member_a_client, workshop_ab, ["أحمد"])
    register(member_a_client, workshop_ab, ["سالم", "عمر"])
    assert WorkshopRegistration.objects.get().names == ["سالم", "عمر"]
    register(member_a_client, workshop_ab, [])
    assert not WorkshopRegistration.objects.exists()


def test_the_capacity_is_never_passed(member_a_client, member_b_client, workshop_ab):
    assert register(member_a_client, workshop_ab, ["أ", "ب"]).status_code == 302
    response = register(member_b_client, workshop_ab, ["ج", "د"])
    assert response.status_code == 200
    assert "Only 1 seat is left in this workshop" in response.content.decode()
    assert register(member_b_client, workshop_ab, ["ج"]).status_code == 302
    assert sum(WorkshopRegistration.objects.values_list("count", flat=True)) == 3


def test_the_service_counts_the_seats_under_a_lock(workshop_ab, org_a, org_b, member_a):
    services.workshop_register(meeting=workshop_ab, organization=org_a, names=["أ", "ب", "ج"], user=member_a)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.workshop_register(meeting=workshop_ab, organization=org_b, names=["د"], user=member_a)


def test_an_organization_not_invited_cannot_register(workshop_ab, member_a, staff):
    from django.core.exceptions import ValidationError

    outsider = mf.factories.OrganizationFactory()
    with pytest.raises(ValidationError):
        services.workshop_register(meeting=workshop_ab, organization=outsider, names=["x"], user=staff)


def test_registration_closes_when_the_workshop_is_no_longer_planned_ahead(member_a_client, workshop_ab):
    type(workshop_ab).objects.filter(pk=workshop_ab.pk).update(status=MeetingStatus.CANCELLED)
    response = register(member_a_client, workshop_ab, ["أحمد"])
    assert response.status_code == 200
    assert not WorkshopRegistration.objects.exists()


def test_staff_register_for_an_invited_organization(staff_client, workshop_ab, org_b):
    assert register(staff_client, workshop_ab, ["أحمد"], organization=org_b.pk).status_code == 302
    assert WorkshopRegistration.objects.get().organization == org_b


def test_a_partner_sees_only_their_own_registration(member_a_client, member_b_client, workshop_ab):
    register(member_b_client, workshop_ab, ["اسم سري"])
    register(member_a_client, workshop_ab, ["اسم ظاهر"])
    html = member_a_client.get(f"/en/meetings/{workshop_ab.pk}/").content.decode()
    assert "اسم ظاهر" in html and "اسم سري" not in html


def test_lowering_the_capacity_below_the_registered_seats_is_refused(workshop_ab, org_a, member_a):
    services.workshop_register(meeting=workshop_ab, organization=org_a, names=["أ", "ب"], user=member_a)
    workshop_ab.capacity = 1
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        services.meeting_save(meeting=workshop_ab, expected_version=workshop_ab.version)
    assert "capacity" in raised.value.error_dict
