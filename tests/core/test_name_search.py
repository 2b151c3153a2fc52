"""The directory finds people and organizations however "ibn" and "and the" are written, and the
rows saved before core.text learnt it are found too once the migration has recomputed them."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from partners.models import Contact, Organization
from tests import factories
from tests.partners.test_search import needs_postgres, search

recompute_migration = importlib.import_module("partners.migrations.0006_recompute_search_text")


@pytest.fixture
def directory(db):
    awn = factories.OrganizationFactory(name_ar="مؤسسة العون للتنمية")
    factories.ContactFactory(organization=awn, full_name_ar="جمعان سعيد بن ناصر")
    lending = factories.OrganizationFactory(name_ar="برنامج التمكين والإقراض")
    agency = factories.OrganizationFactory(name_ar="الوكالة الوطنية للتدريب")
    factories.ContactFactory(organization=agency, full_name_ar="سالم بن علي")
    return {"awn": awn.name_ar, "lending": lending.name_ar, "agency": agency.name_ar}


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("ابن ناصر", "awn"),
        ("إبن ناصر", "awn"),
        ("بن ناصر", "awn"),
        ("تمكين وإقراض", "lending"),
        ("والإقراض", "lending"),
        ("وكالة وطنية", "agency"),
    ],
)
def test_the_directory_finds_a_name_written_with_ibn_or_bin_and_the_article_after_waw(
    staff_client, directory, query, key
):
    assert search(staff_client, query) == {directory[key]}


def test_ibn_finds_only_the_names_whose_next_word_matches_too(staff_client, directory):
    assert search(staff_client, "ابن صالح") == set()
    assert search(staff_client, "ابن علي") == {directory["agency"]}


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("ابن ناصز", "awn"),  # ibn, and a typo in the long word (trigram path)
        ("تمكين وإقراظ", "lending"),  # the article after waw, and a typo
    ],
)
def test_on_postgresql_ibn_and_and_the_work_with_a_typo_in_the_other_word(staff_client, directory, query, key):
    assert search(staff_client, query) == {directory[key]}


def test_the_migration_recomputes_search_columns_stored_before_the_new_rules(staff_client, directory):
    # As a row saved before the rules were stored it: "ابن" kept, the article after waw kept.
    Contact.objects.filter(full_name_ar="جمعان سعيد بن ناصر").update(search_text="جمعان سعيد ابن ناصر")
    Organization.objects.filter(name_ar=directory["lending"]).update(search_text="برنامج تمكين والاقراض")
    recompute_migration.recompute(apps, connection.schema_editor())

    assert Organization.objects.get(name_ar=directory["lending"]).search_text.startswith("برنامج تمكين واقراض ")
    assert search(staff_client, "تمكين وإقراض") == {directory["lending"]}
    assert Contact.objects.get(full_name_ar="جمعان سعيد بن ناصر").search_text.startswith("جمعان سعيد بن ناصر ")
