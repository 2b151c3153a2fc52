"""Workshops: invited partners register who will come, within the capacity."""

import pytest
from django.utils import translation

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


# --- a closed registration says why, and what to do -------------------------------------------


def closed_notice(client, workshop) -> str:
    response = client.get(f"/en/meetings/{workshop.pk}/register/")
    assert response.status_code == 200
    assert response.context["registration_closed"] is not None
    assert "<textarea" not in response.content.decode()  # no form to fill in vain
    return " ".join(response.content.decode().split())


def test_a_cancelled_workshop_says_so_and_whom_to_ask(member_a_client, workshop_ab, smeps):
    type(workshop_ab).objects.filter(pk=workshop_ab.pk).update(status=MeetingStatus.CANCELLED)
    page = closed_notice(member_a_client, workshop_ab)
    assert "This workshop was cancelled." in page
    assert f"contact the organizer, {smeps.name_en}." in page


def test_a_workshop_that_began_says_registration_closed_when_it_began(member_a_client, staff_client, workshop_ab):
    starts = mf.days_from_now(-1)
    type(workshop_ab).objects.filter(pk=workshop_ab.pk).update(starts_at=starts, ends_at=mf.days_from_now(1))
    page = closed_notice(member_a_client, workshop_ab)
    assert f"This workshop began on {starts:%d/%m/%Y}: registration closed when it began." in page
    assert "To bring someone now, contact the organizer" in page
    assert "Record who came on the attendance page" in closed_notice(staff_client, workshop_ab)
    assert "began on" in register(member_a_client, workshop_ab, ["أحمد"]).content.decode()
    assert not WorkshopRegistration.objects.exists()


def test_a_held_workshop_reads_as_held_not_as_closed(member_a_client, workshop_ab):
    type(workshop_ab).objects.filter(pk=workshop_ab.pk).update(
        starts_at=mf.days_from_now(-30), ends_at=mf.days_from_now(-30, hour=13), status=MeetingStatus.HELD
    )
    workshop_ab.refresh_from_db()
    page = closed_notice(member_a_client, workshop_ab)
    assert f"This workshop was held on {workshop_ab.starts_at:%d/%m/%Y}." in page
    overview = member_a_client.get(f"/en/meetings/{workshop_ab.pk}/").content.decode()
    assert "was held on" in overview
    assert "closed" not in overview.lower()
    assert "seats left" not in overview


def test_a_full_workshop_says_so_to_the_others_and_lets_the_registered_change(
    member_a_client, member_b_client, staff_client, workshop_ab, org_a
):
    assert register(member_a_client, workshop_ab, ["أ", "ب", "ج"]).status_code == 302
    page = closed_notice(member_b_client, workshop_ab)
    assert "The workshop is full: all its 3 seats are taken." in page
    assert "to ask whether a seat becomes free" in page
    assert "<textarea" in member_a_client.get(f"/en/meetings/{workshop_ab.pk}/register/").content.decode()
    assert register(member_a_client, workshop_ab, ["أ"]).status_code == 302
    assert WorkshopRegistration.objects.get(organization=org_a).count == 1


def test_an_organization_not_invited_is_told_whom_to_ask(workshop_ab, smeps):
    from meetings.models.committees import registration_closed

    with translation.override("en"):
        closed = registration_closed(workshop_ab, invited=False, seats_taken=0)
    assert closed.reason == "not_invited"
    assert closed.message == "Your organization is not invited to this workshop."
    assert closed.advice == f"Ask {smeps.name_en} to add your organization to the invited organizations."


def test_the_service_names_the_organization_that_is_not_invited(workshop_ab, staff):
    from django.core.exceptions import ValidationError

    outsider = mf.factories.OrganizationFactory(name_en="Outsider Foundation")
    with pytest.raises(ValidationError) as raised, translation.override("en"):
        services.workshop_register(meeting=workshop_ab, organization=outsider, names=["x"], user=staff)
    assert raised.value.messages == ["Outsider Foundation is not invited to this workshop."]


def test_an_open_workshop_shows_the_form_and_the_seats_left(member_a_client, workshop_ab):
    response = member_a_client.get(f"/en/meetings/{workshop_ab.pk}/register/")
    assert response.context["registration_closed"] is None
    assert "3 seats are left." in response.content.decode()
