from django.urls import path

from .views import board, builder, respond, responses, results

app_name = "surveys"

RESPOND = "<int:survey_pk>/respond/<str:token>/"

urlpatterns = [
    path("", builder.survey_list, name="list"),
    path("new/", builder.survey_create, name="create"),
    path("mine/", responses.mine, name="mine"),
    path("<int:pk>/", builder.survey_detail, name="detail"),
    path("<int:pk>/edit/", builder.survey_edit, name="edit"),
    path("<int:pk>/delete/", builder.survey_delete, name="delete"),
    path("<int:pk>/open/", builder.survey_open, name="open"),
    path("<int:pk>/close/", builder.survey_close, name="close"),
    path("<int:pk>/copy/", builder.survey_copy, name="copy"),
    path("<int:survey_pk>/sections/new/", builder.section_create, name="section_create"),
    path("sections/<int:pk>/edit/", builder.section_edit, name="section_edit"),
    path("sections/<int:pk>/delete/", builder.section_delete, name="section_delete"),
    path("sections/<int:pk>/move/", builder.section_move, name="section_move"),
    path("sections/<int:section_pk>/questions/new/", builder.question_create, name="question_create"),
    path("questions/<int:pk>/edit/", builder.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", builder.question_delete, name="question_delete"),
    path("questions/<int:pk>/move/", builder.question_move, name="question_move"),
    path("questions/<int:question_pk>/choices/new/", builder.choice_create, name="choice_create"),
    path("choices/<int:pk>/edit/", builder.choice_edit, name="choice_edit"),
    path("choices/<int:pk>/delete/", builder.choice_delete, name="choice_delete"),
    path("choices/<int:pk>/move/", builder.choice_move, name="choice_move"),
    path("<int:pk>/board/", board.board, name="board"),
    path("<int:pk>/invite/", board.invite, name="invite"),
    path("<int:pk>/remind/", board.remind, name="remind"),
    path("invitations/<int:pk>/send/", board.invitation_send, name="invitation_send"),
    path("invitations/<int:pk>/shared/", board.invitation_shared, name="invitation_shared"),
    path("invitations/<int:pk>/revoke/", board.invitation_revoke, name="invitation_revoke"),
    path("invitations/<int:pk>/renew/", board.invitation_renew, name="invitation_renew"),
    path("<int:pk>/results/", results.results, name="results"),
    path("<int:pk>/export.xlsx", results.export_xlsx, name="export_xlsx"),
    path("<int:pk>/export.csv", results.export_csv, name="export_csv"),
    path("responses/<int:pk>/", responses.response_detail, name="response_detail"),
    path("responses/<int:pk>/reopen/", responses.response_reopen, name="response_reopen"),
    path(RESPOND, respond.respond, name="respond"),
    path(f"{RESPOND}section/<int:number>/", respond.respond_section, name="respond_section"),
    path(f"{RESPOND}section/<int:number>/autosave/", respond.respond_autosave, name="respond_autosave"),
    path(f"{RESPOND}review/", respond.respond_review, name="respond_review"),
    path(f"{RESPOND}submit/", respond.respond_submit, name="respond_submit"),
]
