"""The filters of the meetings and committees lists."""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.lists import ListFilterSet, SearchFilter
from partners.filters import OrganizationFilter

from .models import MeetingInvitation, MeetingKind, MeetingStatus

# The meetings list's tabs: a view of the list (kept by the filter form), not a filter.
WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))]


def _words(queryset: QuerySet, fields: tuple[str, ...], text: str) -> QuerySet:
    """Rows where every typed word is in one of `fields`."""
    for word in text.split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def hosted_or_invited(queryset: QuerySet, organizations: QuerySet) -> QuerySet:
    """Meetings one of `organizations` hosts or is invited to."""
    invited = MeetingInvitation.objects.filter(meeting=OuterRef("pk"), organization__in=organizations)
    return queryset.filter(Q(host__in=organizations) | Exists(invited))


class MeetingFilter(ListFilterSet):
    q = SearchFilter(label=_("Search"), method="search", placeholder=_("Title or subject"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices, empty_label=_("All kinds"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=MeetingStatus.choices, empty_label=_("All statuses")
    )
    organization = OrganizationFilter(match=hosted_or_invited)

    def search(self, queryset, name, value):
        return _words(queryset, ("title_ar", "title_en", "subject_ar", "subject_en"), value)


# In context: other apps' "Open" and "Overdue" describe questionnaires, not committees.
COMMITTEE_STATES = [
    ("open", pgettext_lazy("committees", "Open")),
    ("overdue", pgettext_lazy("committees", "Overdue")),
    ("done", pgettext_lazy("committees", "Done")),
]


class CommitteeFilter(ListFilterSet):
    q = SearchFilter(label=_("Search"), method="search", placeholder=_("Name of the committee"))
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=COMMITTEE_STATES, empty_label=_("All"), method="in_state"
    )

    def search(self, queryset, name, value):
        return _words(queryset, ("name_ar", "name_en"), value)

    def in_state(self, queryset, name, value):
        if value == "open":
            return queryset.filter(is_done=False)
        if value == "done":
            return queryset.filter(is_done=True)
        return queryset.filter(is_done=False, deadline__lt=timezone.localdate())
