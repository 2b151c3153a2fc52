"""Filling in through the link: one section per page, plain POST forms (no JavaScript needed),
drafts that resume, errors beside the field in the respondent's language, conditions."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext

from surveys.models import Answer, Invitation, Response
from tests import factories
from tests.surveys.factories import field, question, respond_url, section_one, section_two, section_url


def question_block(html: str, question) -> str:
    """The HTML of one question's box on the page (its label, help, errors and inputs)."""
    start = html.index(f'id="question-{question.pk}"')
    end = html.find('<div class="question ', start)
    return html[start : end if end != -1 else len(html)]


def stored(invitation, question):
    return Answer.objects.filter(response__invitation=invitation, question=question).first()


def test_the_link_opens_a_welcome_page_with_the_organization_and_the_sections(respondent, invitation_a, built):
    page = respondent.get(respond_url(invitation_a)).content.decode()
    assert invitation_a.organization.name_ar in page
    assert "بيانات الجهة" in page and "منتجات الإقراض" in page
    assert section_url(invitation_a, 1) in page


def test_each_section_is_its_own_page(respondent, invitation_a, built):
    first = respondent.get(section_url(invitation_a, 1)).content.decode()
    second = respondent.get(section_url(invitation_a, 2)).content.decode()
    assert f'name="{field(built.q["name"])}"' in first
    assert f'name="{field(built.q["max_loan"])}"' not in first
    assert f'name="{field(built.q["max_loan"])}"' in second
    assert f'name="{field(built.q["name"])}"' not in second


def test_the_respondent_page_loads_no_bootstrap_javascript(respondent, invitation_a):
    page = respondent.get(section_url(invitation_a, 1)).content.decode()
    assert "bootstrap.bundle" not in page
    assert re.search(r'<form method="post"', page)


def test_save_and_continue_stores_the_section_and_opens_the_next(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 1), {**section_one(built), "action": "next"})
    assert response.status_code == 302
    assert response["Location"] == section_url(invitation_a, 2)
    assert stored(invitation_a, built.q["name"]).text == "خولة سالم"
    assert stored(invitation_a, built.q["type"]).values == ["mfi"]
    assert stored(invitation_a, built.q["since"]).number == 2003
    assert Response.objects.get(invitation=invitation_a).current_section == built.s2


def test_a_plain_post_without_any_button_value_still_saves_and_continues(respondent, invitation_a, built):
    # A browser without JavaScript, or Enter pressed in a text box.
    response = respondent.post(section_url(invitation_a, 1), section_one(built))
    assert response["Location"] == section_url(invitation_a, 2)
    assert stored(invitation_a, built.q["name"]) is not None


def test_the_last_section_continues_to_the_review(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 2), {**section_two(built), "action": "next"})
    assert response["Location"] == respond_url(invitation_a, "respond_review")


def test_back_saves_and_opens_the_previous_section(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 2), {**section_two(built), "action": "back"})
    assert response["Location"] == section_url(invitation_a, 1)
    assert stored(invitation_a, built.q["max_loan"]).number == 1_500_000


def test_finish_later_saves_and_says_the_same_link_continues(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 1), {**section_one(built), "action": "later"}, follow=True)
    assert response.redirect_chain[-1][0] == respond_url(invitation_a)
    with translation.override("ar"):
        assert gettext("Your answers are saved. Open the same link again to continue where you stopped.") in (
            response.content.decode()
        )


def test_opening_the_link_again_resumes_where_the_respondent_stopped(invitation_a, built, client):
    client.post(section_url(invitation_a, 1), {**section_one(built), "action": "next"})
    client.cookies.clear()  # the browser was closed: no session, only the link
    landing = client.get(respond_url(invitation_a)).content.decode()
    assert f'href="{section_url(invitation_a, 2)}"' in landing
    with translation.override("ar"):
        assert gettext("Continue at section %(number)s") % {"number": 2} in landing
    page = client.get(section_url(invitation_a, 1)).content.decode()
    assert 'value="خولة سالم"' in question_block(page, built.q["name"])
    assert "checked" in question_block(page, built.q["type"])


def test_saved_amounts_show_with_thousands_separators(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 2), section_two(built))
    page = respondent.get(section_url(invitation_a, 2)).content.decode()
    assert 'value="1,500,000"' in question_block(page, built.q["max_loan"])


@pytest.mark.parametrize(
    "typed",
    ["١٬٥٠٠٬٠٠٠", "1,500,000", "1500000", "١٥٠٠٠٠٠", "1 500 000"],
    ids=["arabic", "commas", "plain", "ar-plain", "spaces"],
)
def test_an_amount_accepts_arabic_digits_and_thousands_separators(respondent, invitation_a, built, typed):
    respondent.post(section_url(invitation_a, 2), section_two(built, max_loan=typed))
    assert stored(invitation_a, built.q["max_loan"]).number == 1_500_000


@pytest.mark.parametrize(
    ("language", "message"),
    [("ar", "Enter the amount in Yemeni rials as a whole number, for example 1,500,000."),
     ("en", "Enter the amount in Yemeni rials as a whole number, for example 1,500,000.")],
    ids=["arabic", "english"],
)  # fmt: skip
def test_a_wrong_answer_is_explained_beside_its_field_in_the_page_language(
    respondent, invitation_a, built, language, message
):
    response = respondent.post(section_url(invitation_a, 2, language), section_two(built, max_loan="1.5 million"))
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        expected = gettext(message)
    if language == "ar":
        assert expected != message, "the Arabic catalogue must translate the error"
    assert expected in question_block(html, built.q["max_loan"])
    assert expected not in question_block(html, built.q["par"])
    assert 'aria-invalid="true"' in question_block(html, built.q["max_loan"])
    assert stored(invitation_a, built.q["max_loan"]) is None, "nothing on the page is saved while an answer is wrong"
    assert stored(invitation_a, built.q["strengths"]) is None


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("since", "1900", "The smallest accepted value is %(limit)s."),
        ("since", "٢٠٤٠", "The largest accepted value is %(limit)s."),
        ("par", "101", "The largest accepted value is %(limit)s."),
        ("par", "4.555", "Enter a number, for example 12.5."),
        ("since", "2003.5", "Enter a whole number, for example 25."),
        ("max_loan", "-5000", "An amount cannot be negative."),
        ("figures_date", "31/02/2018", "%(value)s is not a date."),
    ],
)
def test_numbers_and_dates_outside_the_question_are_refused(respondent, invitation_a, built, code, value, message):
    section = 1 if code == "since" else 2
    data = section_one(built, **{code: value}) if section == 1 else section_two(built, **{code: value})
    response = respondent.post(section_url(invitation_a, section, "en"), data)
    assert response.status_code == 200
    block = question_block(response.content.decode(), built.q[code])
    assert message.split("%")[0] in block
    if "%(value)s" in message:
        assert message % {"value": value} in block
    assert stored(invitation_a, built.q[code]) is None


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("products", ["murabaha", "hawala"]),
        ("rating", "6"),
        ("rating", "0"),
        ("districts", ["999999"]),
        ("grace", "maybe"),
    ],
)
def test_choices_outside_the_question_are_refused(respondent, invitation_a, built, code, value):
    response = respondent.post(section_url(invitation_a, 2, "en"), section_two(built, **{code: value}))
    assert response.status_code == 200
    assert "Select a valid choice" in question_block(response.content.decode(), built.q[code])
    assert not Answer.objects.filter(response__invitation=invitation_a).exists()


def test_a_choice_of_another_question_is_refused(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 1, "en"), section_one(built, type="murabaha"))
    assert "Select a valid choice" in question_block(response.content.decode(), built.q["type"])


def test_a_huge_text_answer_is_refused_not_stored(respondent, invitation_a, built):
    huge = "أ" * 200_000
    response = respondent.post(section_url(invitation_a, 2, "en"), section_two(built, strengths=huge))
    assert response.status_code == 200
    assert "at most 5000 characters" in question_block(response.content.decode(), built.q["strengths"])
    assert stored(invitation_a, built.q["strengths"]) is None
    short = respondent.post(section_url(invitation_a, 1, "en"), section_one(built, name="x" * 501))
    assert "at most 500 characters" in question_block(short.content.decode(), built.q["name"])


def test_an_answer_at_the_limit_is_stored_whole(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 2), section_two(built, strengths="ب" * 5000))
    assert len(stored(invitation_a, built.q["strengths"]).text) == 5000


def test_every_kind_is_stored_in_its_column(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 2), section_two(built, grace="yes", grace_months="٣"))
    assert stored(invitation_a, built.q["products"]).values == ["murabaha"]
    assert stored(invitation_a, built.q["grace"]).values == ["yes"]
    assert stored(invitation_a, built.q["grace_months"]).number == 3
    assert str(stored(invitation_a, built.q["figures_date"]).date) == "2017-12-31"
    assert stored(invitation_a, built.q["rating"]).number == 4
    assert stored(invitation_a, built.q["districts"]).values == [str(factories.district("المكلا").pk)]
    assert stored(invitation_a, built.q["par"]).number == Decimal("4.5")


def test_a_date_typed_the_arabic_way_is_understood(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 2), section_two(built, figures_date="٢٢/٠١/٢٠١٨"))
    assert str(stored(invitation_a, built.q["figures_date"]).date) == "2018-01-22"


def test_emptying_an_answer_removes_it(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 1), section_one(built))
    respondent.post(section_url(invitation_a, 1), section_one(built, since=""))
    assert stored(invitation_a, built.q["since"]) is None
    assert stored(invitation_a, built.q["name"]) is not None


# Conditions.


def test_a_conditional_question_on_the_same_page_says_when_it_applies(respondent, invitation_a, built):
    page = respondent.get(section_url(invitation_a, 1, "en")).content.decode()
    block = question_block(page, built.q["type_other"])
    assert f'data-show-if="{field(built.q["type"])}"' in block
    assert 'data-show-value="other"' in block
    assert "Only if you answered “Other” to “Kind of organization”." in block


def test_an_answer_to_a_question_whose_condition_is_not_met_is_not_stored(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 1), section_one(built, type="bank", type_other="جمعية"))
    assert stored(invitation_a, built.q["type_other"]) is None


def test_an_answer_is_cleared_when_its_condition_stops_holding(respondent, invitation_a, built):
    respondent.post(section_url(invitation_a, 2), section_two(built, grace="yes", grace_months="3"))
    assert stored(invitation_a, built.q["grace_months"]).number == 3
    respondent.post(section_url(invitation_a, 2), section_two(built, grace="no", grace_months="3"))
    assert stored(invitation_a, built.q["grace_months"]) is None


def test_a_hidden_question_is_not_checked(respondent, invitation_a, built):
    response = respondent.post(section_url(invitation_a, 2), section_two(built, grace="no", grace_months="999"))
    assert response.status_code == 302


def test_a_question_decided_by_an_earlier_section_is_not_shown_when_its_condition_fails(
    respondent, invitation_a, built, survey
):
    follow_up = question(built.s2, "bank_license", "short_text", show_if_question=built.q["type"], show_if_value="bank")
    respondent.post(section_url(invitation_a, 1), section_one(built, type="mfi"))
    assert f'name="{field(follow_up)}"' not in respondent.get(section_url(invitation_a, 2)).content.decode()
    respondent.post(section_url(invitation_a, 1), section_one(built, type="bank"))
    assert f'name="{field(follow_up)}"' in respondent.get(section_url(invitation_a, 2)).content.decode()


# Opening.


def test_opening_the_link_records_the_first_and_last_opening(respondent, invitation_a):
    respondent.get(respond_url(invitation_a))
    invitation_a.refresh_from_db()
    first = invitation_a.first_opened_at
    assert first is not None
    respondent.get(respond_url(invitation_a))
    invitation_a.refresh_from_db()
    assert invitation_a.first_opened_at == first
    assert invitation_a.last_opened_at >= first


def test_staff_opening_a_link_does_not_count_as_the_partner_opening_it(staff_client, invitation_a):
    assert staff_client.get(respond_url(invitation_a)).status_code == 200
    invitation_a.refresh_from_db()
    assert invitation_a.first_opened_at is None


def test_respondent_pages_are_not_cached_or_indexed(respondent, invitation_a):
    response = respondent.get(section_url(invitation_a, 1))
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_two_respondents_of_one_organization_share_one_response(invitation_a, built, client, respondent):
    client.post(section_url(invitation_a, 1), section_one(built))
    respondent.post(section_url(invitation_a, 2), section_two(built))
    assert Response.objects.filter(invitation=invitation_a).count() == 1
    assert Answer.objects.filter(response__invitation=invitation_a).count() >= 8
    assert Invitation.objects.count() == 1


# Autosave (htmx posts the page as answers change; the page works without it).


def test_autosave_stores_the_page_as_a_draft(respondent, invitation_a, built):
    response = respondent.post(respond_url(invitation_a, "respond_autosave", "en", number=1), section_one(built))
    assert response.status_code == 200
    assert 'data-state="saved"' in response.content.decode()
    assert stored(invitation_a, built.q["name"]).text == "خولة سالم"


def test_autosave_stores_nothing_while_an_answer_is_wrong(respondent, invitation_a, built):
    response = respondent.post(
        respond_url(invitation_a, "respond_autosave", "en", number=1), section_one(built, since="last year")
    )
    assert 'data-state="invalid"' in response.content.decode()
    assert stored(invitation_a, built.q["name"]) is None


def test_the_section_page_wires_autosave_on_top_of_the_plain_form(respondent, invitation_a):
    page = respondent.get(section_url(invitation_a, 1)).content.decode()
    assert f'hx-post="{respond_url(invitation_a, "respond_autosave", number=1)}"' in page
    assert re.search(r'<script src="[^"]+htmx[^"]*\.js" defer>', page)


def test_ids_on_the_page_stay_plain_numbers_past_a_thousand(respondent, invitation_a, built):
    # The portal writes numbers with thousands separators; an element id must not get one.
    from surveys import services
    from surveys.models import Question

    big = services.question_save(
        question=Question(pk=123456, section=built.s1, order=9, code="big", kind="short_text", label_ar="كبير")
    )
    page = respondent.get(section_url(invitation_a, 1)).content.decode()
    assert f'id="question-{big.pk}"' in page and "123,456" not in page
    respondent.post(section_url(invitation_a, 1), section_one(built, **{field(big): "نص"}))
    assert stored(invitation_a, big).text == "نص"
