"""Committees: the list, a committee's page (its meetings, members, documents), create and edit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import form_error_from, usable_filters
from core.lists import paginate, sort_queryset

from ..forms import CommitteeFilterForm, CommitteeForm
from ..models import Committee
from ..selectors import COMMITTEE_SORTS, committee_meetings, committees_list, documents_of
from ..services import meetings as services
from .common import visible_committee


@portal_user_required
def committee_list(request):
    form = CommitteeFilterForm(request.GET or None)
    filters = usable_filters(form)
    qs = committees_list(user=request.user, state=filters.get("state") or "", q=filters.get("q") or "")
    qs, sorting = sort_queryset(qs, request.GET.get("sort"), COMMITTEE_SORTS, default="deadline")
    page = paginate(request, qs)
    filtered = bool(form.errors) or any(filters.get(name) for name in ("state", "q"))
    return render(
        request,
        "meetings/committee_list.html",
        {
            "form": form,
            "page": page,
            "sorting": sorting,
            "filtered": filtered,
            "can_create": is_agency_staff(request.user),
        },
    )


@portal_user_required
def committee_detail(request, pk: int):
    committee = visible_committee(request, pk)
    return render(
        request,
        "meetings/committee_detail.html",
        {
            "committee": committee,
            "meetings": committee_meetings(committee=committee, user=request.user),
            "organizations": committee.member_organizations.all(),
            "people": committee.member_contacts.select_related("organization"),
            "documents": documents_of(user=request.user, committee=committee),
            "can_edit": is_agency_staff(request.user),
        },
    )


@staff_required
def committee_create(request):
    initial = {}
    formed_at = request.GET.get("formed_at")
    if formed_at and formed_at.isdigit():
        initial["formed_at"] = formed_at
    form = CommitteeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            committee = services.committee_save(
                committee=form.save(commit=False),
                expected_version=None,
                member_organizations=form.cleaned_data["member_organizations"],
                member_contacts=form.cleaned_data["member_contacts"],
            )
        except ValidationError as error:
            form_error_from(form, error)
        else:
            messages.success(request, _("The committee was added."))
            return redirect(committee)
    return render(request, "meetings/form.html", {"form": form, "title": _("Add a committee"), "section": "committees"})


@staff_required
def committee_edit(request, pk: int):
    committee = get_object_or_404(Committee.objects.editable_by(request.user), pk=pk)
    form = CommitteeForm(request.POST or None, instance=committee)
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_save(
                committee=form.save(commit=False),
                expected_version=form.expected_version,
                member_organizations=form.cleaned_data["member_organizations"],
                member_contacts=form.cleaned_data["member_contacts"],
            )
        except ValidationError as error:
            form_error_from(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(committee)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Edit the committee"), "committee": committee, "section": "committees"},
    )
