"""Django's account forms with the portal's crispy layout."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .forms import form_helper
from .tasks import send_email


class PortalAuthenticationForm(auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username or email")
        self.fields["username"].widget.attrs.update({"dir": "ltr", "autocapitalize": "none"})
        self.helper = form_helper(submit_label=_("Sign in"), error_title=_("Could not sign you in"))


class PortalPasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Change my password"))


class PortalPasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["dir"] = "ltr"
        self.helper = form_helper(submit_label=_("Send me a reset link"))

    def save(self, **kwargs):
        # Links in emails point at SITE_URL, whatever host name the request came in on.
        site = urlsplit(settings.SITE_URL)
        kwargs["domain_override"] = site.netloc
        kwargs["use_https"] = site.scheme == "https"
        return super().save(**kwargs)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        # Through the task queue like every other email: the request does not wait on SMTP.
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        transaction.on_commit(lambda: send_email.enqueue(to=[to_email], subject=subject, body=body))


class PortalSetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(submit_label=_("Set my password"))
