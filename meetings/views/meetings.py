"""The meetings list, a meeting's overview, creating and editing meetings, workshop registration."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import is_agency_staff, partner_organization_id, portal_user_required, staff_required
from core.forms import save_and_redirect
from core.lists import list_page, render_list
from partners.models import Organization

from ..filters import WHEN_CHOICES, MeetingFilter
from ..forms import MeetingForm, WorkshopRegistrationForm
from ..models import Committee, Meeting, MeetingKind, WorkshopRegistration
from ..models.committees import PARTNER, READER, STAFF, registration_closed
from ..selectors import (
    MEETING_SORTS,
    committee_next_meeting_initial,
    meeting_chain,
    meetings_list,
    meetings_opening_tab,
)
from ..services import meetings as services
from .common import editable_meeting, refuse_read_only, visible_meeting

WHEN_TABS = dict(WHEN_CHOICES)


@portal_user_required
def meeting_list(request):
    meetings = meetings_list(user=request.user)
    when = request.GET.get("when")
    opened_for_you = when not in WHEN_TABS
    if opened_for_you:
        when = meetings_opening_tab(meetings=meetings)
    if when == "upcoming":
        meetings = meetings.upcoming()
    elif when == "past":
        meetings = meetings.past()
    listing = list_page(
        request,
        queryset=meetings,
        filterset_class=MeetingFilter,
        sorts=MEETING_SORTS,
        # Upcoming meetings read soonest first; past ones newest first.
        default_sort="date" if when == "upcoming" else "-date",
        keep={"when": when},
    )
    org_id = partner_organization_id(request.user)
    return render_list(
        request,
        "meetings/list.html",
        listing,
        results_template="meetings/includes/list_results.html",
        context={
            "when": when,
            "when_tabs": WHEN_CHOICES,
            "nothing_planned": opened_for_you and when == "past",
            "can_create": is_agency_staff(request.user),
            "own_organization_id": None if is_agency_staff(request.user) else org_id,
        },
    )


def _registration_audience(request) -> str:
    if is_agency_staff(request.user):
        return STAFF
    return PARTNER if partner_organization_id(request.user) is not None else READER


def _closed_for(request, meeting: Meeting, registrations: list[WorkshopRegistration]):
    """Why `request.user` cannot register for the workshop now (None: they can)."""
    audience = _registration_audience(request)
    org_id = partner_organization_id(request.user)
    invited = audience != PARTNER or meeting.invitations.filter(organization_id=org_id).exists()
    if audience == PARTNER:
        has_registration = any(r.organization_id == org_id for r in registrations)
    else:
        has_registration = audience == STAFF and bool(registrations)
    return registration_closed(
        meeting,
        invited=invited,
        seats_taken=sum(r.count for r in registrations),
        has_registration=has_registration,
        audience=audience,
    )


def _workshop_context(request, meeting: Meeting) -> dict:
    registrations = list(meeting.registrations.select_related("organization"))
    taken = sum(registration.count for registration in registrations)
    org_id = partner_organization_id(request.user)
    staff = is_agency_staff(request.user)
    closed = _closed_for(request, meeting, registrations)
    return {
        "registrations": registrations
        if staff or not org_id
        else [r for r in registrations if r.organization_id == org_id],
        "seats_taken": taken,
        "seats_left": None if meeting.capacity is None else max(meeting.capacity - taken, 0),
        "registration_closed": closed,
        "can_register": closed is None and _registration_audience(request) != READER,
    }


@portal_user_required
def meeting_detail(request, pk: int):
    meeting = visible_meeting(request, pk)
    context = {
        "meeting": meeting,
        "tab": "overview",
        "can_edit": is_agency_staff(request.user),
        "chain": meeting_chain(meeting=meeting, user=request.user),
        "invited": Organization.objects.filter(meeting_invitations__meeting=meeting).order_by("name_ar"),
        "committees_formed": meeting.committees_formed.visible_to(request.user),
    }
    if meeting.kind == MeetingKind.WORKSHOP:
        context.update(_workshop_context(request, meeting))
    return render(request, "meetings/detail.html", context)


@staff_required
def meeting_create(request):
    initial = {}
    follows = request.GET.get("follows")
    if follows and follows.isdigit():
        earlier = Meeting.objects.filter(pk=follows).first()
        if earlier is not None:
            initial = {"follows": earlier.pk, "host": earlier.host_id, "kind": earlier.kind}
    committee_id = request.GET.get("committee")
    committee = (
        Committee.objects.editable_by(request.user).filter(pk=committee_id).first()
        if committee_id and committee_id.isdigit()
        else None
    )
    if committee is not None:
        initial.update(committee_next_meeting_initial(committee=committee))
    form = MeetingForm(request.POST or None, initial=initial)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.meeting_save(
            meeting=form.save(commit=False),
            expected_version=None,
            invited=form.cleaned_data["invited"],
            user=request.user,
        ),
        message=_("The meeting was added. Now add the people invited and the agenda."),
    )
    if done:
        return done
    return render(request, "meetings/form.html", {"form": form, "title": _("Add a meeting")})


@staff_required
def meeting_edit(request, pk: int):
    meeting = editable_meeting(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.meeting_save(
            meeting=form.save(commit=False),
            expected_version=form.expected_version,
            invited=form.cleaned_data["invited"],
            user=request.user,
        ),
        message=_("The changes were saved."),
        to=meeting,
    )
    if done:
        return done
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Edit the meeting"), "meeting": meeting},
    )


@portal_user_required
def workshop_register(request, pk: int):
    """An invited partner registers who will come; staff may do it for any invited organization."""
    meeting = visible_meeting(request, pk)
    if meeting.kind != MeetingKind.WORKSHOP:
        raise Http404
    refuse_read_only(request)
    staff = is_agency_staff(request.user)
    invited = Organization.objects.filter(meeting_invitations__meeting=meeting).order_by("name_ar")
    org_id = partner_organization_id(request.user)
    chosen_id = request.POST.get("organization") or request.GET.get("organization")
    if not staff:
        chosen_id = org_id
    existing = None
    if chosen_id and str(chosen_id).isdigit():
        existing = WorkshopRegistration.objects.filter(meeting=meeting, organization_id=chosen_id).first()
    form = WorkshopRegistrationForm(
        request.POST or None,
        organizations=invited if staff else None,
        initial={"attendee_names": "\n".join(existing.names) if existing else "", "organization": chosen_id},
    )

    def save():
        organization = form.cleaned_data["organization"] if staff else Organization.objects.get(pk=org_id)
        return services.workshop_register(
            meeting=meeting, organization=organization, names=form.cleaned_data["attendee_names"], user=request.user
        )

    done = save_and_redirect(
        request,
        form,
        save=save,
        message=lambda registration: (
            _("The registration was withdrawn.") if registration is None else _("The registration was saved.")
        ),
        to=meeting,
    )
    if done:
        return done
    registrations = list(meeting.registrations.all())
    taken = sum(registration.count for registration in registrations)
    return render(
        request,
        "meetings/workshop_register.html",
        {
            "meeting": meeting,
            "form": form,
            "tab": "overview",
            "existing": existing,
            "seats_left": None if meeting.capacity is None else max(meeting.capacity - taken, 0),
            "registration_closed": _closed_for(request, meeting, registrations),
        },
    )
