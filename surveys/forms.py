"""Staff's forms: the builder (survey, section, question, choice), invitations, reopening, filters."""

from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedFormMixin, form_helper
from partners.models import Organization, PartnerRole
from partners.selectors import display_name_expression

from .models import Choice, Question, Section, Survey
from .rules import CONDITION_KINDS, position
from .selectors import BoardState

LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]


def _row(*fields):
    return Div(*[Div(Field(name), css_class="col-md") for name in fields], css_class="row")


def _dir(widget_class, direction: str, **attrs):
    return widget_class(attrs={"dir": direction, **attrs})


class SurveyForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title_ar", "title_en", "description_ar", "description_en", "closes_on"]
        widgets = {
            "title_ar": _dir(forms.TextInput, "rtl"),
            "title_en": _dir(forms.TextInput, "ltr"),
            "description_ar": _dir(forms.Textarea, "rtl", rows=3),
            "description_en": _dir(forms.Textarea, "ltr", rows=3),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            _row("title_ar", "title_en"),
            _row("description_ar", "description_en"),
            Div(Field("closes_on"), css_class="col-md-4"),
            Submit("submit", _("Save")),
        )


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title_ar", "title_en", "intro_ar", "intro_en"]
        widgets = {
            "title_ar": _dir(forms.TextInput, "rtl"),
            "title_en": _dir(forms.TextInput, "ltr"),
            "intro_ar": _dir(forms.Textarea, "rtl", rows=3),
            "intro_en": _dir(forms.Textarea, "ltr", rows=3),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(
            _row("title_ar", "title_en"), _row("intro_ar", "intro_en"), Submit("submit", _("Save"))
        )


class QuestionForm(forms.ModelForm):
    """A question of `survey`. The model's clean() (surveys.rules) refuses changes that would alter
    what stored answers mean; the errors appear beside the fields."""

    class Meta:
        model = Question
        fields = [
            "section",
            "code",
            "kind",
            "label_ar",
            "label_en",
            "help_ar",
            "help_en",
            "required",
            "min_value",
            "max_value",
            "max_length",
            "show_if_question",
            "show_if_value",
        ]
        widgets = {
            "code": _dir(forms.TextInput, "ltr"),
            "label_ar": _dir(forms.TextInput, "rtl"),
            "label_en": _dir(forms.TextInput, "ltr"),
            "help_ar": _dir(forms.Textarea, "rtl", rows=2),
            "help_en": _dir(forms.Textarea, "ltr", rows=2),
            "show_if_value": _dir(forms.TextInput, "ltr"),
        }

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = survey.sections.order_by("order", "pk")
        self.fields["section"].empty_label = None
        earlier = Question.objects.filter(survey=survey, kind__in=CONDITION_KINDS).select_related("section")
        if self.instance.pk:
            earlier = [q for q in earlier if position(q) < position(self.instance)]
            self.fields["show_if_question"].queryset = Question.objects.filter(pk__in=[q.pk for q in earlier])
        else:
            self.fields["show_if_question"].queryset = earlier
        self.fields["show_if_question"].label_from_instance = lambda q: f"{q.code} - {q.label}"
        self.fields["show_if_question"].empty_label = _("always shown")
        self.fields["show_if_value"].help_text = _(
            "The value of the choice (for a yes/no question: yes or no) that makes this question appear."
        )
        self.helper = form_helper()
        self.helper.layout = Layout(
            _row("section", "kind", "code"),
            _row("label_ar", "label_en"),
            _row("help_ar", "help_en"),
            "required",
            _row("min_value", "max_value", "max_length"),
            _row("show_if_question", "show_if_value"),
            Submit("submit", _("Save")),
        )

    def _post_clean(self):
        # A new question goes last in its section: its place must be known before the model's
        # clean() checks that a condition uses an earlier question.
        section = self.cleaned_data.get("section")
        if self.instance.pk is None and section is not None:
            self.instance.order = (section.questions.aggregate(top=Max("order"))["top"] or 0) + 1
        super()._post_clean()


class ChoiceForm(forms.ModelForm):
    class Meta:
        model = Choice
        fields = ["value", "label_ar", "label_en"]
        widgets = {
            "value": _dir(forms.TextInput, "ltr"),
            "label_ar": _dir(forms.TextInput, "rtl"),
            "label_en": _dir(forms.TextInput, "ltr"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(_row("value", "label_ar", "label_en"), Submit("submit", _("Save")))


class InviteForm(forms.Form):
    """Which organizations to invite; by default every active lending partner not invited yet."""

    organizations = forms.ModelMultipleChoiceField(
        label=_("Organizations"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    language = forms.ChoiceField(label=_("Language of the email"), choices=LANGUAGE_CHOICES, initial="ar")

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        invited = survey.invitations.values("organization_id")
        candidates = (
            Organization.objects.filter(is_active=True)
            .exclude(pk__in=invited)
            .annotate(display_name=display_name_expression())
            .order_by("display_name", "pk")
        )
        self.fields["organizations"].queryset = candidates
        self.fields["organizations"].label_from_instance = lambda org: org.name
        if not self.is_bound:
            self.fields["organizations"].initial = list(
                candidates.filter(role__in=[PartnerRole.LENDING, PartnerRole.BOTH]).values_list("pk", flat=True)
            )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the response reopened?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the response's history, with your name and the time."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Reopen the response"))


class BoardFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("All states")), *BoardState.choices])
