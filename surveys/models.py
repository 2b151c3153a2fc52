"""Questionnaires: a survey's sections, questions and choices; the invitation each organization gets
(a link that needs no account), the reminders sent on it, and the response with its answers.

Derived states are computed, not stored: an invitation's place on the completion board
(not sent, sent, opened, in progress, submitted) comes from its dates and its response
(`surveys.selectors`), "overdue" from the survey's deadline.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from core.models import TimeStampedModel, VersionedModel, bilingual
from partners.models import Organization

from . import rules


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SurveyQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SurveyQuerySet":
        """Staff see every survey; the governor's office those that were opened; a partner member
        those their organization was invited to; anyone else none."""
        if is_agency_staff(user):
            return self
        if is_governor_office(user):
            return self.exclude(status=SurveyStatus.DRAFT)
        org_id = partner_organization_id(user)
        if org_id is not None:
            return self.exclude(status=SurveyStatus.DRAFT).filter(invitations__organization_id=org_id).distinct()
        return self.none()

    def editable_by(self, user) -> "SurveyQuerySet":
        return self if is_agency_staff(user) else self.none()


class Survey(TimeStampedModel, VersionedModel):
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ar = models.TextField(_("introduction (Arabic)"), blank=True)
    description_en = models.TextField(_("introduction (English)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    closes_on = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("The date partners are asked to answer by. Links keep working until the questionnaire is closed."),
    )
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), related_name="copies", null=True, blank=True, on_delete=models.SET_NULL
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [models.CheckConstraint(condition=~Q(title_ar=""), name="survey_title_ar_not_blank")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:detail", args=[self.pk])

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def description(self) -> str:
        return bilingual(self, "description")

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN

    def is_overdue(self, today) -> bool:
        return self.closes_on is not None and self.closes_on < today


class Section(TimeStampedModel):
    survey = models.ForeignKey(
        Survey, verbose_name=_("questionnaire"), related_name="sections", on_delete=models.CASCADE
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_ar = models.TextField(_("introduction (Arabic)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def intro(self) -> str:
        return bilingual(self, "intro")


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Number with decimals")
    AMOUNT = "amount", _("Amount (YER)")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    YES_NO = "yes_no", _("Yes / no")
    DATE = "date", _("Date")
    SCALE = "scale", _("Scale from 1 to 5")
    DISTRICTS = "districts", _("Districts of Hadramout")


TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
NUMBER_KINDS = (QuestionKind.INTEGER, QuestionKind.DECIMAL, QuestionKind.AMOUNT)
CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
# Kinds whose answer is a list of values in `Answer.values`; a condition can only test these.
LIST_KINDS = (*CHOICE_KINDS, QuestionKind.YES_NO, QuestionKind.DISTRICTS)
YES, NO = "yes", "no"


class Question(TimeStampedModel):
    survey = models.ForeignKey(
        Survey, verbose_name=_("questionnaire"), related_name="questions", on_delete=models.CASCADE, editable=False
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), related_name="questions", on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("A short stable name (letters, digits, - and _), the column of this question in exports."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label_ar = models.CharField(_("question (Arabic)"), max_length=500)
    label_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    help_ar = models.TextField(_("help text (Arabic)"), blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    min_value = models.DecimalField(_("smallest value"), max_digits=20, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("largest value"), max_digits=20, decimal_places=2, null=True, blank=True)
    max_length = models.PositiveIntegerField(
        _("longest answer (characters)"),
        null=True,
        blank=True,
        help_text=_("Empty: 500 characters for short text, 5000 for long text."),
    )
    show_if_question = models.ForeignKey(
        "self",
        verbose_name=_("show only when the answer to"),
        related_name="dependents",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    show_if_value = models.CharField(_("is"), max_length=50, blank=True)

    class Meta:
        ordering = ["section__order", "section_id", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="question_code_unique_in_survey"),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(min_value__lte=models.F("max_value")),
                name="question_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(show_if_question__isnull=True, show_if_value="")
                | (Q(show_if_question__isnull=False) & ~Q(show_if_value="")),
                name="question_condition_complete",
            ),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        # The survey is the section's: kept on the row so that codes are unique per survey in the database.
        self.survey_id = self.section.survey_id
        super().save(*args, **kwargs)

    def clean(self):
        rules.question_clean(self)

    @property
    def label(self) -> str:
        return bilingual(self, "label")

    @property
    def help(self) -> str:
        return bilingual(self, "help")

    @property
    def text_limit(self) -> int:
        return rules.text_limit(self)

    @property
    def has_answers(self) -> bool:
        return self.pk is not None and self.answers.exists()


class Choice(TimeStampedModel):
    question = models.ForeignKey(Question, verbose_name=_("question"), related_name="choices", on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.SlugField(
        _("value"), max_length=50, help_text=_("A short stable name (letters, digits, - and _), stored in the answers.")
    )
    label_ar = models.CharField(_("label (Arabic)"), max_length=300)
    label_en = models.CharField(_("label (English)"), max_length=300, blank=True)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [models.UniqueConstraint(fields=["question", "value"], name="choice_value_unique_in_question")]

    def __str__(self):
        return self.label

    def clean(self):
        rules.choice_clean(self)

    @property
    def label(self) -> str:
        return bilingual(self, "label")

    @property
    def is_used(self) -> bool:
        return self.pk is not None and rules.choice_value_used(self.question_id, rules.stored_value(self))


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "InvitationQuerySet":
        """Staff see every invitation; a partner member their organization's (of opened surveys)."""
        if is_agency_staff(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is not None:
            return self.filter(organization_id=org_id).exclude(survey__status=SurveyStatus.DRAFT)
        return self.none()


class Invitation(TimeStampedModel):
    """One organization's invitation to one survey: a link that needs no account.

    The link's token is made from `key` (see `surveys.tokens`); replacing the key (revoking, or
    issuing a new link) makes every earlier link stop working.
    """

    survey = models.ForeignKey(
        Survey, verbose_name=_("questionnaire"), related_name="invitations", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="survey_invitations", on_delete=models.PROTECT
    )
    key = models.CharField(max_length=32, unique=True, editable=False)
    language = models.CharField(_("language of the emails"), max_length=5, choices=settings.LANGUAGES, default="ar")
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    first_opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    last_opened_at = models.DateTimeField(_("last opened at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "organization__name_ar"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "organization"], name="invitation_one_per_organization"),
        ]

    def __str__(self):
        return f"{self.survey} - {self.organization}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.survey.status == SurveyStatus.OPEN


class ReminderVia(models.TextChoices):
    ACTION = "action", _("Portal action")
    COMMAND = "command", _("Scheduled command")


class Reminder(models.Model):
    """A reminder emailed on an invitation. The unique (invitation, day) pair is what keeps it to
    one a day even when the portal action and the scheduled command run at the same moment."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), related_name="reminders", on_delete=models.CASCADE
    )
    sent_on = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    via = models.CharField(_("sent through"), max_length=10, choices=ReminderVia.choices)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["invitation", "sent_on"], name="reminder_one_per_invitation_per_day"),
        ]

    def __str__(self):
        return f"{self.invitation} - {self.sent_on}"


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class ResponseQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResponseQuerySet":
        """Individual answers: staff all; a partner member only their own organization's; the
        governor's office none (they read completion and summaries only)."""
        if is_agency_staff(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is not None:
            return self.filter(invitation__organization_id=org_id).exclude(
                invitation__survey__status=SurveyStatus.DRAFT
            )
        return self.none()


class Response(TimeStampedModel, VersionedModel):
    """One organization's answers to one survey: a draft saved section by section, locked on submit."""

    invitation = models.OneToOneField(
        Invitation, verbose_name=_("invitation"), related_name="response", on_delete=models.CASCADE
    )
    status = models.CharField(_("status"), max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT)
    current_section = models.ForeignKey(
        Section, verbose_name=_("resume at"), related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ResponseStatus.DRAFT, submitted_at__isnull=True)
                | Q(status=ResponseStatus.SUBMITTED, submitted_at__isnull=False),
                name="response_submitted_has_date",
            ),
        ]

    def __str__(self):
        return str(self.invitation)

    def get_absolute_url(self):
        return reverse("surveys:response_detail", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED


class Reopening(models.Model):
    """The log of a submitted response reopened by staff: who, when and why. Nobody edits it."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), related_name="reopenings", on_delete=models.CASCADE
    )
    reopened_at = models.DateTimeField(_("reopened at"), auto_now_add=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reopened by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["-reopened_at", "-pk"]
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="reopening_has_reason")]

    def __str__(self):
        return f"{self.response} - {self.reopened_at:%Y-%m-%d}"


class Answer(models.Model):
    """One answer, in the typed column of its question's kind: `text` for text, `number` for
    numbers, amounts and the scale, `date` for dates, `values` (a list) for choices, yes/no and
    districts. The question is protected: a question that has answers cannot be deleted."""

    response = models.ForeignKey(Response, verbose_name=_("response"), related_name="answers", on_delete=models.CASCADE)
    question = models.ForeignKey(Question, verbose_name=_("question"), related_name="answers", on_delete=models.PROTECT)
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(_("number"), max_digits=20, decimal_places=2, null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    values = models.JSONField(_("values"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["question__section__order", "question__order", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question"),
        ]

    def __str__(self):
        return f"{self.question.code}: {self.text or self.number or self.date or self.values}"
