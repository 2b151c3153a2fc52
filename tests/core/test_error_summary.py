"""After a failed save the form starts with a summary of its problems ("N problems prevent saving"),
each linking to its field; faulty fields carry aria-invalid and point at their message. Works
without JavaScript; static/js/forms.js (loaded by every page) moves the focus to it."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.forms import error_summary
from tests import factories
from tests.meetings import factories as mf
from tests.partners.test_organization_views import organization_data
from tests.surveys import factories as survey_factories
from tests.surveys.factories import field, section_two, section_url


def summary_of(html: str) -> str:
    match = re.search(r"<div [^>]*data-error-summary[^>]*>.*?</ul>", html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def links_of(summary: str) -> list[str]:
    return re.findall(r'<a href="#([^"]+)"', summary)


def input_tag(html: str, element_id: str) -> str:
    match = re.search(rf'<(?:input|select|textarea)[^>]*\bid="{element_id}"[^>]*>', html)
    assert match, f"no input with id {element_id}"
    return match.group(0)


def test_a_failed_meeting_save_lists_both_problems_linked_to_their_fields(staff_client, org_a):
    meeting = mf.MeetingFactory(host=org_a)
    with translation.override("ar"):
        url = reverse("meetings:edit", args=[meeting.pk])
    data = {
        "kind": meeting.kind,
        "status": meeting.status,
        "title_ar": meeting.title_ar,
        "place_ar": "المكلا",
        "host": org_a.pk,
        "starts_at_0": "٣١/٠٢/٢٠١٨",
        "starts_at_1": "09:00",
        "ends_at_0": "31/01/2018",
        "ends_at_1": "25:00",
        "version": meeting.version,
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = summary_of(html)
    assert "مشكلتان تمنعان الحفظ" in summary
    assert "31/02/2018 ليس تاريخًا صحيحًا." in summary
    assert "25:00 ليس وقتًا صحيحًا." in summary
    assert links_of(summary) == ["id_starts_at_0", "id_ends_at_0"]
    assert 'aria-invalid="true"' in input_tag(html, "id_starts_at_0")
    assert 'aria-invalid="true"' in input_tag(html, "id_ends_at_1")
    assert 'aria-invalid="true"' not in input_tag(html, "id_title_ar")
    assert html.index("data-error-summary") < html.index('name="starts_at_0"'), "the summary comes first"


def test_a_failed_organization_save_counts_its_problems_in_english(member_a_client, org_a):
    with translation.override("en"):
        url = reverse("partners:organization_edit", args=[org_a.pk])
    response = member_a_client.post(url, organization_data(org_a, name_ar="", email="not an address", website="x y"))
    assert response.status_code == 200
    html = response.content.decode()
    summary = summary_of(html)
    assert "3 problems prevent saving" in summary
    assert links_of(summary) == ["id_name_ar", "id_email", "id_website"]
    email = input_tag(html, "id_email")
    assert 'aria-invalid="true"' in email
    described_by = re.search(r'aria-describedby="([^"]+)"', email).group(1).split()
    assert "id_email_error" in described_by
    assert 'id="id_email_error"' in html


def test_a_form_that_was_not_sent_has_no_summary(member_a_client, org_a):
    with translation.override("en"):
        html = member_a_client.get(reverse("partners:organization_edit", args=[org_a.pk])).content.decode()
    assert "data-error-summary" not in html
    assert "aria-invalid" not in html


def test_every_page_loads_the_forms_script(member_a_client, org_a):
    with translation.override("en"):
        html = member_a_client.get(reverse("partners:organization_edit", args=[org_a.pk])).content.decode()
    assert re.search(r'<script src="[^"]*js/forms\.js" defer></script>', html)


def test_the_questionnaire_page_lists_a_wrong_date_and_links_to_it(db, org_a):
    built = survey_factories.build_survey()
    invitation = survey_factories.invite(built.survey, org_a)
    date_field = field(built.q["figures_date"])
    response = Client().post(section_url(invitation, 2), section_two(built, figures_date="31/02/2018"))
    assert response.status_code == 200
    html = response.content.decode()
    summary = summary_of(html)
    assert "مشكلة واحدة تمنع الحفظ" in summary
    assert links_of(summary) == [f"id_{date_field}"]
    date_input = input_tag(html, f"id_{date_field}")
    assert 'aria-invalid="true"' in date_input
    assert 'type="text"' in date_input and 'inputmode="numeric"' in date_input
    assert f'id="id_{date_field}_error"' in html


def test_a_refused_sign_in_is_headed_as_such(client, db):
    factories.UserFactory(username="someone")
    with translation.override("en"):
        response = client.post(reverse("login"), {"username": "someone", "password": "wrong"})
    summary = summary_of(response.content.decode())
    assert "Could not sign you in" in summary
    assert "prevent" not in summary


class RowForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=[("member", "Member")])


def test_a_formsets_problems_name_their_row():
    formset_class = forms.formset_factory(RowForm, extra=0)
    formset = formset_class(
        {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-role": "member", "form-1-role": "chair"}
    )
    assert not formset.is_valid()
    with translation.override("en"):
        problems = error_summary(formset)
    assert [(problem["label"], problem["anchor"]) for problem in problems] == [("Row 2, Role", "id_form-1-role")]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_count_agrees_with_the_number_of_problems(language):
    class ThreeFields(forms.Form):
        a = forms.IntegerField(label="A")
        b = forms.IntegerField(label="B")
        c = forms.IntegerField(label="C")

    template = Template("{% load portal_forms %}{% error_summary form %}")
    headings = {}
    for count, data in ((1, {"a": "1", "b": "2"}), (3, {})):
        with translation.override(language):
            headings[count] = template.render(Context({"form": ThreeFields(data)}))
    expected = {
        "ar": {1: "مشكلة واحدة تمنع الحفظ", 3: "3 مشكلات تمنع الحفظ"},
        "en": {1: "1 problem prevents saving", 3: "3 problems prevent saving"},
    }[language]
    for count, heading in expected.items():
        assert heading in headings[count]
