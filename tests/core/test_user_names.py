"""Users are named in the page's language: a display name in Arabic and English (core.UserProfile)
used by one filter, `user_name`, wherever a page names a user, and isolated from the text around."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.models import UserProfile
from core.users import user_display_name
from meetings.services import documents as document_services
from tests import factories


@pytest.fixture
def awsina(db):
    user = factories.staff_user(username="awsina", first_name="Awsina", last_name="Bahaidan")
    UserProfile.objects.create(user=user, name_ar="أوسينا باحيدان", name_en="Awsina Bahaidan")
    return user


def test_the_display_name_follows_the_language_and_falls_back(awsina, db):
    with translation.override("ar"):
        assert user_display_name(awsina) == "أوسينا باحيدان"
    with translation.override("en"):
        assert user_display_name(awsina) == "Awsina Bahaidan"
    arabic_only = factories.UserFactory(username="arabic_only")
    UserProfile.objects.create(user=arabic_only, name_ar="خولة سكارو")
    with translation.override("en"):
        assert user_display_name(arabic_only) == "خولة سكارو"
    assert user_display_name(factories.UserFactory(username="plain", first_name="Omar")) == "Omar"
    assert user_display_name(factories.UserFactory(username="nameless")) == "nameless"
    assert user_display_name(None) == ""


def test_the_navbar_names_the_signed_in_user_in_arabic_on_arabic_pages(client, awsina):
    client.force_login(awsina)
    arabic = client.get("/ar/").content.decode()
    assert "<bdi>أوسينا باحيدان</bdi>" in arabic
    assert "Awsina Bahaidan" not in arabic
    assert "<bdi>Awsina Bahaidan</bdi>" in client.get("/en/").content.decode()


def test_the_signed_in_users_display_name_costs_no_extra_query(client, awsina, django_assert_num_queries):
    client.force_login(awsina)
    client.get("/ar/")  # warm caches (session, groups)
    from django.contrib.auth import get_user
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    user = get_user(request)
    with django_assert_num_queries(0):
        assert user_display_name(user)


def test_the_history_of_an_organization_names_who_changed_it_in_arabic(client, awsina, org_a):
    org_a.name_en = "Al-Awn Foundation"
    org_a._history_user = awsina
    org_a.save()
    client.force_login(awsina)
    page = client.get(f"/ar/partners/{org_a.pk}/history/").content.decode()
    assert "<bdi>أوسينا باحيدان</bdi>" in page


def test_a_note_on_a_document_names_its_author_in_the_pages_language(client, awsina, org_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.meetings import factories as mf

    meeting = mf.MeetingFactory()
    mf.invite(meeting, org_a)
    document = document_services.document_create(
        meeting=meeting, title_ar="مسودة", upload=SimpleUploadedFile("d.pdf", mf.PDF_BYTES), user=awsina
    )
    document_services.document_note_add(document=document, text="ملاحظة", user=awsina)
    client.force_login(awsina)
    assert "<bdi>أوسينا باحيدان</bdi>" in client.get(f"/ar/meetings/documents/{document.pk}/").content.decode()
    assert "<bdi>Awsina Bahaidan</bdi>" in client.get(f"/en/meetings/documents/{document.pk}/").content.decode()


def test_a_name_with_a_right_to_left_override_cannot_reorder_the_sentence(db):
    user = factories.UserFactory(username="tricky")
    UserProfile.objects.create(user=user, name_ar="\u202eعكس", name_en="\u202eevil")
    html = Template("{% load portal %}{{ user|user_name|bdi }} wrote").render(Context({"user": user}))
    assert html.startswith("<bdi>") and html.endswith("</bdi> wrote")
