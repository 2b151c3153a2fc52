from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("services/", views.services_list, name="services"),
    path("suggestions/", views.organization_suggestions, name="organization_suggestions"),
    path("new/", views.organization_create, name="organization_create"),
    path("<int:pk>/", views.organization_detail, name="organization_detail"),
    path("<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("<int:pk>/history/", views.organization_history, name="organization_history"),
    path("<int:org_pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("<int:org_pk>/contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("<int:org_pk>/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<int:org_pk>/services/new/", views.service_create, name="service_create"),
    path("<int:org_pk>/services/<int:pk>/edit/", views.service_edit, name="service_edit"),
    path("<int:org_pk>/services/<int:pk>/delete/", views.service_delete, name="service_delete"),
    path("<int:org_pk>/members/invite/", views.member_invite, name="member_invite"),
    path("<int:org_pk>/members/<int:pk>/toggle/", views.membership_toggle, name="membership_toggle"),
    path("join/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
