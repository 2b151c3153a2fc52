"""Who was invited and who came: the attendance page, adding people, recording presence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import save_and_redirect
from partners.models import Organization

from ..forms import AttendanceFormSet, AttendeesAddForm, OtherAttendeeForm
from ..selectors import attendee_groups
from ..services import meetings as services
from .common import editable_meeting, visible_meeting


@portal_user_required
def attendance(request, pk: int):
    meeting = visible_meeting(request, pk)
    groups = attendee_groups(meeting=meeting)
    attending_ids = {group.organization.pk for group in groups}
    invited_without_people = Organization.objects.filter(meeting_invitations__meeting=meeting).exclude(
        pk__in=attending_ids
    )
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "tab": "attendance",
            "groups": groups,
            "invited_without_people": invited_without_people.order_by("name_ar"),
            "can_edit": is_agency_staff(request.user),
            "present_count": sum(group.present_count for group in groups),
            "people_count": sum(1 for group in groups for a in group.attendees if not a.is_group),
        },
    )


def _add_other(meeting, data: dict):
    return services.attendee_add_other(
        meeting=meeting,
        organization=data["organization"],
        name_ar=data["name_ar"],
        name_en=data["name_en"],
        position_ar=data["position_ar"],
        position_en=data["position_en"],
        role=data["role"],
        is_group=data["is_group"],
        headcount=data["headcount"],
    )


@staff_required
def attendance_add(request, pk: int):
    meeting = editable_meeting(request, pk)
    people_form = AttendeesAddForm(request.POST if "add_people" in request.POST else None, meeting=meeting)
    other_form = OtherAttendeeForm(request.POST if "add_other" in request.POST else None)
    attendance_url = reverse("meetings:attendance", args=[meeting.pk])
    # Each form is bound only when its own button was pressed.
    done = save_and_redirect(
        request,
        people_form,
        save=lambda: services.attendees_add(
            meeting=meeting, contacts=people_form.cleaned_data["contacts"], role=people_form.cleaned_data["role"]
        ),
        message=lambda added: (
            ngettext("%(count)s person was added.", "%(count)s people were added.", added) % {"count": added}
        ),
        to=attendance_url,
    ) or save_and_redirect(
        request,
        other_form,
        save=lambda: _add_other(meeting, other_form.cleaned_data),
        message=_("The attendee was added."),
        to=attendance_url,
    )
    if done:
        return done
    return render(
        request,
        "meetings/attendance_add.html",
        {"meeting": meeting, "tab": "attendance", "people_form": people_form, "other_form": other_form},
    )


@staff_required
def attendance_record(request, pk: int):
    """The secretary's page: every attendee on one form, role and present / absent."""
    meeting = editable_meeting(request, pk)
    queryset = meeting.attendances.select_related("organization").order_by(
        "organization__name_ar", "is_group", "name_ar", "pk"
    )
    formset = AttendanceFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST" and formset.is_valid():
        deleted = [form.instance for form in formset.deleted_forms if form.instance.pk]
        changes = [
            (form.instance, form.cleaned_data["role"], form.cleaned_data["present"])
            for form in formset.forms
            if form not in formset.deleted_forms
        ]
        try:
            services.attendance_record(meeting=meeting, changes=changes, removed=deleted)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("The attendance was saved."))
            return redirect("meetings:attendance", pk=meeting.pk)
    return render(
        request,
        "meetings/attendance_record.html",
        {
            "meeting": meeting,
            "tab": "attendance",
            "formset": formset,
            "can_record_presence": meeting.has_started,
            "without_people": Organization.objects.filter(Q(meeting_invitations__meeting=meeting)).exclude(
                pk__in=queryset.values("organization_id")
            ),
        },
    )
