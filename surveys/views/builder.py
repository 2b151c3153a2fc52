"""Building a questionnaire (staff): the list, the survey, its sections, questions and choices.

The governor's office reads the list and a survey's questions; partner members are sent to their
own questionnaires.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, is_partner_member, portal_user_required, staff_required
from core.forms import save_and_redirect
from core.lists import list_page, render_list

from .. import services
from ..filters import SurveyFilter
from ..forms import ChoiceForm, QuestionForm, SectionForm, SurveyForm
from ..models import CHOICE_KINDS, Choice, Question, Section, Survey
from ..selectors import SURVEY_SORTS, surveys_list
from ..services.builder import DOWN, UP, structure_problems
from .common import message_from, readers_required


@portal_user_required
def survey_list(request):
    if is_partner_member(request.user):
        # Their own organization's questionnaires are what a partner member looks for here.
        return redirect("surveys:mine")
    listing = list_page(
        request,
        queryset=surveys_list(user=request.user).select_related("copied_from"),
        filterset_class=SurveyFilter,
        sorts=SURVEY_SORTS,
        default_sort="-created",
    )
    return render_list(
        request,
        "surveys/survey_list.html",
        listing,
        results_template="surveys/includes/survey_list_results.html",
        context={"can_edit": is_agency_staff(request.user)},
    )


@readers_required
def survey_detail(request, pk: int):
    sections = Prefetch(
        "sections",
        queryset=Section.objects.order_by("order", "pk").prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.order_by("order", "pk")
                .select_related("show_if_question")
                .prefetch_related("choices"),
            )
        ),
    )
    survey = get_object_or_404(Survey.objects.visible_to(request.user).prefetch_related(sections), pk=pk)
    can_edit = is_agency_staff(request.user)
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "can_edit": can_edit,
            "problems": structure_problems(survey) if can_edit and not survey.is_open else [],
        },
    )


def _form_page(request, form, *, title: str, survey: Survey | None = None, **extra):
    return render(request, "surveys/form.html", {"form": form, "title": title, "survey": survey, **extra})


@staff_required
def survey_create(request):
    form = SurveyForm(request.POST or None)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.survey_save(survey=form.save(commit=False), expected_version=None, by=request.user),
        message=_("The questionnaire was created. Add its first section."),
    )
    if done:
        return done
    return _form_page(request, form, title=_("New questionnaire"))


@staff_required
def survey_edit(request, pk: int):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)
    form = SurveyForm(request.POST or None, instance=survey)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.survey_save(survey=form.save(commit=False), expected_version=form.expected_version),
        message=_("The changes were saved."),
        to=survey,
    )
    if done:
        return done
    return _form_page(request, form, title=_("Edit the questionnaire"), survey=survey)


@staff_required
def survey_delete(request, pk: int):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)
    if request.method == "POST":
        try:
            services.survey_delete(survey=survey)
        except ValidationError as error:
            message_from(request, error)
            return redirect(survey)
        messages.success(request, _("The questionnaire was deleted."))
        return redirect("surveys:list")
    return render(
        request,
        "surveys/confirm_delete.html",
        {"object": survey, "survey": survey, "cancel_url": survey.get_absolute_url()},
    )


def _status_action(request, pk: int, action, done: str):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)
    try:
        result = action(survey=survey, by=request.user)
    except ValidationError as error:
        message_from(request, error)
        return redirect(survey)
    messages.success(request, done)
    return redirect(result)


@staff_required
@require_POST
def survey_open(request, pk: int):
    return _status_action(request, pk, services.survey_open, _("The questionnaire is open: invitation links work."))


@staff_required
@require_POST
def survey_close(request, pk: int):
    return _status_action(
        request, pk, services.survey_close, _("The questionnaire is closed: its links no longer work.")
    )


@staff_required
@require_POST
def survey_copy(request, pk: int):
    return _status_action(
        request,
        pk,
        services.survey_copy,
        _("This is a copy, as a draft: change what the new round needs, then open it."),
    )


# Sections.


def _editable_section(request, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("survey"), pk=pk, survey__in=Survey.objects.editable_by(request.user)
    )


def _section_url(section: Section) -> str:
    return f"{section.survey.get_absolute_url()}#section-{section.pk}"


def _question_url(question: Question) -> str:
    return f"{question.survey.get_absolute_url()}#question-{question.pk}"


@staff_required
def section_create(request, survey_pk: int):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=survey_pk)
    form = SectionForm(request.POST or None)

    def save():
        section = form.save(commit=False)
        section.survey = survey
        return services.section_save(section=section)

    done = save_and_redirect(request, form, save=save, message=_("The section was added."), to=_section_url)
    if done:
        return done
    return _form_page(request, form, title=_("Add a section"), survey=survey)


@staff_required
def section_edit(request, pk: int):
    section = _editable_section(request, pk)
    form = SectionForm(request.POST or None, instance=section)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.section_save(section=form.save(commit=False)),
        message=_("The changes were saved."),
        to=_section_url,
    )
    if done:
        return done
    delete_url = reverse("surveys:section_delete", args=[section.pk])
    return _form_page(request, form, title=_("Edit the section"), survey=section.survey, delete_url=delete_url)


def _delete_page(request, obj, survey: Survey, delete):
    if request.method == "POST":
        try:
            delete()
        except ValidationError as error:
            message_from(request, error)
        else:
            messages.success(request, _("Deleted."))
        return redirect(survey)
    return render(
        request,
        "surveys/confirm_delete.html",
        {"object": obj, "survey": survey, "cancel_url": survey.get_absolute_url()},
    )


@staff_required
def section_delete(request, pk: int):
    section = _editable_section(request, pk)
    return _delete_page(request, section, section.survey, lambda: services.section_delete(section=section))


def _direction(request) -> str:
    return UP if request.POST.get("direction") == UP else DOWN


def _move(request, move, *, survey: Survey, anchor: str):
    """Move an item up or down (`move(direction)`), back to it on the survey's page."""
    try:
        move(_direction(request))
    except ValidationError as error:
        message_from(request, error)
    return redirect(f"{survey.get_absolute_url()}#{anchor}")


@staff_required
@require_POST
def section_move(request, pk: int):
    section = _editable_section(request, pk)
    return _move(
        request,
        lambda direction: services.section_move(section=section, direction=direction),
        survey=section.survey,
        anchor=f"section-{pk}",
    )


# Questions.


def _editable_question(request, pk: int) -> Question:
    return get_object_or_404(
        Question.objects.select_related("survey", "section"), pk=pk, survey__in=Survey.objects.editable_by(request.user)
    )


@staff_required
def question_create(request, section_pk: int):
    section = _editable_section(request, section_pk)
    survey = section.survey
    form = QuestionForm(request.POST or None, survey=survey, initial={"section": section})

    def next_page(question: Question) -> str:
        if question.kind in CHOICE_KINDS:
            messages.info(request, _("Now add its choices."))
            return reverse("surveys:question_edit", args=[question.pk])
        return _question_url(question)

    done = save_and_redirect(
        request,
        form,
        save=lambda: services.question_save(question=form.save(commit=False)),
        message=_("The question was added."),
        to=next_page,
    )
    if done:
        return done
    return _form_page(request, form, title=_("Add a question"), survey=survey)


@staff_required
def question_edit(request, pk: int):
    question = _editable_question(request, pk)
    survey = question.survey
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.question_save(question=form.save(commit=False)),
        message=_("The changes were saved."),
        to=_question_url,
    )
    if done:
        return done
    return _form_page(
        request,
        form,
        title=_("Edit the question"),
        survey=survey,
        question=question,
        choices=question.choices.order_by("order", "pk") if question.kind in CHOICE_KINDS else None,
        has_answers=question.has_answers,
        delete_url=reverse("surveys:question_delete", args=[question.pk]),
    )


@staff_required
def question_delete(request, pk: int):
    question = _editable_question(request, pk)
    return _delete_page(request, question, question.survey, lambda: services.question_delete(question=question))


@staff_required
@require_POST
def question_move(request, pk: int):
    question = _editable_question(request, pk)
    return _move(
        request,
        lambda direction: services.question_move(question=question, direction=direction),
        survey=question.survey,
        anchor=f"question-{pk}",
    )


# Choices.


def _editable_choice(request, pk: int) -> Choice:
    return get_object_or_404(
        Choice.objects.select_related("question__survey"),
        pk=pk,
        question__survey__in=Survey.objects.editable_by(request.user),
    )


def _question_edit_url(question: Question) -> str:
    return reverse("surveys:question_edit", args=[question.pk])


@staff_required
def choice_create(request, question_pk: int):
    question = _editable_question(request, question_pk)
    form = ChoiceForm(request.POST or None)

    def save():
        choice = form.save(commit=False)
        choice.question = question
        return services.choice_save(choice=choice)

    done = save_and_redirect(
        request, form, save=save, message=_("The choice was added."), to=_question_edit_url(question)
    )
    if done:
        return done
    return _form_page(request, form, title=_("Add a choice"), survey=question.survey, question=question)


@staff_required
def choice_edit(request, pk: int):
    choice = _editable_choice(request, pk)
    question = choice.question
    form = ChoiceForm(request.POST or None, instance=choice)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.choice_save(choice=form.save(commit=False)),
        message=_("The changes were saved."),
        to=_question_edit_url(question),
    )
    if done:
        return done
    return _form_page(
        request,
        form,
        title=_("Edit the choice"),
        survey=question.survey,
        question=question,
        delete_url=reverse("surveys:choice_delete", args=[choice.pk]),
    )


@staff_required
def choice_delete(request, pk: int):
    choice = _editable_choice(request, pk)
    question = choice.question
    if request.method == "POST":
        try:
            services.choice_delete(choice=choice)
        except ValidationError as error:
            message_from(request, error)
        else:
            messages.success(request, _("Deleted."))
        return redirect("surveys:question_edit", pk=question.pk)
    cancel = reverse("surveys:question_edit", args=[question.pk])
    return render(
        request, "surveys/confirm_delete.html", {"object": choice, "survey": question.survey, "cancel_url": cancel}
    )


@staff_required
@require_POST
def choice_move(request, pk: int):
    choice = _editable_choice(request, pk)
    try:
        services.choice_move(choice=choice, direction=_direction(request))
    except ValidationError as error:
        message_from(request, error)
    return redirect("surveys:question_edit", pk=choice.question_id)
