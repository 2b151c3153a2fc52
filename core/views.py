from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from .registry import home_panels

SITE_NAME = _("Empowerment and Lending Partners Portal")
ADMIN_INDEX_TITLE = _("Portal administration")


def root_redirect(request):
    """`/` goes to the user's chosen language, Arabic unless they chose English."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. For load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request):
    panels = []
    if request.user.is_authenticated:
        for panel in home_panels():
            rendered = panel.render(request)
            if rendered is not None:
                template_name, context = rendered
                panels.append({"template": template_name, **context})
    return render(request, "core/home.html", {"panels": panels})
