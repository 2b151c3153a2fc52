"""The questionnaires in the Django admin, with the portal's refusals.

Surveys are edited with their sections inline, questions with their choices inline. The models'
`clean()` (surveys.rules) refuses a change that would alter what stored answers mean; the inline
formsets refuse deleting a section whose questions have answers or a choice that answers picked.
Actions call the same services as the portal: open, close, copy, remind; send, revoke, renew links.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import DayFirstDatesMixin, VersionedAdminForm

from . import rules, services
from .models import Answer, Choice, Invitation, Question, Reminder, ReminderVia, Reopening, Response, Section, Survey


class SectionInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            section = form.instance
            if section.pk and any(question.has_answers for question in section.questions.all()):
                raise ValidationError(
                    _("“%(section)s” has questions with answers, so it cannot be deleted.") % {"section": section}
                )


class SectionInline(DayFirstDatesMixin, admin.TabularInline):
    model = Section
    formset = SectionInlineFormSet
    fields = ("order", "title_ar", "title_en")
    extra = 0
    show_change_link = True


def _report(modeladmin, request, done: int, errors: list[str]) -> None:
    for error in errors:
        modeladmin.message_user(request, error, messages.ERROR)
    if done:
        modeladmin.message_user(request, ngettext("%(count)s done.", "%(count)s done.", done) % {"count": done})


def _run(modeladmin, request, queryset, action) -> None:
    done, errors = 0, []
    for obj in queryset:
        try:
            action(obj)
        except ValidationError as error:
            errors += [f"{obj}: {message}" for message in error.messages]
        else:
            done += 1
    _report(modeladmin, request, done, errors)


@admin.register(Survey)
class SurveyAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    form = VersionedAdminForm
    exclude = ("version",)
    list_display = ("title_ar", "title_en", "status", "closes_on", "created_at")
    list_filter = ("status",)
    search_fields = ("title_ar", "title_en")
    readonly_fields = ("status", "opened_at", "closed_at", "copied_from", "created_by")
    inlines = (SectionInline,)
    actions = ("open_surveys", "close_surveys", "copy_surveys", "remind_pending")

    def save_model(self, request, obj, form, change):
        services.survey_save(survey=obj, expected_version=form.expected_version, by=request.user)

    def has_delete_permission(self, request, obj=None):
        # A survey organizations were invited to is closed, never deleted (its answers stay).
        if obj is not None and obj.invitations.exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.survey_delete(survey=obj)

    def delete_queryset(self, request, queryset):
        for survey in queryset:
            services.survey_delete(survey=survey)

    @admin.action(description=_("Open for answers"))
    def open_surveys(self, request, queryset):
        _run(self, request, queryset, lambda survey: services.survey_open(survey=survey, by=request.user))

    @admin.action(description=_("Close"))
    def close_surveys(self, request, queryset):
        _run(self, request, queryset, lambda survey: services.survey_close(survey=survey, by=request.user))

    @admin.action(description=_("Copy for a new round"))
    def copy_surveys(self, request, queryset):
        _run(self, request, queryset, lambda survey: services.survey_copy(survey=survey, by=request.user))

    @admin.action(description=_("Remind the organizations that have not submitted"))
    def remind_pending(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda survey: services.invitations_remind(survey=survey, by=request.user, via=ReminderVia.ACTION),
        )


class ChoiceInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk:
                rules.choice_delete_check(form.instance)


class ChoiceInline(DayFirstDatesMixin, admin.TabularInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ("order", "value", "label_ar", "label_en")
    extra = 0


@admin.register(Question)
class QuestionAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("code", "label_ar", "survey", "section", "kind", "required")
    list_filter = ("survey", "kind", "required")
    list_select_related = ("survey", "section")
    search_fields = ("code", "label_ar", "label_en")
    autocomplete_fields = ("show_if_question",)
    inlines = (ChoiceInline,)

    def save_model(self, request, obj, form, change):
        services.question_save(question=obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (obj.has_answers or obj.dependents.exists()):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.question_delete(question=obj)

    def delete_queryset(self, request, queryset):
        for question in queryset:
            services.question_delete(question=question)


@admin.register(Invitation)
class InvitationAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    """Invitations are made on the completion board; here they are read and acted on."""

    list_display = ("organization", "survey", "sent_at", "first_opened_at", "last_opened_at", "revoked_at")
    list_filter = ("survey", ("revoked_at", admin.EmptyFieldListFilter), ("sent_at", admin.EmptyFieldListFilter))
    list_select_related = ("organization", "survey")
    search_fields = ("organization__name_ar", "organization__name_en")
    fields = (
        "survey",
        "organization",
        "language",
        "sent_at",
        "first_opened_at",
        "last_opened_at",
        "revoked_at",
        "created_by",
    )
    readonly_fields = fields
    actions = ("send_invitations", "revoke_links", "renew_links")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Email the invitation"))
    def send_invitations(self, request, queryset):
        _run(self, request, queryset, lambda inv: services.invitation_send(invitation=inv, by=request.user))

    @admin.action(description=_("Revoke the link"))
    def revoke_links(self, request, queryset):
        _run(self, request, queryset, lambda inv: services.invitation_revoke(invitation=inv, by=request.user))

    @admin.action(description=_("Issue a new link"))
    def renew_links(self, request, queryset):
        _run(self, request, queryset, lambda inv: services.invitation_renew(invitation=inv, by=request.user))


@admin.register(Reminder)
class ReminderAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    list_display = ("invitation", "sent_on", "sent_at", "via", "sent_by")
    list_filter = ("via", "sent_on")
    list_select_related = ("invitation__organization", "invitation__survey", "sent_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnswerInline(DayFirstDatesMixin, admin.TabularInline):
    model = Answer
    fields = ("question", "text", "number", "date", "values")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReopeningInline(DayFirstDatesMixin, admin.TabularInline):
    model = Reopening
    fields = ("reopened_at", "reopened_by", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Response)
class ResponseAdmin(DayFirstDatesMixin, admin.ModelAdmin):
    """Read only: responses are written by their organization and reopened from the portal."""

    list_display = ("invitation", "status", "submitted_at", "updated_at")
    list_filter = ("status", "invitation__survey")
    list_select_related = ("invitation__organization", "invitation__survey")
    fields = ("invitation", "status", "current_section", "submitted_at")
    readonly_fields = fields
    inlines = (AnswerInline, ReopeningInline)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
