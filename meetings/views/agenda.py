"""The agenda: ordered items with presenter and outcome, and what the earlier meeting left open."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import save_and_redirect

from ..extensions import open_items_from
from ..forms import AgendaItemForm
from ..models import AgendaItem, Meeting
from ..services import meetings as services
from .common import editable_meeting, visible_meeting


@portal_user_required
def agenda(request, pk: int):
    meeting = visible_meeting(request, pk)
    earlier = (
        Meeting.objects.visible_to(request.user).filter(pk=meeting.follows_id).first() if meeting.follows_id else None
    )
    return render(
        request,
        "meetings/agenda.html",
        {
            "meeting": meeting,
            "tab": "agenda",
            "items": meeting.agenda_items.select_related("presenter"),
            "earlier": earlier,
            # The one place the earlier meeting's open items come in (see meetings/extensions.py).
            "open_items": open_items_from(earlier, user=request.user) if earlier else [],
            "can_edit": is_agency_staff(request.user),
        },
    )


def _agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.pk])


@staff_required
def agenda_item_create(request, pk: int):
    meeting = editable_meeting(request, pk)
    form = AgendaItemForm(request.POST or None)

    def save():
        item = form.save(commit=False)
        item.meeting = meeting
        return services.agenda_item_save(item=item)

    done = save_and_redirect(request, form, save=save, message=_("The agenda item was added."), to=_agenda_url(meeting))
    if done:
        return done
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Add an agenda item"), "meeting": meeting, "tab": "agenda"},
    )


def _item(request, pk: int, item_pk: int) -> tuple[Meeting, AgendaItem]:
    meeting = editable_meeting(request, pk)
    return meeting, get_object_or_404(AgendaItem, meeting=meeting, pk=item_pk)


@staff_required
def agenda_item_edit(request, pk: int, item_pk: int):
    meeting, item = _item(request, pk, item_pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.agenda_item_save(item=form.save(commit=False)),
        message=_("The changes were saved."),
        to=_agenda_url(meeting),
    )
    if done:
        return done
    return render(
        request,
        "meetings/form.html",
        {
            "form": form,
            "title": _("Edit the agenda item"),
            "meeting": meeting,
            "tab": "agenda",
            "delete_url": reverse("meetings:agenda_item_delete", args=[meeting.pk, item.pk]),
        },
    )


@staff_required
def agenda_item_delete(request, pk: int, item_pk: int):
    meeting, item = _item(request, pk, item_pk)
    if request.method == "POST":
        services.agenda_item_delete(item=item)
        messages.success(request, _("The agenda item was removed."))
        return redirect("meetings:agenda", pk=meeting.pk)
    return render(
        request,
        "meetings/confirm_delete.html",
        {
            "object": item,
            "meeting": meeting,
            "tab": "agenda",
            "cancel_url": reverse("meetings:agenda", args=[meeting.pk]),
        },
    )


@staff_required
@require_POST
def agenda_item_move(request, pk: int, item_pk: int):
    meeting, item = _item(request, pk, item_pk)
    services.agenda_item_move(item=item, up=request.POST.get("direction") != "down")
    return redirect("meetings:agenda", pk=meeting.pk)
