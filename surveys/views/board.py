"""The completion board: who was invited, who opened, answered or submitted; invitations and
reminders. Staff act on it; the governor's office reads it without links, actions or answers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, staff_required
from core.forms import usable_filters

from .. import services
from ..forms import BoardFilterForm, InviteForm
from ..models import Invitation, ReminderVia, Survey
from ..selectors import BoardState, board_counts, board_rows, invitation_link
from .common import message_from, readers_required

# The invitations "remind everyone" reaches (surveys.services.invitations.pending_invitations).
PENDING_STATES = (BoardState.SENT, BoardState.OPENED, BoardState.IN_PROGRESS)


@readers_required
def board(request, pk: int):
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    form = BoardFilterForm(request.GET or None)
    state = usable_filters(form).get("state") or ""
    today = timezone.localdate()
    all_rows = board_rows(survey=survey, today=today)
    rows = [row for row in all_rows if row.state == state] if state else all_rows
    counts = board_counts(all_rows)
    is_staff = is_agency_staff(request.user)
    if is_staff:
        for row in rows:
            if row.invitation is not None:
                row.link = invitation_link(row.invitation)
    return render(
        request,
        "surveys/board.html",
        {
            "survey": survey,
            "rows": rows,
            "states": [(value, label, counts[value]) for value, label in BoardState.choices],
            "total": len(all_rows),
            "form": form,
            "state": state,
            "is_staff": is_staff,
            "overdue": survey.is_overdue(today),
            "pending": sum(
                1
                for row in all_rows
                if row.invitation and not row.invitation.revoked_at and row.state in PENDING_STATES
            ),
        },
    )


@staff_required
def invite(request, pk: int):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)
    form = InviteForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.invitations_create(
                survey=survey,
                organizations=form.cleaned_data["organizations"],
                by=request.user,
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            message_from(request, error)
            return redirect("surveys:board", pk=survey.pk)
        emailed = sum(1 for invitation in created if invitation.sent_at)
        messages.success(
            request,
            ngettext("%(count)s organization was invited.", "%(count)s organizations were invited.", len(created))
            % {"count": len(created)},
        )
        if len(created) > emailed:
            messages.warning(
                request,
                ngettext(
                    "%(count)s of them has no email address: copy its link below and send it by WhatsApp or SMS.",
                    "%(count)s of them have no email address: copy their links below and send them by WhatsApp or SMS.",
                    len(created) - emailed,
                )
                % {"count": len(created) - emailed},
            )
        return redirect("surveys:board", pk=survey.pk)
    return render(request, "surveys/invite.html", {"survey": survey, "form": form})


@staff_required
@require_POST
def remind(request, pk: int):
    survey = get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)
    try:
        result = services.invitations_remind(survey=survey, by=request.user, via=ReminderVia.ACTION)
    except ValidationError as error:
        message_from(request, error)
        return redirect("surveys:board", pk=survey.pk)
    count = len(result.reminded)
    messages.success(
        request,
        ngettext(
            "A reminder was sent to %(count)s organization.", "Reminders were sent to %(count)s organizations.", count
        )
        % {"count": count},
    )
    if result.already_today:
        messages.info(
            request,
            ngettext(
                "%(count)s organization was already reminded today (one reminder a day at most).",
                "%(count)s organizations were already reminded today (one reminder a day at most).",
                len(result.already_today),
            )
            % {"count": len(result.already_today)},
        )
    if result.without_email:
        messages.warning(
            request,
            _("No email address for: %(names)s. Remind them by phone or WhatsApp.")
            % {"names": pgettext("list separator", ", ").join(i.organization.name for i in result.without_email)},
        )
    return redirect("surveys:board", pk=survey.pk)


def _staff_invitation(request, pk: int) -> Invitation:
    return get_object_or_404(
        Invitation.objects.visible_to(request.user).select_related("survey", "organization"), pk=pk
    )


def _invitation_action(request, pk: int, action, done: str):
    invitation = _staff_invitation(request, pk)
    try:
        result = action(invitation=invitation, by=request.user)
    except ValidationError as error:
        message_from(request, error)
    else:
        if result is False:
            messages.warning(
                request,
                _("%(name)s has no email address: copy the link and send it by WhatsApp or SMS.")
                % {"name": invitation.organization.name},
            )
        else:
            messages.success(request, done % {"name": invitation.organization.name})
    return redirect("surveys:board", pk=invitation.survey_id)


@staff_required
@require_POST
def invitation_send(request, pk: int):
    return _invitation_action(request, pk, services.invitation_send, _("The invitation to %(name)s was emailed again."))


@staff_required
@require_POST
def invitation_shared(request, pk: int):
    return _invitation_action(
        request, pk, services.invitation_mark_shared, _("Recorded: the link of %(name)s was passed on.")
    )


@staff_required
@require_POST
def invitation_revoke(request, pk: int):
    return _invitation_action(
        request, pk, services.invitation_revoke, _("The link of %(name)s no longer works. Its answers are kept.")
    )


@staff_required
@require_POST
def invitation_renew(request, pk: int):
    return _invitation_action(
        request,
        pk,
        services.invitation_renew,
        _("%(name)s has a new link; the earlier one no longer works. Send or copy the new link."),
    )
