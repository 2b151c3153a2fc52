from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedFormMixin, form_helper

from .models import (
    Contact,
    Organization,
    ServiceOffering,
)


def _row(*fields):
    return Div(*[Div(Field(name), css_class="col-md") for name in fields], css_class="row")


class OrganizationForm(VersionedFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, assume_scheme="https", widget=forms.URLInput(attrs={"dir": "ltr"})
    )

    class Meta:
        model = Organization
        fields = [
            "name_ar",
            "name_en",
            "short_name",
            "kind",
            "role",
            "description_ar",
            "description_en",
            "districts",
            "phone",
            "email",
            "website",
            "address_ar",
            "address_en",
            "is_active",
        ]
        widgets = {
            "districts": forms.CheckboxSelectMultiple,
            "description_ar": forms.Textarea(attrs={"rows": 3, "dir": "rtl"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
            "name_ar": forms.TextInput(attrs={"dir": "rtl"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr"}),
            "address_ar": forms.TextInput(attrs={"dir": "rtl"}),
            "address_en": forms.TextInput(attrs={"dir": "ltr"}),
            "phone": forms.TextInput(attrs={"dir": "ltr", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
            "website": forms.URLInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args, can_manage: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_manage:
            # A partner member edits their profile but does not change how SMEPS classifies them.
            for name in ("kind", "role", "is_active"):
                del self.fields[name]
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            _row("name_ar", "name_en"),
            _row(*[name for name in ("short_name", "kind", "role") if name in self.fields]),
            _row("description_ar", "description_en"),
            _row("phone", "email", "website"),
            _row("address_ar", "address_en"),
            Div(Field("districts"), css_class="district-grid"),
            *(["is_active"] if "is_active" in self.fields else []),
            Submit("submit", _("Save")),
        )


class ContactForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "title",
            "full_name_ar",
            "full_name_en",
            "position_ar",
            "position_en",
            "phone",
            "email",
            "is_primary",
        ]
        widgets = {
            "full_name_ar": forms.TextInput(attrs={"dir": "rtl"}),
            "full_name_en": forms.TextInput(attrs={"dir": "ltr"}),
            "position_ar": forms.TextInput(attrs={"dir": "rtl"}),
            "position_en": forms.TextInput(attrs={"dir": "ltr"}),
            "phone": forms.TextInput(attrs={"dir": "ltr", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            "title",
            _row("full_name_ar", "full_name_en"),
            _row("position_ar", "position_en"),
            _row("phone", "email"),
            "is_primary",
            Submit("submit", _("Save")),
        )


class ServiceOfferingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ServiceOffering
        fields = [
            "kind",
            "title_ar",
            "title_en",
            "segments",
            "sizes",
            "districts",
            "loan_min_yer",
            "loan_max_yer",
            "conditions_ar",
            "conditions_en",
            "is_active",
        ]
        widgets = {
            "segments": forms.CheckboxSelectMultiple,
            "sizes": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "title_ar": forms.TextInput(attrs={"dir": "rtl"}),
            "title_en": forms.TextInput(attrs={"dir": "ltr"}),
            "conditions_ar": forms.Textarea(attrs={"rows": 3, "dir": "rtl"}),
            "conditions_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
            "loan_min_yer": forms.NumberInput(attrs={"min": 0, "step": 1000, "inputmode": "numeric"}),
            "loan_max_yer": forms.NumberInput(attrs={"min": 0, "step": 1000, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.helper.layout = Layout(
            "version",
            "kind",
            _row("title_ar", "title_en"),
            _row("segments", "sizes"),
            Div(Field("districts"), css_class="district-grid"),
            _row("loan_min_yer", "loan_max_yer"),
            _row("conditions_ar", "conditions_en"),
            "is_active",
            Submit("submit", _("Save")),
        )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("loan_min_yer"), cleaned.get("loan_max_yer")
        if low is not None and high is not None and low > high:
            self.add_error("loan_max_yer", _("The largest loan must not be smaller than the smallest loan."))
        return cleaned


class MemberInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"dir": "ltr"}))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=[("ar", _("Arabic")), ("en", _("English"))], initial="ar"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Send invitation"))
