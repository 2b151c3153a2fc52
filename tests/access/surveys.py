"""Access rows of the questionnaires. The response belongs to org A's invitation to an open survey;
the respondent rows open the link of a third organization that has not answered yet.

Respondent pages need no account: the link is the key. A link that is unknown, revoked, of a
closed survey or of another survey is a 404 for everyone."""

from django.utils import timezone

from surveys import services
from surveys.models import Answer, Choice, Question, Response, ResponseStatus, Section, Survey, SurveyStatus
from surveys.selectors import invitation_token
from tests import factories
from tests.access import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Redirect, Row, answers
from tests.surveys import factories as survey_factories

STAFF_ONLY = answers(staff=OK, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN)
STAFF_POST = answers(staff=NOT_ALLOWED, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN)
# Completion and summaries: staff and the governor's office.
READERS = answers(staff=OK, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=OK, anonymous=LOGIN)
LINK_HOLDERS = answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=OK)
LINK_POST = answers(
    staff=NOT_ALLOWED, member_a=NOT_ALLOWED, member_b=NOT_ALLOWED, governor=NOT_ALLOWED, anonymous=NOT_ALLOWED
)
NOBODY = answers(staff=NOT_FOUND, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=NOT_FOUND)


def build(world) -> None:
    # Built with the ORM, not the services: every test of the access table builds this world.
    world.survey = Survey.objects.create(title_ar="استبيان شركاء الإقراض", status=SurveyStatus.OPEN)
    world.section = Section.objects.create(survey=world.survey, order=1, title_ar="بيانات الجهة")
    name, world.question, _strengths = (
        Question.objects.create(section=world.section, order=order, code=code, kind=kind, label_ar=code)
        for order, code, kind in (
            (1, "name", "short_text"),
            (2, "type", "single_choice"),
            (3, "strengths", "long_text"),
        )
    )
    world.choice, _other = Choice.objects.bulk_create(
        [Choice(question=world.question, order=1, value="mfi", label_ar="مؤسسة تمويل أصغر"),
         Choice(question=world.question, order=2, value="bank", label_ar="بنك")]
    )  # fmt: skip
    world.invitation_a = survey_factories.invite(world.survey, world.org_a, sent_at=timezone.now())
    world.response_a = Response.objects.create(
        invitation=world.invitation_a, status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    Answer.objects.create(response=world.response_a, question=name, text="خولة سالم سكارو")
    # The link the respondent rows open: an organization that has not answered yet.
    world.invitation_c = survey_factories.invite(world.survey, factories.OrganizationFactory(), sent_at=timezone.now())
    world.token_c = invitation_token(world.invitation_c)
    revoked = survey_factories.invite(world.survey, world.org_b)
    world.revoked_token = invitation_token(revoked)
    services.invitation_revoke(invitation=revoked, by=None)
    world.other_survey = Survey.objects.create(title_ar="استبيان الجولة الثانية", status=SurveyStatus.OPEN)
    world.closed_survey = Survey.objects.create(title_ar="استبيان مغلق", status=SurveyStatus.CLOSED)
    world.closed_token = invitation_token(survey_factories.invite(world.closed_survey, world.org_a))


def _survey(world) -> dict:
    return {"pk": world.survey.pk}


def _link(world, **extra) -> dict:
    return {"survey_pk": world.survey.pk, "token": world.token_c, **extra}


def _bad_links(name: str, **extra) -> list[Row]:
    """The same page through links that must open nothing."""
    cases = {
        "unknown": lambda w: {"survey_pk": w.survey.pk, "token": "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"},
        "malformed": lambda w: {"survey_pk": w.survey.pk, "token": "not-a-token"},
        "revoked": lambda w: {"survey_pk": w.survey.pk, "token": w.revoked_token},
        "closed": lambda w: {"survey_pk": w.closed_survey.pk, "token": w.closed_token},
        "other_survey": lambda w: {"survey_pk": w.other_survey.pk, "token": w.token_c},
    }
    return [
        Row(name, NOBODY, kwargs=lambda w, make=make: {**make(w), **extra}, id=f"{name}[{case}]")
        for case, make in cases.items()
    ]


ROWS = [
    Row(
        "surveys:list",
        answers(
            staff=OK,
            member_a=Redirect("surveys:mine"),
            member_b=Redirect("surveys:mine"),
            governor=OK,
            anonymous=LOGIN,
        ),
    ),
    Row("surveys:create", STAFF_ONLY),
    Row(
        "surveys:mine",
        answers(staff=FORBIDDEN, member_a=OK, member_b=OK, governor=FORBIDDEN, anonymous=LOGIN),
    ),
    Row("surveys:detail", READERS, kwargs=_survey),
    Row("surveys:edit", STAFF_ONLY, kwargs=_survey),
    Row("surveys:delete", STAFF_ONLY, kwargs=_survey),
    Row("surveys:open", STAFF_POST, kwargs=_survey, post_only=True),
    Row("surveys:close", STAFF_POST, kwargs=_survey, post_only=True),
    Row("surveys:copy", STAFF_POST, kwargs=_survey, post_only=True),
    Row("surveys:section_create", STAFF_ONLY, kwargs=lambda w: {"survey_pk": w.survey.pk}),
    Row("surveys:section_edit", STAFF_ONLY, kwargs=lambda w: {"pk": w.section.pk}),
    Row("surveys:section_delete", STAFF_ONLY, kwargs=lambda w: {"pk": w.section.pk}),
    Row("surveys:section_move", STAFF_POST, kwargs=lambda w: {"pk": w.section.pk}, post_only=True),
    Row("surveys:question_create", STAFF_ONLY, kwargs=lambda w: {"section_pk": w.section.pk}),
    Row("surveys:question_edit", STAFF_ONLY, kwargs=lambda w: {"pk": w.question.pk}),
    Row("surveys:question_delete", STAFF_ONLY, kwargs=lambda w: {"pk": w.question.pk}),
    Row("surveys:question_move", STAFF_POST, kwargs=lambda w: {"pk": w.question.pk}, post_only=True),
    Row("surveys:choice_create", STAFF_ONLY, kwargs=lambda w: {"question_pk": w.question.pk}),
    Row("surveys:choice_edit", STAFF_ONLY, kwargs=lambda w: {"pk": w.choice.pk}),
    Row("surveys:choice_delete", STAFF_ONLY, kwargs=lambda w: {"pk": w.choice.pk}),
    Row("surveys:choice_move", STAFF_POST, kwargs=lambda w: {"pk": w.choice.pk}, post_only=True),
    Row("surveys:board", READERS, kwargs=_survey),
    Row("surveys:invite", STAFF_ONLY, kwargs=_survey),
    Row("surveys:remind", STAFF_POST, kwargs=_survey, post_only=True),
    Row("surveys:invitation_send", STAFF_POST, kwargs=lambda w: {"pk": w.invitation_a.pk}, post_only=True),
    Row("surveys:invitation_shared", STAFF_POST, kwargs=lambda w: {"pk": w.invitation_a.pk}, post_only=True),
    Row("surveys:invitation_revoke", STAFF_POST, kwargs=lambda w: {"pk": w.invitation_a.pk}, post_only=True),
    Row("surveys:invitation_renew", STAFF_POST, kwargs=lambda w: {"pk": w.invitation_a.pk}, post_only=True),
    Row("surveys:results", READERS, kwargs=_survey),
    Row("surveys:export_xlsx", STAFF_ONLY, kwargs=_survey, html=False),
    Row("surveys:export_csv", STAFF_ONLY, kwargs=_survey, html=False),
    # Individual answers: staff and org A's own member; the others learn nothing about the id.
    Row(
        "surveys:response_detail",
        answers(staff=OK, member_a=OK, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=lambda w: {"pk": w.response_a.pk},
    ),
    Row(
        "surveys:response_reopen",
        answers(staff=OK, member_a=FORBIDDEN, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=lambda w: {"pk": w.response_a.pk},
    ),
    # The link works for whoever holds it, signed in or not.
    Row("surveys:respond", LINK_HOLDERS, kwargs=_link),
    *_bad_links("surveys:respond"),
    Row("surveys:respond_section", LINK_HOLDERS, kwargs=lambda w: _link(w, number=1)),
    Row(
        "surveys:respond_section",
        NOBODY,
        kwargs=lambda w: _link(w, number=9),
        id="surveys:respond_section[no_such_section]",
    ),
    *_bad_links("surveys:respond_section", number=1),
    Row("surveys:respond_autosave", LINK_POST, kwargs=lambda w: _link(w, number=1), post_only=True),
    Row("surveys:respond_review", LINK_HOLDERS, kwargs=_link),
    *_bad_links("surveys:respond_review"),
    Row("surveys:respond_submit", LINK_POST, kwargs=_link, post_only=True),
]
