"""Writes to the questionnaires. Views, admin actions and the reminders command call these, nothing else.

- builder: a survey's structure and life (create, open, close, copy; sections, questions, choices)
- invitations: the links organizations get, their emails and the daily reminders
- responses: a respondent's drafts, the submission and staff's reopening
"""

from .builder import (
    choice_delete,
    choice_move,
    choice_save,
    question_delete,
    question_move,
    question_save,
    section_delete,
    section_move,
    section_save,
    survey_close,
    survey_copy,
    survey_create,
    survey_delete,
    survey_open,
    survey_save,
)
from .invitations import (
    RemindResult,
    invitation_mark_shared,
    invitation_record_open,
    invitation_renew,
    invitation_revoke,
    invitation_send,
    invitations_create,
    invitations_remind,
)
from .responses import IncompleteResponse, ResponseLocked, response_reopen, response_save_section, response_submit

__all__ = [
    "IncompleteResponse",
    "RemindResult",
    "ResponseLocked",
    "choice_delete",
    "choice_move",
    "choice_save",
    "invitation_mark_shared",
    "invitation_record_open",
    "invitation_renew",
    "invitation_revoke",
    "invitation_send",
    "invitations_create",
    "invitations_remind",
    "question_delete",
    "question_move",
    "question_save",
    "response_reopen",
    "response_save_section",
    "response_submit",
    "section_delete",
    "section_move",
    "section_save",
    "survey_close",
    "survey_copy",
    "survey_create",
    "survey_delete",
    "survey_open",
    "survey_save",
]
