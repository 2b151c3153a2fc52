"""The questionnaires in the Django admin refuse what the portal refuses, and its actions call the
same services."""

import pytest
from django.core import mail
from django.utils import timezone

from surveys.models import Choice, Question, Reminder, Survey, SurveyStatus
from tests.surveys.factories import build_survey, invite, section_two, section_url


@pytest.fixture
def answered(built, invitation_a, respondent):
    respondent.post(section_url(invitation_a, 2), section_two(built))
    return built


def _question_post(q: Question, *, delete_choice: str | None = None, **changes) -> dict:
    data = {
        "section": q.section_id,
        "order": q.order,
        "code": q.code,
        "kind": q.kind,
        "label_ar": q.label_ar,
        "label_en": q.label_en,
        "help_ar": "",
        "help_en": "",
        "min_value": "",
        "max_value": "",
        "max_length": "",
        "show_if_question": "",
        "show_if_value": "",
    }
    if q.required:
        data["required"] = "on"
    choices = list(q.choices.all())
    data.update(
        {
            "choices-TOTAL_FORMS": len(choices),
            "choices-INITIAL_FORMS": len(choices),
            "choices-MIN_NUM_FORMS": 0,
            "choices-MAX_NUM_FORMS": 1000,
        }
    )
    for index, choice in enumerate(choices):
        data.update(
            {
                f"choices-{index}-id": choice.pk,
                f"choices-{index}-question": q.pk,
                f"choices-{index}-order": choice.order,
                f"choices-{index}-value": choice.value,
                f"choices-{index}-label_ar": choice.label_ar,
                f"choices-{index}-label_en": choice.label_en,
            }
        )
        if choice.value == delete_choice:
            data[f"choices-{index}-DELETE"] = "on"
    data.update(changes)
    return data


def test_the_admin_refuses_to_change_the_type_of_an_answered_question(staff_client, answered):
    q = answered.q["products"]
    page = staff_client.post(f"/en/admin/surveys/question/{q.pk}/change/", _question_post(q, kind="short_text"))
    assert page.status_code == 200
    assert "This question already has answers" in page.content.decode()
    assert Question.objects.get(pk=q.pk).kind == "multiple_choice"


def test_the_admin_refuses_to_delete_a_picked_choice(staff_client, answered):
    q = answered.q["products"]
    page = staff_client.post(f"/en/admin/surveys/question/{q.pk}/change/", _question_post(q, delete_choice="murabaha"))
    assert page.status_code == 200
    assert "cannot be deleted" in page.content.decode()
    assert Choice.objects.filter(question=q, value="murabaha").exists()


def test_the_admin_accepts_a_wording_fix(staff_client, answered):
    q = answered.q["products"]
    page = staff_client.post(
        f"/en/admin/surveys/question/{q.pk}/change/", _question_post(q, label_en="Forms of finance")
    )
    assert page.status_code == 302
    assert Question.objects.get(pk=q.pk).label_en == "Forms of finance"


def test_the_admin_offers_no_deletion_of_an_answered_question(staff_client, answered):
    q = answered.q["products"]
    assert staff_client.get(f"/en/admin/surveys/question/{q.pk}/delete/").status_code == 403
    assert staff_client.get(f"/en/admin/surveys/question/{answered.q['since'].pk}/delete/").status_code == 200


def test_the_admin_offers_no_deletion_of_a_survey_with_invitations(staff_client, built, invitation_a):
    assert staff_client.get(f"/en/admin/surveys/survey/{built.survey.pk}/delete/").status_code == 403


def test_admin_actions_call_the_services(staff_client, django_capture_on_commit_callbacks, org_a):
    draft = build_survey(status=SurveyStatus.DRAFT)
    staff_client.post("/en/admin/surveys/survey/", {"action": "open_surveys", "_selected_action": [draft.survey.pk]})
    assert Survey.objects.get(pk=draft.survey.pk).status == SurveyStatus.OPEN
    org_a.email = "info@alawn.example"
    org_a.save()
    invite(draft.survey, org_a, sent_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/en/admin/surveys/survey/", {"action": "remind_pending", "_selected_action": [draft.survey.pk]}
        )
    assert Reminder.objects.filter(invitation__survey=draft.survey).count() == 1
    assert len(mail.outbox) == 1
    staff_client.post("/en/admin/surveys/survey/", {"action": "copy_surveys", "_selected_action": [draft.survey.pk]})
    assert Survey.objects.filter(copied_from=draft.survey).count() == 1


def test_an_admin_action_reports_a_refusal(staff_client):
    empty = Survey.objects.create(title_ar="فارغ")
    page = staff_client.post(
        "/en/admin/surveys/survey/", {"action": "open_surveys", "_selected_action": [empty.pk]}, follow=True
    )
    assert "The questionnaire has no questions yet." in page.content.decode()
    assert Survey.objects.get(pk=empty.pk).status == SurveyStatus.DRAFT
