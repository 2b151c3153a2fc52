"""The filters of the questionnaires list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.lists import ListFilterSet

from .models import SurveyStatus


class SurveyFilter(ListFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SurveyStatus.choices, empty_label=_("All statuses"))
