"""`load_demo` ships the lending partners questionnaire and the follow-up story of its board."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from surveys.models import Answer, Choice, Invitation, Question, Reminder, Response, Section, Survey, SurveyStatus
from surveys.selectors import BoardState, board_rows, invitation_link


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return Survey.objects.get(title_ar="استبيان شركاء الإقراض")


def _counts() -> dict:
    models = (Survey, Section, Question, Choice, Invitation, Response, Answer, Reminder)
    return {model.__name__: model.objects.count() for model in models}


def test_the_demo_questionnaire_is_the_lending_partners_questionnaire(demo):
    assert demo.title_en == "Lending partners questionnaire"
    assert demo.status == SurveyStatus.OPEN
    assert 25 <= demo.questions.count() <= 40
    titles = list(demo.sections.values_list("title_en", flat=True))
    assert titles == [
        "Organization profile",
        "Lending products",
        "Who you serve",
        "Portfolio",
        "Non-financial services",
        "Referrals and coordination",
        "Strengths and improvement opportunities",
        "Contact person for coordination",
    ]
    assert demo.questions.get(code="products").choices.filter(value="murabaha", label_ar="المرابحة").exists()
    assert {q.kind for q in demo.questions.all()} >= {
        "single_choice", "multiple_choice", "yes_no", "integer", "decimal", "amount", "date", "scale", "districts",
        "short_text", "long_text",
    }  # fmt: skip
    assert demo.questions.filter(show_if_question__isnull=False).count() >= 2
    for question in demo.questions.all():
        assert question.label_ar and question.label_en, question.code
        question.full_clean()  # the demo keeps the builder's rules


def test_the_board_tells_the_follow_up_story(demo):
    states = {row.organization.name_en: row.state for row in board_rows(survey=demo, today=timezone.localdate())}
    assert states == {
        "Microfinance Fund (Revolving Fund)": BoardState.SUBMITTED,
        "Rawabi Al-Khair Development Foundation": BoardState.SUBMITTED,
        "Al-Awn Foundation for Development": BoardState.IN_PROGRESS,
        "Social Fund for Development": BoardState.OPENED,
        "Nahd Development Foundation": BoardState.SENT,
    }


def test_loading_the_demo_again_duplicates_nothing_and_keeps_the_links(demo, settings):
    before = _counts()
    links = {invitation.pk: invitation_link(invitation) for invitation in Invitation.objects.all()}
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before
    assert {invitation.pk: invitation_link(invitation) for invitation in Invitation.objects.all()} == links


def test_the_partner_login_continues_al_awn_s_questionnaire_at_the_portfolio(demo):
    client = Client()
    client.login(username="partner", password="hadramout-2017")
    home = client.get("/en/").content.decode()
    invitation = Invitation.objects.get(survey=demo, organization__name_en="Al-Awn Foundation for Development")
    with translation.override("en"):
        link = invitation_link(invitation, absolute=False)
    assert link in home
    landing = client.get(link).content.decode()
    assert "Continue at section 4" in landing
    section = client.get(f"{link}section/4/").content.decode()
    assert "Number of active borrowers" in section


def test_the_submitted_demo_answers_are_complete(demo):
    for response in Response.objects.filter(invitation__survey=demo, status="submitted"):
        answered = set(response.answers.values_list("question__code", flat=True))
        required = set(
            demo.questions.filter(required=True, show_if_question__isnull=True).values_list("code", flat=True)
        )
        assert required <= answered, response
