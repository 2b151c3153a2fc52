from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from core import views as core_views

admin.site.site_header = admin.site.site_title = core_views.SITE_NAME
admin.site.index_title = core_views.ADMIN_INDEX_TITLE

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", include("core.urls")),
    path("partners/", include("partners.urls")),
    path("surveys/", include("surveys.urls")),
    path("meetings/", include("meetings.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
