"""The minutes: reading (page, print, PDF), writing, circulating and approving."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import save_and_redirect
from core.pdf import pdf_response, render_pdf

from ..extensions import minutes_sections_for
from ..forms import LanguageForm, MinutesForm
from ..models import Meeting, MinutesState, MinutesVersion
from ..selectors import attendee_groups, minutes_current, minutes_recipients, minutes_versions
from ..services import minutes as services
from .common import editable_meeting, visible_meeting


def minutes_document_context(*, meeting: Meeting, version: MinutesVersion | None, user) -> dict:
    """What the minutes document shows, the same on the page, in print and in the PDF."""
    return {
        "meeting": meeting,
        "version": version,
        "groups": attendee_groups(meeting=meeting),
        "agenda_items": list(meeting.agenda_items.select_related("presenter")),
        # The one place other apps' numbered sections (recommendations) come in.
        "sections": minutes_sections_for(meeting, user=user),
    }


def _version(request, meeting: Meeting, number: int) -> MinutesVersion:
    return get_object_or_404(minutes_versions(meeting=meeting, user=request.user), number=number)


def _page(request, meeting: Meeting, version: MinutesVersion | None, *, is_current: bool):
    versions = list(minutes_versions(meeting=meeting, user=request.user))
    staff = is_agency_staff(request.user)
    latest = versions[0] if versions else None
    context = {
        **minutes_document_context(meeting=meeting, version=version, user=request.user),
        "tab": "minutes",
        "versions": versions,
        "is_current": is_current,
        "can_edit": staff,
        "can_circulate": staff and latest is not None and latest.state != MinutesState.APPROVED,
        "can_approve": staff and latest is not None and latest.state == MinutesState.CIRCULATED,
        "latest": latest,
        "approved_version": next((v for v in versions if v.state == MinutesState.APPROVED), None),
    }
    return render(request, "meetings/minutes.html", context)


@portal_user_required
def minutes(request, pk: int):
    meeting = visible_meeting(request, pk)
    return _page(request, meeting, minutes_current(meeting=meeting, user=request.user), is_current=True)


@portal_user_required
def minutes_version(request, pk: int, number: int):
    meeting = visible_meeting(request, pk)
    version = _version(request, meeting, number)
    current = minutes_current(meeting=meeting, user=request.user)
    return _page(request, meeting, version, is_current=current is not None and current.pk == version.pk)


def _pdf(request, meeting: Meeting, version: MinutesVersion, *, download: bool):
    """The minutes as PDF: `download` saves the file (named in the page's language), else the
    browser shows it."""
    context = minutes_document_context(meeting=meeting, version=version, user=request.user)
    context["generated_at"] = timezone.now()
    content = render_pdf("meetings/minutes_pdf.html", context, request=request)
    day = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d")
    name = _("Minutes of the meeting of %(date)s, version %(number)s") % {"date": day, "number": version.number}
    return pdf_response(
        content,
        filename=f"{name}.pdf",
        fallback_filename=f"minutes-{day}-v{version.number}.pdf",
        as_attachment=download,
    )


def _current_version(request, meeting: Meeting) -> MinutesVersion:
    version = minutes_current(meeting=meeting, user=request.user)
    if version is None:
        raise Http404
    return version


@portal_user_required
def minutes_pdf(request, pk: int):
    meeting = visible_meeting(request, pk)
    return _pdf(request, meeting, _current_version(request, meeting), download=True)


@portal_user_required
def minutes_pdf_view(request, pk: int):
    meeting = visible_meeting(request, pk)
    return _pdf(request, meeting, _current_version(request, meeting), download=False)


@portal_user_required
def minutes_version_pdf(request, pk: int, number: int):
    meeting = visible_meeting(request, pk)
    return _pdf(request, meeting, _version(request, meeting, number), download=True)


@portal_user_required
def minutes_version_pdf_view(request, pk: int, number: int):
    meeting = visible_meeting(request, pk)
    return _pdf(request, meeting, _version(request, meeting, number), download=False)


def _minutes_url(meeting: Meeting) -> str:
    return reverse("meetings:minutes", args=[meeting.pk])


@staff_required
def minutes_edit(request, pk: int):
    """Write the minutes. After approval this starts the next version; the approved one is kept."""
    meeting = editable_meeting(request, pk)
    latest = meeting.minutes_versions.order_by("-number").first()
    initial = {
        "version": latest.version if latest else None,
        "based_on": latest.number if latest else None,
        "text_ar": latest.text_ar if latest else "",
        "text_en": latest.text_en if latest else "",
    }
    form = MinutesForm(request.POST or None, initial=initial)

    def save():
        based_on_number = form.cleaned_data["based_on"]
        based_on = meeting.minutes_versions.filter(number=based_on_number).first() if based_on_number else None
        return services.minutes_save(
            meeting=meeting,
            based_on=based_on,
            expected_version=form.cleaned_data["version"],
            text_ar=form.cleaned_data["text_ar"],
            text_en=form.cleaned_data["text_en"],
            user=request.user,
        )

    def message(saved):
        if latest is not None and latest.state == MinutesState.APPROVED:
            return _("Version %(number)s was started as a draft; the approved version %(approved)s is kept.") % {
                "number": saved.number,
                "approved": latest.number,
            }
        return _("The minutes were saved as a draft.")

    done = save_and_redirect(request, form, save=save, message=message, to=_minutes_url(meeting))
    if done:
        return done
    return render(
        request,
        "meetings/minutes_edit.html",
        {"meeting": meeting, "tab": "minutes", "form": form, "latest": latest},
    )


@staff_required
def minutes_circulate(request, pk: int):
    meeting = editable_meeting(request, pk)
    latest = meeting.minutes_versions.order_by("-number").first()
    if latest is None or latest.state == MinutesState.APPROVED:
        raise Http404
    form = LanguageForm(request.POST or None, initial={"language": get_language()})
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.minutes_circulate(
            version=latest, user=request.user, language=form.cleaned_data["language"]
        ),
        message=lambda sent: (
            ngettext(
                "The minutes were circulated: %(count)s email is on its way.",
                "The minutes were circulated: %(count)s emails are on their way.",
                sent,
            )
            % {"count": sent}
        ),
        to=_minutes_url(meeting),
    )
    if done:
        return done
    return render(
        request,
        "meetings/minutes_circulate.html",
        {
            "meeting": meeting,
            "tab": "minutes",
            "form": form,
            "version": latest,
            "recipients": minutes_recipients(meeting=meeting),
        },
    )


@staff_required
@require_POST
def minutes_approve(request, pk: int):
    meeting = editable_meeting(request, pk)
    latest = meeting.minutes_versions.order_by("-number").first()
    if latest is None:
        raise Http404
    try:
        services.minutes_approve(version=latest, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes were approved. They can no longer be changed."))
    return redirect("meetings:minutes", pk=meeting.pk)
