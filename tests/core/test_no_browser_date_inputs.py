"""No form of the portal (nor of its admin) leaves a date to the browser's locale: every date, time
and date-and-time field is core.forms' day-first one, and no input is `type="date"`,
`"datetime-local"` or `"time"`. A later app's forms and admin are walked as they are added."""

import importlib
import pkgutil
import re
from pathlib import Path

import django_filters
import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory

from core import forms as portal_forms
from core.roles import portal_app_labels
from surveys.answers import form_field
from surveys.models import Question, QuestionKind
from tests import factories

BROWSER_DATE_TYPES = {"date", "datetime-local", "time", "month", "week"}
# Apps whose admin the portal's staff and superusers open, besides the portal's own.
ADMIN_APPS = {"django_tasks_database", "auth"}


def _import_every_module_of_the_portal() -> None:
    for label in portal_app_labels():
        config = apps.get_app_config(label)
        for module in pkgutil.walk_packages([config.path], prefix=f"{config.name}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def portal_form_classes() -> list[type]:
    _import_every_module_of_the_portal()
    roots = tuple(apps.get_app_config(label).name + "." for label in portal_app_labels())
    found = {cls for cls in _subclasses(forms.BaseForm) if cls.__module__.startswith(roots)}
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _widgets(widget):
    yield widget
    for inner in getattr(widget, "widgets", []):
        yield from _widgets(inner)


def problems_of(fields: dict, where: str) -> list[str]:
    problems = []
    for name, field in fields.items():
        kinds = (
            (forms.DateTimeField, portal_forms.DateTimeField),
            (forms.SplitDateTimeField, portal_forms.DateTimeField),
            (forms.DateField, portal_forms.DateField),
            (forms.TimeField, portal_forms.TimeField),
        )
        for django_class, portal_class in kinds:
            if isinstance(field, django_class) and not isinstance(field, portal_class):
                problems.append(f"{where}.{name} is a {type(field).__name__}: use core.forms.{portal_class.__name__}")
        for widget in _widgets(field.widget):
            if getattr(widget, "input_type", None) in BROWSER_DATE_TYPES:
                problems.append(f'{where}.{name} renders type="{widget.input_type}"')
    return problems


def test_the_walk_finds_the_forms_that_have_dates():
    names = {cls.__name__ for cls in portal_form_classes()}
    assert {"MeetingForm", "CommitteeForm", "SurveyForm"} <= names


def test_every_date_field_of_the_portals_forms_is_day_first():
    problems = []
    for cls in portal_form_classes():
        problems += problems_of(cls.base_fields, f"{cls.__module__}.{cls.__qualname__}")
    assert problems == []


@pytest.mark.django_db
def test_every_date_filter_of_the_portals_list_pages_is_day_first():
    # django-filter's FilterSets build their form at run time: build each one empty.
    _import_every_module_of_the_portal()
    roots = tuple(apps.get_app_config(label).name + "." for label in portal_app_labels())
    problems = []
    for cls in _subclasses(django_filters.FilterSet):
        if not cls.__module__.startswith(roots) or cls._meta.model is None:
            continue
        filterset = cls(data=None, queryset=cls._meta.model._default_manager.none())
        problems += problems_of(filterset.form.fields, f"{cls.__module__}.{cls.__qualname__}")
    assert problems == []


def test_the_questionnaires_date_question_is_day_first():
    field = form_field(Question(kind=QuestionKind.DATE, label_ar="تاريخ البيانات"), district_choices=[])
    assert problems_of({"answer": field}, "surveys.answers.form_field") == []
    assert isinstance(field, portal_forms.DateField)


@pytest.mark.django_db
def test_every_admin_form_and_inline_of_the_portal_is_day_first():
    request = RequestFactory().get("/ar/admin/")
    request.user = factories.UserFactory(is_staff=True, is_superuser=True)
    checked_apps = set(portal_app_labels()) | ADMIN_APPS
    problems, checked = [], 0
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in checked_apps:
            continue
        form = model_admin.get_form(request, None)
        problems += problems_of(form.base_fields, f"{type(model_admin).__name__}")
        for inline in model_admin.get_inline_instances(request, None):
            formset = inline.get_formset(request, None)
            problems += problems_of(formset.form.base_fields, f"{type(inline).__name__}")
        checked += 1
    assert checked >= 20
    assert problems == []


@pytest.mark.django_db
def test_the_admin_reads_dates_day_first_with_its_calendar():
    meeting_admin = next(ma for model, ma in admin.site._registry.items() if model._meta.model_name == "meeting")
    request = RequestFactory().get("/ar/admin/")
    request.user = factories.UserFactory(is_staff=True, is_superuser=True)
    form = meeting_admin.get_form(request, None)(
        data={"starts_at_0": "٢٢/٠١/٢٠١٨", "starts_at_1": "09:00", "ends_at_0": "22.01.2018", "ends_at_1": "11:00"}
    )
    form.is_valid()
    assert "starts_at" not in form.errors and "ends_at" not in form.errors
    assert form.cleaned_data["starts_at"].strftime("%d/%m/%Y %H:%M") == "22/01/2018 09:00"
    html = str(form["starts_at"])
    assert 'class="vDateField' in html  # the admin's calendar still opens beside it


def test_no_template_of_the_portal_writes_a_browser_date_input():
    pattern = re.compile(r"""type=["']?(date|datetime-local|time|month|week)["'\s>]""")
    folders = [Path(settings.BASE_DIR) / "templates"] + [
        Path(apps.get_app_config(label).path) / "templates" for label in portal_app_labels()
    ]
    found = [
        f"{path}: {match.group(0)}"
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*.html")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
