from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def form_helper(*, submit_label=None, form_tag: bool = True) -> FormHelper:
    """The portal's crispy helper: POST, one primary submit button, labels above fields."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_tag = form_tag
    if submit_label is not None:
        helper.add_input(Submit("submit", submit_label))
    return helper


class VersionedFormMixin(forms.Form):
    """Carries the version the user started from, so the save can refuse a stale edit."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)


def usable_filters(form: forms.Form) -> dict:
    """The filters of a list page that parse; the others are reported beside the form and ignored."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data


def form_error_from(form: forms.Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, beside the fields it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
