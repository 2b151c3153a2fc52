"""The meetings list, a meeting's overview, creating and editing meetings, workshop registration."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import is_agency_staff, partner_organization_id, portal_user_required, staff_required
from core.forms import form_error_from, usable_filters
from core.lists import paginate, sort_queryset
from partners.models import Organization

from ..forms import MeetingFilterForm, MeetingForm, WorkshopRegistrationForm
from ..models import Committee, Meeting, MeetingKind, WorkshopRegistration
from ..models.committees import PARTNER, READER, STAFF, registration_closed
from ..selectors import MEETING_SORTS, committee_next_meeting_initial, meeting_chain, meetings_list
from ..services import meetings as services
from .common import editable_meeting, refuse_read_only, visible_meeting

FILTERS = ("q", "kind", "status", "organization")


@portal_user_required
def meeting_list(request):
    form = MeetingFilterForm(request.GET or None)
    filters = usable_filters(form)
    when = filters.get("when") or "upcoming"
    qs = meetings_list(
        user=request.user,
        when="" if when == "all" else when,
        kind=filters.get("kind") or "",
        status=filters.get("status") or "",
        organization=filters.get("organization"),
        q=filters.get("q") or "",
    )
    # Upcoming meetings read soonest first; past ones newest first.
    default_sort = "date" if when == "upcoming" else "-date"
    qs, sorting = sort_queryset(qs, request.GET.get("sort"), MEETING_SORTS, default=default_sort)
    page = paginate(request, qs)
    filtered = bool(form.errors) or any(filters.get(name) not in (None, "") for name in FILTERS)
    org_id = partner_organization_id(request.user)
    return render(
        request,
        "meetings/list.html",
        {
            "form": form,
            "page": page,
            "sorting": sorting,
            "when": when,
            "filtered": filtered,
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
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_save(
                meeting=form.save(commit=False),
                expected_version=None,
                invited=form.cleaned_data["invited"],
                user=request.user,
            )
        except ValidationError as error:
            form_error_from(form, error)
        else:
            messages.success(request, _("The meeting was added. Now add the people invited and the agenda."))
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "title": _("Add a meeting")})


@staff_required
def meeting_edit(request, pk: int):
    meeting = editable_meeting(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_save(
                meeting=form.save(commit=False),
                expected_version=form.expected_version,
                invited=form.cleaned_data["invited"],
                user=request.user,
            )
        except ValidationError as error:
            form_error_from(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(meeting)
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
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"] if staff else Organization.objects.get(pk=org_id)
        try:
            registration = services.workshop_register(
                meeting=meeting, organization=organization, names=form.cleaned_data["attendee_names"], user=request.user
            )
        except ValidationError as error:
            form_error_from(form, error)
        else:
            if registration is None:
                messages.success(request, _("The registration was withdrawn."))
            else:
                messages.success(request, _("The registration was saved."))
            return redirect(meeting)
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
