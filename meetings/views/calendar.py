"""Calendars: one meeting as .ics, and a personal feed that calendar apps subscribe to."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.access import portal_user_required, role_of
from core.mail import absolute_url
from core.ratelimit import rate_limited

from ..ics import calendar_bytes
from ..models import CalendarFeed
from ..selectors import feed_meetings, feed_user
from ..services.calendar import calendar_feed_rotate
from .common import visible_meeting

FEED_URL_SESSION_KEY = "meetings_calendar_feed_url"


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache"
    return response


@portal_user_required
def meeting_ics(request, pk: int):
    meeting = visible_meeting(request, pk)
    return _ics_response(calendar_bytes([meeting], name=meeting.title), f"meeting-{meeting.pk}.ics")


@portal_user_required
@never_cache
def calendar_subscribe(request):
    """Make (or replace) the secret link of the user's feed; it is shown once, right after."""
    if request.method == "POST":
        token = calendar_feed_rotate(user=request.user)
        request.session[FEED_URL_SESSION_KEY] = absolute_url(reverse("meetings:calendar_feed", args=[token]))
        messages.success(request, _("Your calendar link is ready. Copy it now: it is shown only once."))
        return redirect("meetings:calendar_subscribe")
    return render(
        request,
        "meetings/calendar_subscribe.html",
        {
            "feed_url": request.session.pop(FEED_URL_SESSION_KEY, None),
            "feed": CalendarFeed.objects.filter(user=request.user).first(),
        },
    )


@rate_limited("calendar_feed")
def calendar_feed(request, token: str):
    """The feed calendar apps fetch without signing in: the token in the URL stands for the user.
    A wrong token is a 404 that counts toward the caller's rate limit."""
    user = feed_user(token=token)
    if user is None or role_of(user) in ("anonymous", "none"):
        raise Http404
    content = calendar_bytes(feed_meetings(user=user), name=_("SMEPS partners meetings"))
    return _ics_response(content, "meetings.ics")
