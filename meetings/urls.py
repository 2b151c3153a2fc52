from django.urls import path

from .views import agenda, attendance, calendar, committees, documents, meetings, minutes, organizations

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/register/", meetings.workshop_register, name="workshop_register"),
    path("<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path("<int:pk>/attendance/add/", attendance.attendance_add, name="attendance_add"),
    path("<int:pk>/attendance/record/", attendance.attendance_record, name="attendance_record"),
    path("<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("<int:pk>/agenda/new/", agenda.agenda_item_create, name="agenda_item_create"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", agenda.agenda_item_delete, name="agenda_item_delete"),
    path("<int:pk>/agenda/<int:item_pk>/move/", agenda.agenda_item_move, name="agenda_item_move"),
    path("<int:pk>/minutes/", minutes.minutes, name="minutes"),
    path("<int:pk>/minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/minutes/circulate/", minutes.minutes_circulate, name="minutes_circulate"),
    path("<int:pk>/minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes/pdf/", minutes.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/minutes/pdf/view/", minutes.minutes_pdf_view, name="minutes_pdf_view"),
    path("<int:pk>/minutes/versions/<int:number>/", minutes.minutes_version, name="minutes_version"),
    path("<int:pk>/minutes/versions/<int:number>/pdf/", minutes.minutes_version_pdf, name="minutes_version_pdf"),
    path(
        "<int:pk>/minutes/versions/<int:number>/pdf/view/",
        minutes.minutes_version_pdf_view,
        name="minutes_version_pdf_view",
    ),
    path("<int:pk>/documents/", documents.meeting_documents, name="documents"),
    path("<int:pk>/documents/new/", documents.document_create, name="document_create"),
    path("<int:pk>/calendar.ics", calendar.meeting_ics, name="meeting_ics"),
    path("documents/<int:pk>/", documents.document_detail, name="document_detail"),
    path("documents/<int:pk>/new-version/", documents.document_version_create, name="document_version_create"),
    path("documents/<int:pk>/notes/", documents.document_note_create, name="document_note_create"),
    path("documents/<int:pk>/download/", documents.document_download, name="document_download"),
    path(
        "documents/versions/<int:pk>/download/", documents.document_version_download, name="document_version_download"
    ),
    path("committees/", committees.committee_list, name="committee_list"),
    path("committees/new/", committees.committee_create, name="committee_create"),
    path("committees/<int:pk>/", committees.committee_detail, name="committee_detail"),
    path("committees/<int:pk>/edit/", committees.committee_edit, name="committee_edit"),
    path("committees/<int:pk>/documents/new/", documents.committee_document_create, name="committee_document_create"),
    path("organizations/<int:pk>/", organizations.organization_meetings_page, name="organization_meetings"),
    path("calendar/", calendar.calendar_subscribe, name="calendar_subscribe"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
