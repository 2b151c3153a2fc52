"""The seed's questionnaire for `manage.py load_demo`: the lending partners questionnaire, and the
follow-up story the completion board tells.

Two partners submitted (their answers are illustrative: rounded figures, modest text), Al-Awn
(the `partner` demo login) is half-way through, one partner opened the link without answering and
one was sent the link and never opened it. Running it again changes nothing that exists: the
questionnaire's wording is refreshed, invitations, answers and reminders are created only once.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from partners.demo import AL_AWN, NAHD, RAWABI, REVOLVING_FUND, SFD
from partners.models import District

from . import answers as answer_kinds
from . import tokens
from .demo_questionnaire import DESCRIPTION_AR, DESCRIPTION_EN, SECTIONS, TITLE_AR, TITLE_EN
from .models import (
    Answer,
    Choice,
    Invitation,
    Question,
    Reminder,
    ReminderVia,
    Response,
    ResponseStatus,
    Section,
    Survey,
    SurveyStatus,
)


def _last_quarter_end(today: date) -> date:
    first_month = 3 * ((today.month - 1) // 3) + 1
    return date(today.year, first_month, 1) - timedelta(days=1)


def _answers(today: date) -> dict[str, dict]:
    quarter_end = _last_quarter_end(today)
    return {
        REVOLVING_FUND: {
            "institution_type": "mfi",
            "lending_since": 2003,
            "branches": 3,
            "loan_officers": 12,
            "products": ["murabaha", "qard_hasan", "group"],
            "min_loan_yer": 100_000,
            "max_loan_yer": 1_500_000,
            "max_term_months": 24,
            "grace_period": "yes",
            "grace_months": 2,
            "guarantees": ["guarantor", "group_guarantee"],
            "startups": "no",
            "youth_segments": ["university_graduates", "institute_graduates", "school_dropouts"],
            "project_sizes": ["micro"],
            "women_product": "yes",
            "min_age": 18,
            "districts": ["المكلا", "مدينة المكلا", "الشحر", "غيل باوزير"],
            "active_borrowers": 1200,
            "youth_borrowers": 450,
            "women_borrowers": 380,
            "outstanding_portfolio_yer": 350_000_000,
            "par30_percent": Decimal("4.5"),
            "figures_date": quarter_end,
            "non_financial": ["financial_literacy", "management_training"],
            "joint_training": "yes",
            "referrals_per_month": 20,
            "referral_response_days": 10,
            "coordination_rating": 3,
            "strengths": "خبرة طويلة في التمويل الأصغر، وفروع قريبة من المستفيدين في مديريات الساحل.",
            "improvements": "محدودية رأس المال المتاح للإقراض، وقلة المتابعة بعد صرف التمويل.",
            "support_needed": "تدريب المتقدمين على إعداد دراسات الجدوى قبل إحالتهم إلينا.",
            "contact_name": "خولة سالم سكارو",
            "contact_position": "مدير الصندوق",
            "contact_phone": "05 302 100",
        },
        RAWABI: {
            "institution_type": "foundation",
            "lending_since": 2010,
            "branches": 2,
            "loan_officers": 6,
            "products": ["murabaha", "qard_hasan"],
            "min_loan_yer": 50_000,
            "max_loan_yer": 1_000_000,
            "max_term_months": 18,
            "grace_period": "no",
            "guarantees": ["guarantor", "commercial"],
            "startups": "yes",
            "youth_segments": ["university_graduates", "institute_graduates"],
            "project_sizes": ["micro", "small"],
            "women_product": "yes",
            "min_age": 20,
            "districts": ["المكلا", "الشحر", "الديس"],
            "active_borrowers": 400,
            "youth_borrowers": 220,
            "women_borrowers": 90,
            "outstanding_portfolio_yer": 120_000_000,
            "par30_percent": Decimal("6"),
            "figures_date": quarter_end,
            "non_financial": ["management_training", "feasibility", "bds"],
            "joint_training": "yes",
            "referrals_per_month": 10,
            "referral_response_days": 7,
            "coordination_rating": 2,
            "strengths": "فريق ميداني يعرف المجتمع المحلي، وربط التمويل بالتدريب على إدارة المشروع.",
            "improvements": "طول مدة دراسة الطلبات، والحاجة إلى نظام معلومات لمتابعة المحفظة.",
            "support_needed": "إحالات مدروسة من الوكالة، وتبادل المعلومات عن المقترضين بين الشركاء.",
            "contact_name": "جمعان سعيد بن ناصر",
            "contact_position": "مدير إدارة المشاريع",
            "contact_phone": "05 354 200",
        },
        # Al-Awn stopped after the third section: the partner login continues at the portfolio.
        AL_AWN: {
            "institution_type": "foundation",
            "lending_since": 2008,
            "branches": 2,
            "loan_officers": 5,
            "products": ["murabaha", "ijara"],
            "min_loan_yer": 500_000,
            "max_loan_yer": 3_000_000,
            "max_term_months": 36,
            "grace_period": "yes",
            "grace_months": 3,
            "guarantees": ["commercial", "guarantor"],
            "startups": "no",
            "youth_segments": ["university_graduates", "institute_graduates"],
            "project_sizes": ["small"],
            "women_product": "no",
            "min_age": 21,
            "districts": ["المكلا", "مدينة المكلا"],
        },
    }


def load(organizations: dict) -> Survey:
    """Create or refresh the questionnaire, then its invitations and answers (once)."""
    survey = _questionnaire()
    _story(survey, organizations)
    return survey


def _questionnaire() -> Survey:
    now = timezone.now()
    survey, _created = Survey.objects.get_or_create(
        title_ar=TITLE_AR,
        copied_from=None,
        defaults={
            "title_en": TITLE_EN,
            "description_ar": DESCRIPTION_AR,
            "description_en": DESCRIPTION_EN,
            "status": SurveyStatus.OPEN,
            "opened_at": now - timedelta(days=14),
            "closes_on": timezone.localdate() + timedelta(days=21),
        },
    )
    Survey.objects.filter(pk=survey.pk).update(
        title_en=TITLE_EN, description_ar=DESCRIPTION_AR, description_en=DESCRIPTION_EN
    )
    questions: dict[str, Question] = {}
    conditions = []
    for order, (title_ar, title_en, intro_ar, intro_en, items) in enumerate(SECTIONS, start=1):
        section, _ = Section.objects.update_or_create(
            survey=survey,
            order=order,
            defaults={"title_ar": title_ar, "title_en": title_en, "intro_ar": intro_ar, "intro_en": intro_en},
        )
        for number, data in enumerate(items, start=1):
            question, _ = Question.objects.update_or_create(
                survey=survey,
                code=data["code"],
                defaults={
                    "section": section,
                    "order": number,
                    "kind": data["kind"],
                    "label_ar": data["label_ar"],
                    "label_en": data["label_en"],
                    "help_ar": data.get("help_ar", ""),
                    "help_en": data.get("help_en", ""),
                    "required": data.get("required", False),
                    "min_value": data.get("min"),
                    "max_value": data.get("max"),
                    "max_length": data.get("max_length"),
                },
            )
            questions[question.code] = question
            for choice_order, (value, label_ar, label_en) in enumerate(data.get("choices", []), start=1):
                Choice.objects.update_or_create(
                    question=question,
                    value=value,
                    defaults={"order": choice_order, "label_ar": label_ar, "label_en": label_en},
                )
            if "show_if" in data:
                conditions.append((question, *data["show_if"]))
    for question, controller, value in conditions:
        Question.objects.filter(pk=question.pk).update(show_if_question=questions[controller], show_if_value=value)
    return survey


def _story(survey: Survey, organizations: dict) -> None:
    now, today = timezone.now(), timezone.localdate()
    answers = _answers(today)
    # organization: (days since the link was sent, days since first opened, response status)
    story = {
        REVOLVING_FUND: (12, 11, ResponseStatus.SUBMITTED),
        RAWABI: (12, 9, ResponseStatus.SUBMITTED),
        AL_AWN: (12, 6, ResponseStatus.DRAFT),
        SFD: (12, 3, None),
        NAHD: (12, None, None),
    }
    questions = {question.code: question for question in Question.objects.filter(survey=survey)}
    sections = list(survey.sections.order_by("order"))
    districts = dict(District.objects.values_list("name_ar", "pk"))
    for name, (sent, opened, status) in story.items():
        organization = organizations[name]
        invitation, created = Invitation.objects.get_or_create(
            survey=survey,
            organization=organization,
            defaults={
                "key": tokens.new_key(),
                "sent_at": now - timedelta(days=sent),
                "first_opened_at": now - timedelta(days=opened) if opened is not None else None,
                "last_opened_at": now - timedelta(days=max(opened - 1, 0)) if opened is not None else None,
            },
        )
        if not created:
            continue  # the story already ran: whatever happened since is kept
        if status is not None:
            _respond(
                invitation, status, answers[name], questions, sections, districts, now - timedelta(days=opened - 1)
            )
        if status != ResponseStatus.SUBMITTED:
            Reminder.objects.create(invitation=invitation, sent_on=today - timedelta(days=4), via=ReminderVia.COMMAND)


def _respond(invitation, status, given: dict, questions, sections, districts, submitted_at) -> None:
    submitted = status == ResponseStatus.SUBMITTED
    response = Response.objects.create(
        invitation=invitation,
        status=status,
        submitted_at=submitted_at if submitted else None,
        current_section=sections[-1] if submitted else sections[3],
    )
    for code, value in given.items():
        question = questions[code]
        if question.kind == "districts":
            value = [str(districts[name]) for name in value]
        answer = Answer(response=response, question=question)
        answer_kinds.store(answer, question, value)
        answer.save()
