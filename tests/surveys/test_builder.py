"""Staff build a questionnaire in the portal: sections, questions, choices, order; open, close,
copy. A question or choice with answers keeps its meaning: such edits are refused, clearly."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.translation import gettext

from surveys import services
from surveys.models import Choice, Question, Section, Survey, SurveyStatus
from tests.surveys.factories import build_survey, invite, question, section_two, section_url


def _question_form(q: Question, **changes) -> dict:
    data = {
        "section": q.section_id,
        "code": q.code,
        "kind": q.kind,
        "label_ar": q.label_ar,
        "label_en": q.label_en,
        "help_ar": q.help_ar,
        "help_en": q.help_en,
        "required": "on" if q.required else "",
        "min_value": "" if q.min_value is None else q.min_value,
        "max_value": "" if q.max_value is None else q.max_value,
        "max_length": q.max_length or "",
        "show_if_question": q.show_if_question_id or "",
        "show_if_value": q.show_if_value,
    }
    data.update(changes)
    return data


@pytest.fixture
def answered(built, invitation_a, respondent):
    """Org A answered the second section (products: murabaha; an amount; grace: no...)."""
    respondent.post(section_url(invitation_a, 2), section_two(built))
    return built


def test_staff_build_a_questionnaire_from_nothing(staff_client):
    created = staff_client.post(
        "/en/surveys/new/", {"title_ar": "استبيان جديد", "title_en": "New questionnaire", "closes_on": "2018-01-22"}
    )
    survey = Survey.objects.get(title_ar="استبيان جديد")
    assert created["Location"] == f"/en/surveys/{survey.pk}/"
    assert survey.status == SurveyStatus.DRAFT
    staff_client.post(f"/en/surveys/{survey.pk}/sections/new/", {"title_ar": "الأول", "title_en": "First"})
    section = survey.sections.get()
    added = staff_client.post(
        f"/en/surveys/sections/{section.pk}/questions/new/",
        {
            "section": section.pk,
            "code": "products",
            "kind": "single_choice",
            "label_ar": "الصيغ",
            "label_en": "Products",
        },
    )
    q = Question.objects.get(code="products")
    assert added["Location"] == f"/en/surveys/questions/{q.pk}/edit/", "a choice question goes on to its choices"
    for value, label in (("murabaha", "المرابحة"), ("ijara", "الإجارة")):
        staff_client.post(f"/en/surveys/questions/{q.pk}/choices/new/", {"value": value, "label_ar": label})
    assert list(q.choices.values_list("value", "order")) == [("murabaha", 1), ("ijara", 2)]
    staff_client.post(f"/en/surveys/{survey.pk}/open/")
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN and survey.opened_at is not None


def test_staff_add_a_question_shown_only_for_one_answer_of_the_question_before(staff_client, built):
    page = staff_client.post(
        f"/en/surveys/sections/{built.s2.pk}/questions/new/",
        {"section": built.s2.pk, "code": "murabaha_share", "kind": "integer", "label_ar": "نسبة المرابحة",
         "show_if_question": built.q["products"].pk, "show_if_value": "murabaha"},
    )  # fmt: skip
    assert page.status_code == 302
    added = Question.objects.get(code="murabaha_share")
    assert (added.show_if_question, added.show_if_value, added.order) == (built.q["products"], "murabaha", 10)
    refused = staff_client.post(
        f"/en/surveys/sections/{built.s1.pk}/questions/new/",
        {"section": built.s1.pk, "code": "too_early", "kind": "integer", "label_ar": "مبكر",
         "show_if_question": built.q["products"].pk, "show_if_value": "murabaha"},
    )  # fmt: skip
    assert "The condition must use a question that comes earlier in the questionnaire." in refused.content.decode()


def test_a_survey_without_questions_or_with_a_one_choice_question_cannot_open(staff_client, staff):
    survey = services.survey_create(by=staff, title_ar="فارغ")
    page = staff_client.post(f"/en/surveys/{survey.pk}/open/", follow=True).content.decode()
    assert "The questionnaire has no questions yet." in page
    section = services.section_save(section=Section(survey=survey, title_ar="قسم"))
    question(section, "kind", "single_choice", choices=[("one", "واحد", "One")])
    with pytest.raises(ValidationError, match="needs at least two choices"):
        services.survey_open(survey=survey, by=staff)
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.DRAFT


def test_moving_questions_and_sections_changes_their_order(staff_client, built):
    first, second = built.s1.questions.order_by("order")[:2]
    staff_client.post(f"/en/surveys/questions/{second.pk}/move/", {"direction": "up"})
    assert list(built.s1.questions.order_by("order").values_list("code", flat=True))[:2] == [second.code, first.code]
    staff_client.post(f"/en/surveys/sections/{built.s2.pk}/move/", {"direction": "up"}, follow=True)
    assert list(built.survey.sections.order_by("order")) == [built.s2, built.s1]


def test_a_move_that_puts_a_question_before_its_condition_is_refused(staff_client, built):
    q = built.q
    staff_client.post(f"/en/surveys/questions/{q['type_other'].pk}/move/", {"direction": "up"})  # above "since": fine
    page = staff_client.post(f"/en/surveys/questions/{q['type_other'].pk}/move/", {"direction": "up"}, follow=True)
    assert "before the question that decides whether it is shown" in page.content.decode()
    codes = list(built.s1.questions.order_by("order").values_list("code", flat=True))
    assert codes.index("type") < codes.index("type_other")


def test_a_condition_must_use_an_earlier_choice_question(built, staff):
    q = built.q
    later = Question(section=built.s1, code="early", kind="short_text", label_ar="مبكر", order=0,
                     show_if_question=q["grace"], show_if_value="yes")  # fmt: skip
    with pytest.raises(ValidationError, match="comes earlier"):
        later.full_clean()
    on_text = Question(section=built.s2, code="t", kind="short_text", label_ar="ن", order=99,
                       show_if_question=q["name"], show_if_value="x")  # fmt: skip
    with pytest.raises(ValidationError, match="choice or yes/no"):
        on_text.full_clean()
    wrong_value = Question(section=built.s2, code="w", kind="short_text", label_ar="ن", order=99,
                           show_if_question=q["type"], show_if_value="fund")  # fmt: skip
    with pytest.raises(ValidationError, match="one of the values"):
        wrong_value.full_clean()


def test_the_type_of_an_answered_question_cannot_change(staff_client, answered):
    q = answered.q["max_loan"]
    page = staff_client.post(f"/ar/surveys/questions/{q.pk}/edit/", _question_form(q, kind="short_text"))
    assert page.status_code == 200
    with translation.override("ar"):
        expected = gettext(
            "This question already has answers, so its type cannot be changed: the answers would change "
            "meaning. Copy the questionnaire to start a new round with the changed question."
        )
    assert expected in page.content.decode()
    assert Question.objects.get(pk=q.pk).kind == "amount"


def test_the_wording_of_an_answered_question_can_be_corrected(staff_client, answered):
    q = answered.q["max_loan"]
    response = staff_client.post(
        f"/en/surveys/questions/{q.pk}/edit/", _question_form(q, label_ar="أكبر مبلغ تمويل (ريال يمني)", required="")
    )
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.label_ar == "أكبر مبلغ تمويل (ريال يمني)" and not q.required


def test_limits_of_an_answered_question_may_widen_but_not_exclude_an_answer(staff_client, answered):
    q = answered.q["max_loan"]  # org A answered 1,500,000
    assert (
        staff_client.post(f"/en/surveys/questions/{q.pk}/edit/", _question_form(q, max_value="5000000")).status_code
        == 302
    )
    refused = staff_client.post(f"/en/surveys/questions/{q.pk}/edit/", _question_form(q, max_value="1000000"))
    assert "1 stored answer would no longer fit these limits" in refused.content.decode()
    q.refresh_from_db()
    assert q.max_value == 5_000_000


def test_an_answered_question_cannot_be_deleted_in_the_portal_or_in_the_database(staff_client, answered):
    q = answered.q["max_loan"]
    page = staff_client.post(f"/en/surveys/questions/{q.pk}/delete/", follow=True).content.decode()
    assert "already has answers, so it cannot be deleted" in page
    assert Question.objects.filter(pk=q.pk).exists()
    with pytest.raises(ProtectedError):
        Question.objects.filter(pk=q.pk).delete()


def test_a_section_with_answers_cannot_be_deleted(staff_client, answered):
    page = staff_client.post(f"/en/surveys/sections/{answered.s2.pk}/delete/", follow=True).content.decode()
    assert "already have answers, so it cannot be deleted" in page
    assert Section.objects.filter(pk=answered.s2.pk).exists()


def test_a_question_others_depend_on_cannot_be_deleted(staff_client, built):
    page = staff_client.post(f"/en/surveys/questions/{built.q['grace'].pk}/delete/", follow=True).content.decode()
    assert "Other questions are shown depending on" in page
    assert Question.objects.filter(pk=built.q["grace"].pk).exists()


def test_an_unanswered_question_is_deleted_and_the_others_renumbered(staff_client, built):
    staff_client.post(f"/en/surveys/questions/{built.q['since'].pk}/delete/")
    assert not Question.objects.filter(pk=built.q["since"].pk).exists()
    assert list(built.s1.questions.order_by("order").values_list("order", flat=True)) == [1, 2, 3]


def test_the_value_of_a_picked_choice_cannot_change_but_its_label_can(staff_client, answered):
    murabaha = answered.q["products"].choices.get(value="murabaha")
    refused = staff_client.post(f"/en/surveys/choices/{murabaha.pk}/edit/", {"value": "tawarruq", "label_ar": "التورق"})
    assert "Some answers picked this choice, so its value cannot be changed" in refused.content.decode()
    fixed = staff_client.post(
        f"/en/surveys/choices/{murabaha.pk}/edit/", {"value": "murabaha", "label_ar": "بيع المرابحة"}
    )
    assert fixed.status_code == 302
    murabaha.refresh_from_db()
    assert (murabaha.value, murabaha.label_ar) == ("murabaha", "بيع المرابحة")


def test_a_picked_choice_cannot_be_deleted(staff_client, answered):
    murabaha = answered.q["products"].choices.get(value="murabaha")
    page = staff_client.post(f"/en/surveys/choices/{murabaha.pk}/delete/", follow=True).content.decode()
    assert "cannot be deleted" in page
    assert Choice.objects.filter(pk=murabaha.pk).exists()
    ijara = answered.q["products"].choices.get(value="ijara")
    staff_client.post(f"/en/surveys/choices/{ijara.pk}/delete/")
    assert not Choice.objects.filter(pk=ijara.pk).exists()


def test_closing_stops_the_links_and_opening_again_restores_them(staff_client, built, invitation_a, respondent):
    from tests.surveys.factories import respond_url

    staff_client.post(f"/en/surveys/{built.survey.pk}/close/")
    assert respondent.get(respond_url(invitation_a)).status_code == 404
    staff_client.post(f"/en/surveys/{built.survey.pk}/open/")
    assert respondent.get(respond_url(invitation_a)).status_code == 200


def test_copying_starts_a_new_round_with_the_same_questions_and_no_answers(staff_client, answered):
    original = answered.survey
    page = staff_client.post(f"/en/surveys/{original.pk}/copy/")
    copy = Survey.objects.exclude(pk=original.pk).get()
    assert page["Location"] == f"/en/surveys/{copy.pk}/"
    assert copy.status == SurveyStatus.DRAFT and copy.copied_from == original
    assert copy.title_en == "Test questionnaire (copy)"
    assert list(copy.questions.values_list("code", flat=True).order_by("code")) == list(
        original.questions.values_list("code", flat=True).order_by("code")
    )
    grace_months = copy.questions.get(code="grace_months")
    assert grace_months.show_if_question == copy.questions.get(code="grace")
    assert copy.questions.get(code="type").choices.count() == 3
    assert not copy.invitations.exists()
    # The copy is free to change: nothing answered it yet.
    services.question_save(question=_with(copy.questions.get(code="max_loan"), kind="integer"))


def _with(q: Question, **changes) -> Question:
    for name, value in changes.items():
        setattr(q, name, value)
    return q


def test_a_survey_organizations_were_invited_to_cannot_be_deleted(staff_client, built, invitation_a):
    page = staff_client.post(f"/en/surveys/{built.survey.pk}/delete/", follow=True).content.decode()
    assert "cannot be deleted. Close it instead." in page
    assert Survey.objects.filter(pk=built.survey.pk).exists()


def test_a_draft_nobody_was_invited_to_is_deleted_with_its_questions(staff_client):
    draft = build_survey(status=SurveyStatus.DRAFT)
    staff_client.post(f"/en/surveys/{draft.survey.pk}/delete/")
    assert not Survey.objects.filter(pk=draft.survey.pk).exists()
    assert not Question.objects.exists()


def test_the_builder_page_shows_the_structure_and_the_actions(staff_client, governor_client, built):
    page = staff_client.get(f"/en/surveys/{built.survey.pk}/").content.decode()
    assert "Lending products" in page and "grace_months" in page and "shown when grace is yes" in page
    assert f"/en/surveys/questions/{built.q['name'].pk}/edit/" in page
    governor = governor_client.get(f"/en/surveys/{built.survey.pk}/").content.decode()
    assert "Lending products" in governor
    assert "/edit/" not in governor and "/move/" not in governor


def test_a_question_code_is_unique_in_its_survey(built):
    other = build_survey(title_ar="آخر")
    assert other.q["name"].code == built.q["name"].code  # the same code in another survey is fine
    with pytest.raises(ValidationError, match="already has this code"):
        question(built.s2, "name", "short_text")


def test_invitations_reference_a_survey_that_keeps_its_answers(built, org_a):
    invite(built.survey, org_a)
    with pytest.raises(ValidationError):
        services.survey_delete(survey=built.survey)
