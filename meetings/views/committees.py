"""Committees: the list, a committee's page (its meetings, members, documents), create and edit."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import save_and_redirect
from core.lists import list_page, render_list

from ..filters import CommitteeFilter
from ..forms import CommitteeForm
from ..models import Committee
from ..selectors import COMMITTEE_SORTS, committee_meetings, committees_list, documents_of
from ..services import meetings as services
from .common import visible_committee


@portal_user_required
def committee_list(request):
    listing = list_page(
        request,
        queryset=committees_list(user=request.user),
        filterset_class=CommitteeFilter,
        sorts=COMMITTEE_SORTS,
        default_sort="deadline",
    )
    return render_list(
        request,
        "meetings/committee_list.html",
        listing,
        results_template="meetings/includes/committee_list_results.html",
        context={"can_create": is_agency_staff(request.user)},
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


def _save_committee(form: CommitteeForm, *, expected_version: int | None) -> Committee:
    return services.committee_save(
        committee=form.save(commit=False),
        expected_version=expected_version,
        member_organizations=form.cleaned_data["member_organizations"],
        member_contacts=form.cleaned_data["member_contacts"],
    )


@staff_required
def committee_create(request):
    initial = {}
    formed_at = request.GET.get("formed_at")
    if formed_at and formed_at.isdigit():
        initial["formed_at"] = formed_at
    form = CommitteeForm(request.POST or None, initial=initial)
    done = save_and_redirect(
        request,
        form,
        save=lambda: _save_committee(form, expected_version=None),
        message=_("The committee was added."),
    )
    if done:
        return done
    return render(request, "meetings/form.html", {"form": form, "title": _("Add a committee"), "section": "committees"})


@staff_required
def committee_edit(request, pk: int):
    committee = get_object_or_404(Committee.objects.editable_by(request.user), pk=pk)
    form = CommitteeForm(request.POST or None, instance=committee)
    done = save_and_redirect(
        request,
        form,
        save=lambda: _save_committee(form, expected_version=form.expected_version),
        message=_("The changes were saved."),
        to=committee,
    )
    if done:
        return done
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Edit the committee"), "committee": committee, "section": "committees"},
    )
