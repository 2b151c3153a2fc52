"""The home page and the navigation: what each role is offered."""

import re

import pytest

from partners.models import Organization, PartnerRole
from tests import factories


def nav_links(html: str) -> list[str]:
    nav = html[html.index('id="portal-nav"') : html.index("</nav>")]
    return re.findall(r'<a class="nav-link[^"]*" href="([^"]+)"', nav)


def current_links(html: str) -> list[str]:
    return re.findall(r'<a class="nav-link active" href="([^"]+)" aria-current="page"', html)


def test_anonymous_visitors_are_offered_to_sign_in_and_no_sections(anonymous_client):
    html = anonymous_client.get("/ar/").content.decode()
    assert 'href="/ar/accounts/login/"' in html
    assert nav_links(html) == []


@pytest.mark.parametrize("persona", ["member_a", "governor"])
def test_partner_members_and_the_governors_office_see_the_registry_but_not_the_admin(persona, client_as):
    links = nav_links(client_as(persona).get("/ar/").content.decode())
    assert links[:2] == ["/ar/partners/", "/ar/partners/services/"] and "/ar/admin/" not in links


def test_staff_also_see_the_administration(staff_client):
    links = nav_links(staff_client.get("/ar/").content.decode())
    assert links[:2] == ["/ar/partners/", "/ar/partners/services/"] and links[-1] == "/ar/admin/"


@pytest.mark.parametrize(
    ("path", "current"),
    [("/ar/partners/", "/ar/partners/"), ("/ar/partners/services/", "/ar/partners/services/"), ("/ar/", None)],
)
def test_one_navigation_entry_is_marked_as_the_current_section(staff_client, path, current):
    html = staff_client.get(path).content.decode()
    assert current_links(html) == ([current] if current else [])


def test_a_user_without_a_role_is_told_to_ask_for_one(client, db):
    user = factories.UserFactory(username="nobody")
    client.force_login(user)
    response = client.get("/en/")
    assert "Your account is not linked to a role in the portal yet." in response.content.decode()
    assert client.get("/en/partners/").status_code == 403


def test_a_partner_member_sees_their_organization_on_the_home_page(member_a_client, org_a):
    factories.ServiceOfferingFactory(organization=org_a)
    factories.ServiceOfferingFactory(organization=org_a, is_active=False)
    response = member_a_client.get("/en/")
    html = response.content.decode()
    assert org_a.name_en in html
    assert f'href="/en/partners/{org_a.pk}/"' in html
    assert "1 service recorded" in html


def test_staff_and_the_governors_office_see_the_registrys_counts(staff_client, governor_client):
    factories.OrganizationFactory(role=PartnerRole.LENDING)
    factories.OrganizationFactory(role=PartnerRole.EMPOWERMENT)
    factories.OrganizationFactory(role=PartnerRole.BOTH, is_active=False)
    factories.ServiceOfferingFactory(organization=Organization.objects.filter(is_active=True).first())
    for client in (staff_client, governor_client):
        html = client.get("/en/").content.decode()
        assert "2 organizations" in html
        assert "1 lending partner" in html
        assert "1 service offered" in html
