from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedFormMixin, form_helper
from partners.models import Contact, Organization

from .models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    Committee,
    Meeting,
    MeetingKind,
)
from .models.committees import MAX_REGISTRATION_NAMES
from .services.documents import MAX_NOTE_LENGTH
from .services.meetings import parse_names
from .uploads import ACCEPT_ATTRIBUTE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MEGABYTES, TOO_LARGE_MESSAGE, check_upload

MAX_NAME_LENGTH = 150


def _row(*fields):
    return Div(*[Div(Field(name), css_class="col-md") for name in fields], css_class="row")


def _rtl(widget_class=forms.TextInput, **attrs):
    return widget_class(attrs={"dir": "rtl", **attrs})


def _ltr(widget_class=forms.TextInput, **attrs):
    return widget_class(attrs={"dir": "ltr", **attrs})


class LocalDateTimeInput(forms.DateTimeInput):
    """A browser date-and-time picker; the value is read in the portal's time zone (Asia/Aden)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} - {obj.organization.name}"


class ContactMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} - {obj.organization.name}"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.starts_at:%d/%m/%Y} - {obj.title}"


def _contacts():
    return Contact.objects.select_related("organization").order_by("organization__name_ar", "full_name_ar")


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited organizations"),
        queryset=Organization.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The host is always invited. People are added on the attendance page."),
    )
    chair = ContactChoiceField(label=_("Chair"), queryset=_contacts(), required=False)
    follows = MeetingChoiceField(
        label=_("Follows"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("The earlier meeting this one follows up."),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title_ar",
            "title_en",
            "subject_ar",
            "subject_en",
            "starts_at",
            "ends_at",
            "date_is_tentative",
            "place_ar",
            "place_en",
            "host",
            "chair",
            "status",
            "follows",
            "committee",
            "capacity",
        ]
        widgets = {
            "title_ar": _rtl(),
            "title_en": _ltr(),
            "subject_ar": _rtl(forms.Textarea, rows=3),
            "subject_en": _ltr(forms.Textarea, rows=3),
            "place_ar": _rtl(),
            "place_en": _ltr(),
            "starts_at": LocalDateTimeInput(),
            "ends_at": LocalDateTimeInput(),
            "capacity": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
        self.fields["host"].queryset = Organization.objects.filter(is_active=True) | Organization.objects.filter(
            pk=self.instance.host_id or 0
        )
        follows = Meeting.objects.order_by("-starts_at")
        if self.instance.pk:
            follows = follows.exclude(pk=self.instance.pk)
            self.fields["invited"].initial = list(self.instance.invitations.values_list("organization_id", flat=True))
        self.fields["follows"].queryset = follows
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            _row("kind", "status"),
            _row("title_ar", "title_en"),
            _row("subject_ar", "subject_en"),
            _row("starts_at", "ends_at"),
            "date_is_tentative",
            _row("place_ar", "place_en"),
            _row("host", "chair"),
            _row("follows", "committee"),
            "capacity",
            Div(Field("invited"), css_class="district-grid"),
            Submit("submit", _("Save")),
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        kind = cleaned.get("kind")
        if cleaned.get("committee") and kind != MeetingKind.COMMITTEE:
            self.add_error("committee", _("Only a committee meeting belongs to a committee."))
        if cleaned.get("capacity") is not None and kind != MeetingKind.WORKSHOP:
            self.add_error("capacity", _("Only a workshop has a capacity."))
        return cleaned


class AttendeesAddForm(forms.Form):
    contacts = ContactMultipleChoiceField(
        label=_("People from the registry"), queryset=Contact.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(value, label) for value, label in AttendanceRole.choices if value != AttendanceRole.CHAIR],
        initial=AttendanceRole.MEMBER,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = (
            _contacts()
            .filter(organization__is_active=True)
            .exclude(pk__in=meeting.attendances.exclude(contact=None).values("contact_id"))
        )
        self.helper = form_helper()
        self.helper.form_id = "add-people"
        self.helper.layout = Layout(
            Div(Field("contacts"), css_class="district-grid"), "role", Submit("add_people", _("Add these people"))
        )


class OtherAttendeeForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.filter(is_active=True))
    is_group = forms.BooleanField(
        label=_("A group recorded without names"),
        required=False,
        help_text=_('For example "a number of the agency\'s experts".'),
    )
    name_ar = forms.CharField(label=_("Name or description (Arabic)"), max_length=200, widget=_rtl())
    name_en = forms.CharField(label=_("Name or description (English)"), max_length=200, required=False, widget=_ltr())
    position_ar = forms.CharField(label=_("Position (Arabic)"), max_length=200, required=False, widget=_rtl())
    position_en = forms.CharField(label=_("Position (English)"), max_length=200, required=False, widget=_ltr())
    headcount = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=500,
        required=False,
        help_text=_("For a group; leave empty when it is not known."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(value, label) for value, label in AttendanceRole.choices if value != AttendanceRole.CHAIR],
        initial=AttendanceRole.MEMBER,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.form_id = "add-other"
        self.helper.layout = Layout(
            _row("organization", "role"),
            "is_group",
            _row("name_ar", "name_en"),
            _row("position_ar", "position_en"),
            "headcount",
            Submit("add_other", _("Add")),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("headcount") and not cleaned.get("is_group"):
            self.add_error("headcount", _("A number of people is only for a group recorded without names."))
        return cleaned


PRESENCE_CHOICES = [
    ("unknown", pgettext_lazy("attendance", "Not recorded")),
    ("true", _("Present")),
    ("false", _("Absent")),
]


class AttendanceRowForm(forms.ModelForm):
    present = forms.NullBooleanField(
        label=_("Present"),
        required=False,
        widget=forms.RadioSelect(choices=PRESENCE_CHOICES, attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = Attendance
        fields = ["role", "present"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The chair is set on the meeting itself; the other attendees choose among the other roles.
        is_chair = self.instance.role == AttendanceRole.CHAIR
        self.fields["role"].choices = [
            (value, label) for value, label in AttendanceRole.choices if (value == AttendanceRole.CHAIR) == is_chair
        ]


AttendanceFormSet = forms.modelformset_factory(Attendance, form=AttendanceRowForm, extra=0, can_delete=True)


class AgendaItemForm(forms.ModelForm):
    presenter = ContactChoiceField(label=_("Presenter"), queryset=_contacts(), required=False)

    class Meta:
        model = AgendaItem
        fields = [
            "title_ar",
            "title_en",
            "presenter",
            "presenter_name_ar",
            "presenter_name_en",
            "outcome_ar",
            "outcome_en",
        ]
        widgets = {
            "title_ar": _rtl(),
            "title_en": _ltr(),
            "presenter_name_ar": _rtl(),
            "presenter_name_en": _ltr(),
            "outcome_ar": _rtl(forms.Textarea, rows=4),
            "outcome_en": _ltr(forms.Textarea, rows=4),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(
            _row("title_ar", "title_en"),
            "presenter",
            _row("presenter_name_ar", "presenter_name_en"),
            _row("outcome_ar", "outcome_en"),
            Submit("submit", _("Save")),
        )


MINUTES_HELP = _(
    'Plain text. Leave a blank line between paragraphs. Start a line with "- " for a bulleted '
    'list, or with a number and "-" or "." (1- or 1.) for a numbered list.'
)


class MinutesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text_ar = forms.CharField(
        label=_("Minutes (Arabic)"),
        required=False,
        max_length=100_000,
        widget=_rtl(forms.Textarea, rows=18),
        help_text=MINUTES_HELP,
    )
    text_en = forms.CharField(
        label=_("Minutes (English)"), required=False, max_length=100_000, widget=_ltr(forms.Textarea, rows=18)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout("version", "based_on", _row("text_ar", "text_en"), Submit("submit", _("Save")))

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text_ar") or "").strip() and not (cleaned.get("text_en") or "").strip():
            raise ValidationError(_("Write the minutes in Arabic or in English."))
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=[("ar", _("Arabic")), ("en", _("English"))], initial="ar"
    )


class CommitteeForm(VersionedFormMixin, forms.ModelForm):
    formed_at = MeetingChoiceField(
        label=_("Formed at"), queryset=Meeting.objects.order_by("-starts_at"), required=False
    )
    member_contacts = ContactMultipleChoiceField(
        label=_("Member people"), queryset=_contacts(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Committee
        fields = [
            "name_ar",
            "name_en",
            "purpose_ar",
            "purpose_en",
            "formed_at",
            "deadline",
            "is_done",
            "member_organizations",
            "member_contacts",
        ]
        widgets = {
            "name_ar": _rtl(),
            "name_en": _ltr(),
            "purpose_ar": _rtl(forms.Textarea, rows=3),
            "purpose_en": _ltr(forms.Textarea, rows=3),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "member_organizations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            _row("name_ar", "name_en"),
            _row("purpose_ar", "purpose_en"),
            _row("formed_at", "deadline"),
            "is_done",
            Div(Field("member_organizations"), css_class="district-grid"),
            Div(Field("member_contacts"), css_class="district-grid"),
            Submit("submit", _("Save")),
        )


class WorkshopRegistrationForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    attendee_names = forms.CharField(
        label=_("Names of who will come"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=ngettext_lazy(
            "One name per line, at most %(count)d name. Leave empty to withdraw the registration.",
            "One name per line, at most %(count)d names. Leave empty to withdraw the registration.",
            "count",
        )
        % {"count": MAX_REGISTRATION_NAMES},
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = organizations
        self.helper = form_helper(submit_label=_("Save the registration"))

    def clean_attendee_names(self):
        names = parse_names(self.cleaned_data["attendee_names"])
        if len(names) > MAX_REGISTRATION_NAMES:
            raise ValidationError(
                ngettext_lazy(
                    "At most %(count)s name per organization.", "At most %(count)s names per organization.", "count"
                ),
                params={"count": MAX_REGISTRATION_NAMES},
            )
        if any(len(name) > MAX_NAME_LENGTH for name in names):
            raise ValidationError(_("A name has at most %(count)s characters."), params={"count": MAX_NAME_LENGTH})
        return names


class _UploadMixin(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    comment = forms.CharField(label=_("What changed (optional)"), max_length=300, required=False)

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["file"].help_text = gettext(
            "PDF, Word (DOCX), Excel (XLSX) or an image (PNG, JPEG, WEBP), at most %(size)s MB."
        ) % {"size": MAX_UPLOAD_MEGABYTES}

    def clean(self):
        cleaned = super().clean()
        if self.too_large:
            # The upload handler dropped the file past the limit; say why instead of "required".
            self.errors.pop("file", None)
            self.add_error("file", ValidationError(TOO_LARGE_MESSAGE, params={"size": MAX_UPLOAD_MEGABYTES}))
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Checked before reading a byte: the size the upload declares.
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(TOO_LARGE_MESSAGE, params={"size": MAX_UPLOAD_MEGABYTES})
        check_upload(upload)
        return upload


class DocumentForm(_UploadMixin):
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=300, widget=_rtl())
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False, widget=_ltr())

    field_order = ["title_ar", "title_en", "file", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Upload"))
        self.fields["comment"].label = _("Note about this file (optional)")


class DocumentVersionForm(_UploadMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Upload the new version"))


class DocumentNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Your note"),
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('Plain text; a line starting with "- " makes a list.'),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Add the note"))
