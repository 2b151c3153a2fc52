"""The questionnaire as a partner fills it in, through the invitation link (no account needed).

Made for a phone on slow mobile data: one section per page, plain POST forms that work without
JavaScript ("Save and continue", "Back", "Save and finish later"), an optional autosave on top
(htmx). Every page answers 404 for a link that is unknown, malformed, revoked, of another
survey or of a survey that is not open, and counts toward the per-address limit on wrong links
(429 after 20 a minute). Opens by signed-in SMEPS staff or the governor's office are not
recorded, so that the board shows the partner's own visits only.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, is_governor_office
from core.ratelimit import rate_limited

from .. import services
from ..models import Invitation, Response
from ..respond_forms import SectionAnswersForm
from ..selectors import (
    answered_sections,
    district_choices,
    invitation_for_token,
    missing_required,
    progress,
    response_answers,
    survey_questions,
    survey_sections,
)
from ..services.responses import NotAccepting

NEXT, BACK, LATER = "next", "back", "later"


def _no_index(response):
    # The page is one organization's: never cached by a shared device or proxy, never indexed.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class Visit:
    """What every respondent page needs: the invitation, its survey's sections and questions, the
    response so far and its answers."""

    def __init__(self, survey_pk: int, token: str):
        invitation = invitation_for_token(survey_id=survey_pk, token=token)
        if invitation is None:
            raise Http404
        self.invitation: Invitation = invitation
        self.survey = invitation.survey
        self.token = token
        self.sections = survey_sections(self.survey)
        self.questions = survey_questions(self.survey)
        self.response: Response | None = Response.objects.filter(invitation=invitation).first()
        self.answers = response_answers(self.response)

    @property
    def submitted(self) -> bool:
        return self.response is not None and self.response.is_submitted

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"surveys:{name}", kwargs={"survey_pk": self.survey.pk, "token": self.token, **kwargs})

    def section(self, number: int):
        if not 1 <= number <= len(self.sections):
            raise Http404
        return self.sections[number - 1]

    def resume_number(self) -> int:
        current = self.response.current_section_id if self.response else None
        for number, section in enumerate(self.sections, start=1):
            if section.pk == current:
                return number
        return 1

    def context(self, **extra) -> dict:
        return {
            "invitation": self.invitation,
            "survey": self.survey,
            "organization": self.invitation.organization,
            "sections": self.sections,
            "progress": progress(self.questions, self.answers),
            "response": self.response,
            "submitted": self.submitted,
            "visit": self,
            "start_url": self.url("respond"),
            "review_url": self.url("respond_review"),
            **extra,
        }


def _record_open(request, visit: Visit) -> None:
    if not (is_agency_staff(request.user) or is_governor_office(request.user)):
        services.invitation_record_open(invitation=visit.invitation)


@never_cache
@rate_limited("survey-token")
def respond(request, survey_pk: int, token: str):
    visit = Visit(survey_pk, token)
    _record_open(request, visit)
    shown_answers = answered_sections(survey=visit.survey, answers=visit.answers) if visit.submitted else []
    section_links = [
        (number, section, visit.url("respond_section", number=number))
        for number, section in enumerate(visit.sections, start=1)
    ]
    context = visit.context(
        section_links=section_links,
        resume_number=visit.resume_number(),
        resume_url=visit.url("respond_section", number=visit.resume_number()),
        started=bool(visit.answers),
        shown_answers=shown_answers,
        overdue=visit.survey.is_overdue(timezone.localdate()),
    )
    return _no_index(render(request, "surveys/respond/start.html", context))


def _section_form(visit: Visit, section, data=None) -> SectionAnswersForm:
    return SectionAnswersForm(
        data,
        section=section,
        questions=visit.questions,
        answers=visit.answers,
        district_choices=district_choices(),
    )


def _save(visit: Visit, form: SectionAnswersForm, section, resume_at):
    return services.response_save_section(
        invitation=visit.invitation, section=section, answers=form.answers(), resume_at=resume_at
    )


@never_cache
@rate_limited("survey-token")
def respond_section(request, survey_pk: int, token: str, number: int):
    visit = Visit(survey_pk, token)
    section = visit.section(number)
    if visit.submitted:
        messages.info(request, _("This questionnaire was already submitted. Thank you."))
        return redirect(visit.url("respond"))
    form = _section_form(visit, section, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if form.is_valid():
            last = number == len(visit.sections)
            targets = {
                NEXT: (visit.url("respond_review") if last else visit.url("respond_section", number=number + 1)),
                BACK: visit.url("respond_section", number=max(number - 1, 1)),
                LATER: visit.url("respond"),
            }
            action = action if action in targets else NEXT
            resume_at = section
            if action == NEXT and not last:
                resume_at = visit.sections[number]
            elif action == BACK and number > 1:
                resume_at = visit.sections[number - 2]
            try:
                _save(visit, form, section, resume_at)
            except NotAccepting:
                raise Http404 from None
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect(visit.url("respond"))
            if action == LATER:
                messages.success(
                    request, _("Your answers are saved. Open the same link again to continue where you stopped.")
                )
            return redirect(targets[action])
    missing: set[int] = set()
    if request.GET.get("check"):
        for _section, questions in missing_required([section], visit.questions, visit.answers):
            missing = {question.pk for question in questions}
    context = visit.context(
        section=section,
        number=number,
        count=len(visit.sections),
        items=form.items(missing=missing),
        form=form,
        autosave_url=visit.url("respond_autosave", number=number),
        has_errors=form.is_bound and bool(form.errors),
    )
    return _no_index(render(request, "surveys/respond/section.html", context))


@never_cache
@rate_limited("survey-token")
@require_POST
def respond_autosave(request, survey_pk: int, token: str, number: int):
    """htmx saves the page's answers as they change; the plain form's buttons do the same without it."""
    visit = Visit(survey_pk, token)
    section = visit.section(number)
    form = _section_form(visit, section, request.POST)
    if visit.submitted:
        state, message = "locked", _("Already submitted: changes are not saved.")
    elif not form.is_valid():
        state, message = "invalid", _("Not saved yet: correct the marked answers, then press Save.")
    else:
        try:
            _save(visit, form, section, section)
        except NotAccepting:
            raise Http404 from None
        except ValidationError as error:
            state, message = "locked", error.messages[0]
        else:
            state = "saved"
            message = _("Draft saved at %(time)s.") % {"time": time_format(timezone.localtime(), "TIME_FORMAT")}
    return _no_index(render(request, "surveys/respond/autosave.html", {"state": state, "message": message}))


@never_cache
@rate_limited("survey-token")
def respond_review(request, survey_pk: int, token: str):
    visit = Visit(survey_pk, token)
    missing = missing_required(visit.sections, visit.questions, visit.answers)
    numbers = {section.pk: number for number, section in enumerate(visit.sections, start=1)}
    context = visit.context(
        shown_answers=[
            (section, answers, visit.url("respond_section", number=numbers[section.pk]))
            for section, answers in answered_sections(survey=visit.survey, answers=visit.answers)
        ],
        missing=[
            (section, questions, visit.url("respond_section", number=numbers[section.pk]) + "?check=1")
            for section, questions in missing
        ],
        submit_url=visit.url("respond_submit"),
        back_url=visit.url("respond_section", number=len(visit.sections)) if visit.sections else visit.url("respond"),
    )
    return _no_index(render(request, "surveys/respond/review.html", context))


@never_cache
@rate_limited("survey-token")
@require_POST
def respond_submit(request, survey_pk: int, token: str):
    visit = Visit(survey_pk, token)
    already = visit.submitted
    try:
        services.response_submit(invitation=visit.invitation)
    except NotAccepting:
        raise Http404 from None
    except services.IncompleteResponse:
        messages.error(request, _("Some required questions are not answered yet. They are listed below."))
        return redirect(visit.url("respond_review"))
    if not already:
        messages.success(request, _("Thank you! The questionnaire was submitted to SMEPS."))
    return redirect(visit.url("respond"))
