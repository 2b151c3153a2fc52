"""Searching the directory in Arabic: the typed word matches however the name was written."""

import pytest
from django.db import connection

from partners.models import Organization
from tests import factories


def search(client, query: str) -> set[str]:
    response = client.get("/ar/partners/", {"q": query})
    assert response.status_code == 200
    return {org.name_ar for org in response.context["page"].object_list}


@pytest.fixture
def orgs(db):
    awn = factories.OrganizationFactory(name_ar="مؤسسة العون للتنمية", name_en="Al-Awn Foundation")
    factories.ContactFactory(organization=awn, full_name_ar="أحمد سالم الصبان", full_name_en="Ahmed Al-Sabban")
    smeps = factories.OrganizationFactory(name_ar="وكالة تنمية المنشآت", name_en="SMEPS Hadramout", short_name="SMEPS")
    factories.ContactFactory(organization=smeps, full_name_ar="أوسينا عمر بَاحِيدَان")
    fund = factories.OrganizationFactory(name_ar="صندوق التمويل الأصغر", name_en="Microfinance Fund")
    sfd = factories.OrganizationFactory(name_ar="الصندوق الاجتماعي للتنمية", name_en="Social Fund for Development")
    nahd = factories.OrganizationFactory(name_ar="مؤسسه نهد", name_en="Nahd")
    factories.ContactFactory(organization=nahd, full_name_ar="مصطفى باحيـــدان")
    return {"awn": awn.name_ar, "smeps": smeps.name_ar, "fund": fund.name_ar, "sfd": sfd.name_ar, "nahd": nahd.name_ar}


def test_a_name_typed_without_hamza_finds_the_contact_written_with_it(staff_client, orgs):
    assert search(staff_client, "احمد") == {orgs["awn"]}


def test_a_name_typed_with_hamza_finds_the_same_contact(staff_client, orgs):
    assert search(staff_client, "أحمد") == {orgs["awn"]}


def test_a_plain_word_finds_the_same_word_written_with_diacritics_or_tatweel(staff_client, orgs):
    assert search(staff_client, "باحيدان") == {orgs["smeps"], orgs["nahd"]}


@pytest.mark.parametrize("typed", ["بَاحِيدَان", "باحيـــدان"])
def test_a_word_typed_with_diacritics_or_tatweel_finds_the_plain_and_decorated_forms(staff_client, orgs, typed):
    assert search(staff_client, typed) == {orgs["smeps"], orgs["nahd"]}


def test_haa_finds_taa_marbuta_and_taa_marbuta_finds_haa(staff_client, orgs):
    assert search(staff_client, "مؤسسه") == {orgs["awn"], orgs["nahd"]}
    assert search(staff_client, "مؤسسة") == {orgs["awn"], orgs["nahd"]}


def test_yaa_finds_alef_maqsura(staff_client, orgs):
    assert search(staff_client, "مصطفي") == {orgs["nahd"]}
    assert search(staff_client, "مصطفى") == {orgs["nahd"]}


def test_a_word_with_the_article_finds_the_word_without_it(staff_client, orgs):
    assert search(staff_client, "الصندوق") == {orgs["fund"], orgs["sfd"]}


def test_a_word_without_the_article_finds_the_word_with_it(staff_client, orgs):
    assert search(staff_client, "صندوق") == {orgs["fund"], orgs["sfd"]}


def test_latin_names_and_short_names_match_whatever_the_case(staff_client, orgs):
    assert search(staff_client, "smeps") == {orgs["smeps"]}
    assert search(staff_client, "SOCIAL fund") == {orgs["sfd"]}


def test_a_word_that_is_nowhere_finds_nothing(staff_client, orgs):
    assert search(staff_client, "زعفران") == set()


def test_every_word_of_the_query_must_match(staff_client, orgs):
    assert search(staff_client, "صندوق اجتماعي") == {orgs["sfd"]}
    assert search(staff_client, "صندوق زعفران") == set()


def test_a_changed_contact_name_is_found_under_the_new_name(staff_client, orgs):
    contact = Organization.objects.get(name_ar=orgs["awn"]).contacts.get()
    contact.full_name_ar = "خالد عوض"
    contact.save()
    assert search(staff_client, "خالد") == {orgs["awn"]}
    assert search(staff_client, "احمد") == set()


def test_the_services_list_searches_organizations_the_same_way(staff_client, orgs):
    factories.ServiceOfferingFactory(organization=Organization.objects.get(name_ar=orgs["awn"]))
    factories.ServiceOfferingFactory(organization=Organization.objects.get(name_ar=orgs["sfd"]))
    response = staff_client.get("/ar/partners/services/", {"q": "احمد"})
    assert [s.organization.name_ar for s in response.context["page"].object_list] == [orgs["awn"]]


needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL only")


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("باخيدان", "smeps"),  # a letter changed in the middle (ح -> خ)
        ("باحيدات", "smeps"),  # the last letter changed
        ("باحدان", "smeps"),  # a letter left out
        ("باحييدان", "smeps"),  # a letter doubled
        ("الاجتماغي", "sfd"),  # a letter changed in a word typed with the article
        ("Devolopment", "sfd"),  # Latin words too
    ],
)
def test_on_postgresql_a_one_letter_typo_in_a_long_word_still_matches(staff_client, orgs, typed, key):
    assert orgs[key] in search(staff_client, typed)


@pytest.mark.postgres
@needs_postgres
def test_on_postgresql_a_different_long_word_does_not_match(staff_client, orgs):
    assert search(staff_client, "مستشفيات") == set()
    assert search(staff_client, "بامطرف") == set()
