"""The partner directory (/partners/) and the services list (/partners/services/)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.lists import PAGE_SIZE
from partners.models import Organization, OrganizationKind, PartnerRole, ServiceKind
from tests import factories
from tests.queries import count_queries

DIRECTORY = "/ar/partners/"
SERVICES = "/ar/partners/services/"


def names(response) -> list[str]:
    return [obj.name_ar for obj in response.context["page"].object_list]


def _organization_with_everything(n: int) -> Organization:
    org = factories.OrganizationFactory(
        districts=[factories.district("المكلا"), factories.district("الشحر")],
    )
    for kind in (ServiceKind.LOAN, ServiceKind.TRAINING):
        factories.ServiceOfferingFactory(
            organization=org,
            kind=kind,
            segments=[factories.segment("university_graduates"), factories.segment("school_dropouts")],
            sizes=[factories.size("micro")],
            districts=[factories.district("المكلا")],
            loan_min_yer=100_000,
            loan_max_yer=500_000,
        )
    factories.ContactFactory(organization=org)
    return org


@pytest.mark.parametrize("url", [DIRECTORY, SERVICES], ids=["directory", "services"])
def test_the_number_of_queries_does_not_grow_with_the_rows(url, staff_client):
    _organization_with_everything(0)
    with_one = count_queries(staff_client, url)
    for n in range(1, 30):
        _organization_with_everything(n)
    with_thirty = count_queries(staff_client, url)
    assert with_thirty == with_one


@pytest.mark.parametrize("url", [DIRECTORY, SERVICES], ids=["directory", "services"])
def test_the_number_of_queries_is_the_same_for_a_partner_member(url, org_a, member_a_client):
    _organization_with_everything(0)
    with_one = count_queries(member_a_client, url)
    for n in range(1, 30):
        _organization_with_everything(n)
    assert count_queries(member_a_client, url) == with_one


# --- filters -----------------------------------------------------------------------------------


@pytest.fixture
def registry(db):
    """Organizations that differ in one thing each, named after what the filters should find."""
    mukalla, shihr, say_un = factories.district("المكلا"), factories.district("الشحر"), factories.district("سيئون")
    graduates, dropouts = factories.segment("university_graduates"), factories.segment("school_dropouts")
    micro, small = factories.size("micro"), factories.size("small")
    orgs = {
        "bank_lender": factories.OrganizationFactory(
            name_ar="بنك الإقراض", kind=OrganizationKind.BANK, role=PartnerRole.LENDING, districts=[mukalla]
        ),
        "foundation_both": factories.OrganizationFactory(
            name_ar="مؤسسة شاملة", kind=OrganizationKind.FOUNDATION, role=PartnerRole.BOTH
        ),
        "committee_empowerment": factories.OrganizationFactory(
            name_ar="لجنة التمكين", kind=OrganizationKind.CIVIL_SOCIETY, role=PartnerRole.EMPOWERMENT
        ),
    }
    # The foundation serves Shihr only through a service; the committee trains dropouts, micro,
    # and has an inactive loan service in Say'un, which must not count.
    factories.ServiceOfferingFactory(
        organization=orgs["foundation_both"],
        kind=ServiceKind.LOAN,
        segments=[graduates],
        sizes=[small],
        districts=[shihr],
    )
    factories.ServiceOfferingFactory(
        organization=orgs["committee_empowerment"],
        kind=ServiceKind.TRAINING,
        segments=[dropouts],
        sizes=[micro],
    )
    factories.ServiceOfferingFactory(
        organization=orgs["committee_empowerment"],
        kind=ServiceKind.GRANT,
        segments=[graduates],
        sizes=[small],
        districts=[say_un],
        is_active=False,
    )
    return {
        "orgs": orgs,
        "districts": {"mukalla": mukalla, "shihr": shihr, "say_un": say_un},
        "segments": {"graduates": graduates, "dropouts": dropouts},
        "sizes": {"micro": micro, "small": small},
    }


def _found(client, registry, **params) -> set[str]:
    response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    by_name = {org.name_ar: key for key, org in registry["orgs"].items()}
    return {by_name[name] for name in names(response)}


def test_no_filter_lists_every_organization(staff_client, registry):
    assert _found(staff_client, registry) == {"bank_lender", "foundation_both", "committee_empowerment"}


def test_the_kind_filter_finds_organizations_of_that_kind(staff_client, registry):
    assert _found(staff_client, registry, kind=OrganizationKind.BANK) == {"bank_lender"}
    assert _found(staff_client, registry, kind=OrganizationKind.CIVIL_SOCIETY) == {"committee_empowerment"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (PartnerRole.LENDING, {"bank_lender", "foundation_both"}),
        (PartnerRole.EMPOWERMENT, {"committee_empowerment", "foundation_both"}),
        (PartnerRole.BOTH, {"foundation_both"}),
    ],
)
def test_the_role_filter_counts_partners_with_both_roles_as_lending_and_as_empowerment(
    role, expected, staff_client, registry
):
    assert _found(staff_client, registry, role=role) == expected


def test_the_district_filter_finds_organizations_serving_it_directly(staff_client, registry):
    assert _found(staff_client, registry, district=registry["districts"]["mukalla"].pk) == {"bank_lender"}


def test_the_district_filter_finds_organizations_serving_it_through_a_service(staff_client, registry):
    assert _found(staff_client, registry, district=registry["districts"]["shihr"].pk) == {"foundation_both"}


def test_the_district_filter_ignores_inactive_services(staff_client, registry):
    assert _found(staff_client, registry, district=registry["districts"]["say_un"].pk) == set()


def test_the_service_filter_finds_organizations_with_an_active_service_of_that_kind(staff_client, registry):
    assert _found(staff_client, registry, service=ServiceKind.LOAN) == {"foundation_both"}
    assert _found(staff_client, registry, service=ServiceKind.TRAINING) == {"committee_empowerment"}
    assert _found(staff_client, registry, service=ServiceKind.GRANT) == set()  # only an inactive one


def test_the_segment_filter_finds_organizations_serving_that_segment(staff_client, registry):
    assert _found(staff_client, registry, segment=registry["segments"]["graduates"].pk) == {"foundation_both"}
    assert _found(staff_client, registry, segment=registry["segments"]["dropouts"].pk) == {"committee_empowerment"}


def test_the_size_filter_finds_organizations_serving_that_project_size(staff_client, registry):
    assert _found(staff_client, registry, size=registry["sizes"]["small"].pk) == {"foundation_both"}
    assert _found(staff_client, registry, size=registry["sizes"]["micro"].pk) == {"committee_empowerment"}


def test_filters_combine(staff_client, registry):
    found = _found(staff_client, registry, role=PartnerRole.LENDING, segment=registry["segments"]["graduates"].pk)
    assert found == {"foundation_both"}


def test_the_services_list_filters_by_kind_segment_and_district(staff_client, registry):
    response = staff_client.get(SERVICES, {"service": ServiceKind.TRAINING})
    assert [s.organization.name_ar for s in response.context["page"].object_list] == ["لجنة التمكين"]
    response = staff_client.get(SERVICES, {"segment": registry["segments"]["graduates"].pk})
    assert [s.organization.name_ar for s in response.context["page"].object_list] == ["مؤسسة شاملة"]
    response = staff_client.get(SERVICES, {"district": registry["districts"]["say_un"].pk})
    assert list(response.context["page"].object_list) == []


# --- sorting -----------------------------------------------------------------------------------


@pytest.fixture
def sortable(db):
    """Three organizations whose order differs for every sort key."""
    first = factories.OrganizationFactory(name_ar="مؤسسة ا", kind=OrganizationKind.MICROFINANCE, role=PartnerRole.BOTH)
    second = factories.OrganizationFactory(name_ar="مؤسسة ب", kind=OrganizationKind.BANK, role=PartnerRole.LENDING)
    third = factories.OrganizationFactory(
        name_ar="مؤسسة ت", kind=OrganizationKind.FOUNDATION, role=PartnerRole.EMPOWERMENT
    )
    factories.ServiceOfferingFactory.create_batch(2, organization=second)
    factories.ServiceOfferingFactory(organization=first)
    now = timezone.now()
    for days, org in ((3, third), (2, first), (1, second)):
        Organization.objects.filter(pk=org.pk).update(updated_at=now - timedelta(days=days))
    return {"first": first.name_ar, "second": second.name_ar, "third": third.name_ar}


@pytest.mark.parametrize(
    ("key", "ascending"),
    [
        ("name", ["first", "second", "third"]),
        ("kind", ["second", "third", "first"]),  # bank, foundation, microfinance
        ("role", ["first", "third", "second"]),  # both, empowerment, lending
        ("services", ["third", "first", "second"]),  # 0, 1, 2
        ("updated", ["third", "first", "second"]),  # oldest first
    ],
)
def test_the_directory_sorts_by_each_column_both_ways(key, ascending, staff_client, sortable):
    expected = [sortable[label] for label in ascending]
    assert names(staff_client.get(DIRECTORY, {"sort": key})) == expected
    assert names(staff_client.get(DIRECTORY, {"sort": f"-{key}"})) == expected[::-1]


def test_a_column_header_links_to_the_other_direction(staff_client, sortable):
    html = staff_client.get(DIRECTORY, {"sort": "kind"}).content.decode()
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-kind" data-sort="kind">' in html
    html = staff_client.get(DIRECTORY, {"sort": "-kind"}).content.decode()
    assert '<th scope="col" aria-sort="descending"><a href="?sort=kind" data-sort="kind">' in html


def test_an_unknown_sort_key_falls_back_to_the_name(staff_client, sortable):
    response = staff_client.get(DIRECTORY, {"sort": "password"})
    assert response.status_code == 200
    assert names(response) == [sortable["first"], sortable["second"], sortable["third"]]


# --- pagination and empty states ---------------------------------------------------------------


def test_more_than_a_page_of_organizations_is_split_into_pages(staff_client):
    factories.OrganizationFactory.create_batch(PAGE_SIZE + 1)
    first = staff_client.get(DIRECTORY)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert first.context["page"].paginator.num_pages == 2
    assert "?page=2" in first.content.decode()
    second = staff_client.get(DIRECTORY, {"page": 2})
    assert len(second.context["page"].object_list) == 1
    assert set(names(first)).isdisjoint(names(second))


def test_a_page_number_out_of_range_shows_the_last_page(staff_client):
    factories.OrganizationFactory.create_batch(PAGE_SIZE + 1)
    response = staff_client.get(DIRECTORY, {"page": 99})
    assert response.status_code == 200
    assert response.context["page"].number == 2


def _empty_state(response) -> str:
    html = response.content.decode()
    assert 'class="empty-state' in html
    return html[html.index('class="empty-state') :]


def test_an_empty_directory_invites_staff_to_add_an_organization(staff_client):
    empty = _empty_state(staff_client.get("/en/partners/"))
    assert "The directory is empty." in empty
    assert 'href="/en/partners/new/"' in empty


def test_an_empty_directory_tells_the_governors_office_that_the_team_has_not_added_partners(governor_client):
    response = governor_client.get("/en/partners/")
    empty = _empty_state(response)
    assert "The SMEPS team has not added partner organizations yet." in empty
    assert "/en/partners/new/" not in response.content.decode()


def test_a_filtered_empty_result_offers_to_clear_the_filters(staff_client):
    factories.OrganizationFactory(kind=OrganizationKind.FOUNDATION)
    empty = _empty_state(staff_client.get("/en/partners/", {"kind": OrganizationKind.BANK}))
    assert "No organization matches these filters." in empty
    assert 'href="/en/partners/"' in empty


def test_an_empty_services_list_says_where_to_add_services(staff_client):
    empty = _empty_state(staff_client.get("/en/partners/services/"))
    assert "No services are recorded yet." in empty
    assert 'href="/en/partners/"' in empty


def test_a_filtered_empty_services_list_offers_to_clear_the_filters(staff_client):
    factories.ServiceOfferingFactory(kind=ServiceKind.LOAN)
    empty = _empty_state(staff_client.get("/en/partners/services/", {"service": ServiceKind.MENTORING}))
    assert "No partner offers this combination yet." in empty
    assert 'href="/en/partners/services/"' in empty


# --- who sees inactive organizations -----------------------------------------------------------


@pytest.fixture
def closed(db):
    return factories.OrganizationFactory(name_ar="مؤسسة مغلقة", is_active=False)


def test_inactive_organizations_are_listed_for_staff(staff_client, closed):
    assert closed.name_ar in names(staff_client.get(DIRECTORY))


@pytest.mark.parametrize("persona", ["member_a", "member_b", "governor"])
def test_inactive_organizations_are_hidden_from_partner_members_and_the_governors_office(persona, client_as, closed):
    listed = names(client_as(persona).get(DIRECTORY))
    assert closed.name_ar not in listed
    assert listed  # the active organizations are there


def test_a_partner_member_still_sees_their_own_organization_when_it_is_inactive(org_a, member_a_client):
    Organization.objects.filter(pk=org_a.pk).update(is_active=False)
    assert org_a.name_ar in names(member_a_client.get(DIRECTORY))


def test_services_of_inactive_organizations_are_hidden_from_the_governors_office(governor_client, closed):
    factories.ServiceOfferingFactory(organization=closed, title_ar="خدمة مغلقة")
    assert list(governor_client.get(SERVICES).context["page"].object_list) == []
