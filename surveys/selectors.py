"""Reads of the questionnaires that views, panels, exports and services share.

States are derived here, never stored: an invitation is not sent, sent, opened, in progress or
submitted according to its dates and its response; the share answered counts the questions shown
(a question whose condition is not met does not count).
"""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import absolute_url
from partners.models import District, Membership, Organization, PartnerRole
from partners.selectors import display_name_expression

from . import answers as answer_kinds
from .models import (
    NUMBER_KINDS,
    TEXT_KINDS,
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Response,
    ResponseStatus,
    Section,
    Survey,
    SurveyStatus,
)
from .tokens import mac_matches, make_token, split_token

SURVEY_SORTS = {
    "title": ("title_ar",),
    "status": ("status", "-created_at"),
    "deadline": ("closes_on", "-created_at"),
    "created": ("created_at",),
    "submitted": ("submitted_count", "-created_at"),
}


def surveys_list(*, user) -> QuerySet[Survey]:
    """The surveys `user` may see, with their invitation and submission counts (one query)."""
    return Survey.objects.visible_to(user).annotate(
        invitation_count=Count("invitations", distinct=True),
        submitted_count=Count(
            "invitations", filter=Q(invitations__response__status=ResponseStatus.SUBMITTED), distinct=True
        ),
    )


def invitation_for_token(*, survey_id: int, token: str) -> Invitation | None:
    """The invitation a link opens, or None: unknown or malformed token, a token of another
    survey, a revoked link, or a survey that is not open. Callers answer 404 in every case."""
    parts = split_token(token)
    if parts is None:
        return None
    key, mac = parts
    invitation = (
        Invitation.objects.select_related("survey", "organization")
        .filter(key=key, survey_id=survey_id, revoked_at__isnull=True, survey__status=SurveyStatus.OPEN)
        .first()
    )
    if invitation is None or not mac_matches(survey_id=survey_id, key=key, mac=mac):
        return None
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return make_token(survey_id=invitation.survey_id, key=invitation.key)


def invitation_link(invitation: Invitation, *, language: str | None = None, absolute: bool = True) -> str:
    """The invitation's link in `language` (the active one by default), to paste or to email."""
    with translation.override(language or translation.get_language()):
        path = reverse(
            "surveys:respond", kwargs={"survey_pk": invitation.survey_id, "token": invitation_token(invitation)}
        )
    return absolute_url(path) if absolute else path


def recipient_prefetches(prefix: str = "") -> list:
    """What `invitation_recipients` reads, to prefetch (one query per table) from organizations
    (or, with a prefix such as "organization__", from rows that point to them)."""
    return [
        f"{prefix}contacts",
        Prefetch(
            f"{prefix}memberships",
            queryset=Membership.objects.filter(is_active=True, user__is_active=True).select_related("user"),
        ),
    ]


def invitation_recipients(organization: Organization) -> list[str]:
    """Where an organization's questionnaire emails go: its own address, its contacts' and its
    active members', each once (compared without case)."""
    addresses = [organization.email]
    addresses += [contact.email for contact in organization.contacts.all()]
    addresses += [m.user.email for m in organization.memberships.all() if m.is_active and m.user.is_active]
    seen, recipients = set(), []
    for address in addresses:
        address = (address or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            recipients.append(address)
    return recipients


def survey_sections(survey: Survey) -> list[Section]:
    return list(survey.sections.order_by("order", "pk"))


def survey_questions(survey: Survey) -> list[Question]:
    """Every question of the survey in order, with its section and choices (two queries)."""
    return list(
        Question.objects.filter(survey=survey)
        .select_related("section")
        .prefetch_related("choices")
        .order_by("section__order", "section_id", "order", "pk")
    )


def response_answers(response: Response | None) -> dict[int, Answer]:
    if response is None or response.pk is None:
        return {}
    return {answer.question_id: answer for answer in response.answers.all()}


def district_choices() -> list[tuple[str, str]]:
    return sorted(((str(d.pk), d.name) for d in District.objects.all()), key=lambda item: item[1])


def district_names() -> dict[str, str]:
    return dict(district_choices())


def list_values(answers: dict[int, Answer]) -> dict[int, list[str]]:
    return {question_id: list(answer.values or []) for question_id, answer in answers.items()}


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def progress(questions: list[Question], answers: dict[int, Answer]) -> Progress:
    """How many of the questions shown have an answer."""
    shown = answer_kinds.visible_ids(questions, list_values(answers))
    answered = sum(1 for pk in shown if answer_kinds.is_answered(answers.get(pk)))
    return Progress(answered=answered, total=len(shown))


def missing_required(
    sections: list[Section], questions: list[Question], answers: dict[int, Answer]
) -> list[tuple[Section, list[Question]]]:
    """The sections with a required question shown but not answered, with those questions."""
    shown = answer_kinds.visible_ids(questions, list_values(answers))
    missing = []
    for section in sections:
        gaps = [
            q
            for q in questions
            if q.section_id == section.pk
            and q.required
            and q.pk in shown
            and not answer_kinds.is_answered(answers.get(q.pk))
        ]
        if gaps:
            missing.append((section, gaps))
    return missing


# The completion board.


class BoardState:
    NOT_SENT = "not_sent"
    SENT = "sent"
    OPENED = "opened"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"

    choices = [
        (NOT_SENT, _("Not sent")),
        (SENT, _("Sent")),
        (OPENED, _("Opened")),
        (IN_PROGRESS, _("In progress")),
        (SUBMITTED, _("Submitted")),
    ]
    labels = dict(choices)


@dataclass
class BoardRow:
    organization: Organization
    invitation: Invitation | None
    state: str
    progress: Progress | None = None
    recipients: list[str] = field(default_factory=list)
    overdue: bool = False

    @property
    def state_label(self) -> str:
        return BoardState.labels[self.state]

    @property
    def response(self) -> Response | None:
        return getattr(self.invitation, "response", None) if self.invitation else None


def invitation_state(invitation: Invitation | None, progress_: Progress | None) -> str:
    if invitation is None:
        return BoardState.NOT_SENT
    response = getattr(invitation, "response", None)
    if response is not None and response.status == ResponseStatus.SUBMITTED:
        return BoardState.SUBMITTED
    if progress_ is not None and progress_.answered:
        return BoardState.IN_PROGRESS
    if invitation.first_opened_at:
        return BoardState.OPENED
    if invitation.sent_at:
        return BoardState.SENT
    return BoardState.NOT_SENT


def _answers_by_response(survey: Survey) -> dict[int, dict[int, Answer]]:
    grouped: dict[int, dict[int, Answer]] = {}
    rows = Answer.objects.filter(response__invitation__survey=survey).only(
        "response_id", "question_id", "text", "number", "date", "values"
    )
    for answer in rows:
        grouped.setdefault(answer.response_id, {})[answer.question_id] = answer
    return grouped


def board_rows(*, survey: Survey, today: date) -> list[BoardRow]:
    """One row per active lending partner and per invited organization, with its derived state,
    share answered, reminders and email addresses. A fixed number of queries for any number of rows."""
    invitations = {
        invitation.organization_id: invitation
        for invitation in Invitation.objects.filter(survey=survey)
        .select_related("response")
        .annotate(reminder_count=Count("reminders"), last_reminder_on=Max("reminders__sent_on"))
    }
    organizations = (
        Organization.objects.filter(
            Q(is_active=True, role__in=[PartnerRole.LENDING, PartnerRole.BOTH]) | Q(pk__in=list(invitations))
        )
        .annotate(display_name=display_name_expression())
        .prefetch_related(*recipient_prefetches())
        .order_by("display_name", "pk")
    )
    questions = list(
        Question.objects.filter(survey=survey).only("id", "section_id", "show_if_question_id", "show_if_value")
    )
    answers = _answers_by_response(survey)
    overdue = survey.is_overdue(today)
    rows = []
    for organization in organizations:
        invitation = invitations.get(organization.pk)
        response = getattr(invitation, "response", None) if invitation else None
        progress_ = progress(questions, answers.get(response.pk, {})) if response else None
        row = BoardRow(
            organization=organization,
            invitation=invitation,
            state=invitation_state(invitation, progress_),
            progress=progress_,
            recipients=invitation_recipients(organization),
        )
        row.overdue = overdue and row.state != BoardState.SUBMITTED
        rows.append(row)
    return rows


def board_counts(rows: list[BoardRow]) -> dict[str, int]:
    counts = dict.fromkeys(BoardState.labels, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


def completion(survey: Survey) -> dict:
    """Invited and submitted counts of a survey (one query), for panels and lists."""
    return survey.invitations.aggregate(
        invited=Count("pk"),
        submitted=Count("pk", filter=Q(response__status=ResponseStatus.SUBMITTED)),
        in_progress=Count("pk", filter=Q(response__status=ResponseStatus.DRAFT)),
    )


# Results.


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # label, count, percent
    numbers: dict | None = None  # min, median, max, sum
    texts: list[tuple[str, str]] = field(default_factory=list)  # organization, text
    dates: tuple | None = None  # earliest, latest

    @property
    def number_cells(self) -> list[tuple[str, object]]:
        """The summary numbers with their labels, in reading order."""
        labels = {"min": _("Smallest"), "median": _("Median"), "max": _("Largest"), "sum": _("Sum")}
        return [(labels[key], self.numbers[key]) for key in labels if self.numbers and key in self.numbers]


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def survey_results(*, survey: Survey, include_texts: bool) -> tuple[int, list[tuple[Section, list[QuestionResult]]]]:
    """Aggregates of the submitted responses, question by question: counts and shares for choices,
    yes/no, the scale and districts; smallest, median, largest and sum for numbers and amounts;
    earliest and latest for dates; the text answers with their organization only when
    `include_texts` (staff). Returns the number of submitted responses and the sections' results."""
    questions = survey_questions(survey)
    submitted = Response.objects.filter(invitation__survey=survey, status=ResponseStatus.SUBMITTED)
    names = district_names()
    by_question: dict[int, list[Answer]] = {}
    for answer in (
        Answer.objects.filter(response__in=submitted)
        .select_related("response__invitation__organization")
        .order_by("response__invitation__organization__name_ar", "pk")
    ):
        by_question.setdefault(answer.question_id, []).append(answer)
    results = [_question_result(q, by_question.get(q.pk, []), names, include_texts) for q in questions]
    sections = []
    for section in survey_sections(survey):
        sections.append((section, [r for r in results if r.question.section_id == section.pk]))
    return submitted.count(), sections


def _question_result(question: Question, rows: list[Answer], names: dict, include_texts: bool) -> QuestionResult:
    rows = [row for row in rows if answer_kinds.is_answered(row)]
    result = QuestionResult(question=question, answered=len(rows))
    kind = question.kind
    if kind in NUMBER_KINDS:
        numbers = [row.number for row in rows]
        if numbers:
            result.numbers = {
                "min": min(numbers),
                "median": statistics.median(numbers),
                "max": max(numbers),
                "sum": sum(numbers),
            }
    elif kind in TEXT_KINDS:
        if include_texts:
            result.texts = [(row.response.invitation.organization.name, row.text) for row in rows]
    elif kind == QuestionKind.DATE:
        days = [row.date for row in rows]
        if days:
            result.dates = (min(days), max(days))
    elif kind == QuestionKind.SCALE:
        values = [int(row.number) for row in rows]
        result.counts = [(str(n), values.count(n), _percent(values.count(n), len(values))) for n in range(1, 6)]
        if values:
            result.numbers = {"median": statistics.median(values)}
    else:
        picked: dict[str, int] = {}
        for row in rows:
            for value in row.values:
                picked[value] = picked.get(value, 0) + 1
        if kind == QuestionKind.DISTRICTS:
            options = [(value, names.get(value, value)) for value in sorted(picked, key=lambda v: -picked[v])]
        elif kind == QuestionKind.YES_NO:
            options = [("yes", answer_kinds.labels(question, ["yes"], district_names=names)[0]),
                       ("no", answer_kinds.labels(question, ["no"], district_names=names)[0])]  # fmt: skip
        else:
            options = [(choice.value, choice.label) for choice in question.choices.all()]
        result.counts = [
            (label, picked.get(value, 0), _percent(picked.get(value, 0), len(rows))) for value, label in options
        ]
    return result


def export_rows(*, survey: Survey) -> tuple[list[Question], list[tuple[Invitation, str, dict[int, Answer]]]]:
    """Every invitation of the survey with its state and answers, for the spreadsheet export."""
    questions = survey_questions(survey)
    answers = _answers_by_response(survey)
    invitations = (
        Invitation.objects.filter(survey=survey)
        .select_related("organization", "response")
        .annotate(display_name=display_name_expression("organization__"))
        .order_by("display_name", "pk")
    )
    rows = []
    for invitation in invitations:
        response = getattr(invitation, "response", None)
        given = answers.get(response.pk, {}) if response else {}
        state = invitation_state(invitation, progress(questions, given) if response else None)
        rows.append((invitation, state, given))
    return questions, rows


def organization_invitations(*, user, organization_id: int) -> list[Invitation]:
    """The invitations of the organization that `user` may see, newest survey first, with their
    state and progress (a fixed number of queries)."""
    invitations = list(
        Invitation.objects.visible_to(user)
        .filter(organization_id=organization_id)
        .select_related("survey", "response")
        .prefetch_related(Prefetch("response__answers"))
        .order_by("-survey__created_at")
    )
    questions_by_survey: dict[int, list[Question]] = {}
    for question in Question.objects.filter(survey_id__in={i.survey_id for i in invitations}):
        questions_by_survey.setdefault(question.survey_id, []).append(question)
    for invitation in invitations:
        response = getattr(invitation, "response", None)
        given = {a.question_id: a for a in response.answers.all()} if response else {}
        questions = questions_by_survey.get(invitation.survey_id, [])
        invitation.progress = progress(questions, given) if response else None
        invitation.state = invitation_state(invitation, invitation.progress)
        invitation.state_label = BoardState.labels[invitation.state]
    return invitations


def answered_sections(
    *, survey: Survey, answers: dict[int, Answer]
) -> list[tuple[Section, list[tuple[Question, str]]]]:
    """The questions shown, by section, with each answer as a person reads it ("" if unanswered)."""
    questions = survey_questions(survey)
    shown = answer_kinds.visible_ids(questions, list_values(answers))
    names = district_names()
    return [
        (
            section,
            [
                (q, answer_kinds.display(q, answers.get(q.pk), district_names=names))
                for q in questions
                if q.section_id == section.pk and q.pk in shown
            ],
        )
        for section in survey_sections(survey)
    ]
