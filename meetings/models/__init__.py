"""The meetings app's models, one module per part of the domain."""

from .calendar import CalendarFeed
from .committees import Committee, WorkshopRegistration
from .documents import Document, DocumentNote, DocumentVersion
from .meetings import AgendaItem, Attendance, AttendanceRole, Meeting, MeetingInvitation, MeetingKind, MeetingStatus
from .minutes import MinutesLockedError, MinutesState, MinutesVersion

__all__ = [
    "AgendaItem",
    "Attendance",
    "AttendanceRole",
    "CalendarFeed",
    "Committee",
    "Document",
    "DocumentNote",
    "DocumentVersion",
    "Meeting",
    "MeetingInvitation",
    "MeetingKind",
    "MeetingStatus",
    "MinutesLockedError",
    "MinutesState",
    "MinutesVersion",
    "WorkshopRegistration",
]
