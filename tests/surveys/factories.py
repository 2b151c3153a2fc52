"""Questionnaires for the surveys tests: a small survey with every kind of question, invitations
and answers, built the way the portal builds them."""

from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone, translation

from surveys import services, tokens
from surveys.models import Choice, Invitation, Question, Section, Survey, SurveyStatus
from surveys.selectors import invitation_token
from tests import factories


def question(section: Section, code: str, kind: str, **fields) -> Question:
    choices = fields.pop("choices", [])
    made = services.question_save(
        question=Question(section=section, code=code, kind=kind, label_ar=fields.pop("label_ar", f"سؤال {code}"),
                          label_en=fields.pop("label_en", f"Question {code}"), **fields)
    )  # fmt: skip
    for value, label_ar, label_en in choices:
        services.choice_save(choice=Choice(question=made, value=value, label_ar=label_ar, label_en=label_en))
    return made


def build_survey(*, status: str = SurveyStatus.OPEN, title_ar: str = "استبيان الاختبار", closes_on=None):
    """Two sections: the profile (text, a choice with a conditional "other", a year) and lending
    (multiple choice, an amount, yes/no with a conditional number, date, scale, districts, long
    text, a percentage). Returns a namespace: survey, sections s1 and s2, questions by code."""
    survey = services.survey_create(
        by=None, title_ar=title_ar, title_en="Test questionnaire", closes_on=closes_on or timezone.localdate()
    )
    s1 = services.section_save(section=Section(survey=survey, title_ar="بيانات الجهة", title_en="Organization profile"))
    s2 = services.section_save(section=Section(survey=survey, title_ar="منتجات الإقراض", title_en="Lending products"))
    q = {}
    q["name"] = question(s1, "name", "short_text", required=True, label_en="Name of the contact person")
    q["type"] = question(
        s1, "type", "single_choice", required=True, label_en="Kind of organization",
        choices=[("mfi", "مؤسسة تمويل أصغر", "Microfinance institution"), ("bank", "بنك", "Bank"),
                 ("other", "أخرى", "Other")],
    )  # fmt: skip
    q["type_other"] = question(
        s1, "type_other", "short_text", required=True, show_if_question=q["type"], show_if_value="other",
        label_en="Which other kind?",
    )  # fmt: skip
    q["since"] = question(s1, "since", "integer", min_value=1950, max_value=2030, label_en="Lending since")
    q["products"] = question(
        s2, "products", "multiple_choice", required=True, label_en="Products",
        choices=[("murabaha", "المرابحة", "Murabaha"), ("ijara", "الإجارة", "Ijara")],
    )  # fmt: skip
    q["max_loan"] = question(s2, "max_loan", "amount", required=True, label_en="Largest loan (YER)")
    q["grace"] = question(s2, "grace", "yes_no", label_en="Grace period?")
    q["grace_months"] = question(
        s2, "grace_months", "integer", min_value=1, max_value=24, show_if_question=q["grace"], show_if_value="yes",
        label_en="Grace months",
    )  # fmt: skip
    q["figures_date"] = question(s2, "figures_date", "date", label_en="Date of the figures")
    q["rating"] = question(s2, "rating", "scale", label_en="Coordination")
    q["districts"] = question(s2, "districts", "districts", label_en="Districts served")
    q["strengths"] = question(s2, "strengths", "long_text", label_en="Strengths")
    q["par"] = question(s2, "par", "decimal", min_value=0, max_value=100, label_en="Portfolio at risk (%)")
    if status != SurveyStatus.DRAFT:
        services.survey_open(survey=survey, by=None)
        if status == SurveyStatus.CLOSED:
            services.survey_close(survey=survey, by=None)
    survey.refresh_from_db()
    return SimpleNamespace(survey=survey, s1=s1, s2=s2, q=q)


def invite(survey: Survey, organization, **fields) -> Invitation:
    return Invitation.objects.create(survey=survey, organization=organization, key=tokens.new_key(), **fields)


def respond_url(invitation: Invitation, name: str = "respond", language: str = "ar", **kwargs) -> str:
    with translation.override(language):
        return reverse(
            f"surveys:{name}",
            kwargs={"survey_pk": invitation.survey_id, "token": invitation_token(invitation), **kwargs},
        )


def section_url(invitation: Invitation, number: int, language: str = "ar") -> str:
    return respond_url(invitation, "respond_section", language, number=number)


def field(q: Question) -> str:
    return f"q{q.pk}"


def section_one(built, **overrides) -> dict:
    """A valid POST of the first section."""
    data = {field(built.q["name"]): "خولة سالم", field(built.q["type"]): "mfi", field(built.q["since"]): "2003"}
    data.update({field(built.q[code]) if code in built.q else code: value for code, value in overrides.items()})
    return data


def section_two(built, **overrides) -> dict:
    """A valid POST of the second section."""
    data = {
        field(built.q["products"]): ["murabaha"],
        field(built.q["max_loan"]): "1,500,000",
        field(built.q["grace"]): "no",
        field(built.q["figures_date"]): "2017-12-31",
        field(built.q["rating"]): "4",
        field(built.q["districts"]): [str(factories.district("المكلا").pk)],
        field(built.q["strengths"]): "فروع قريبة من المستفيدين",
        field(built.q["par"]): "4.5",
    }
    data.update({field(built.q[code]) if code in built.q else code: value for code, value in overrides.items()})
    return data
