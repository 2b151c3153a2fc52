"""The admin's Arabic pages have no English left from third-party apps: django-tasks-db's "Tasks
Database Backend" and "Task Results" (core.apps.TasksDatabaseConfig, core.third_party_strings,
core.admin.TaskResultAdmin), and "تصفية" rather than Django's "مرشّح" for filter."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from tests import factories

ENGLISH_LEFT = ["Tasks Database Backend", "Task Results", "Task Result", "Task name", "DBTaskResult object"]


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def task_result(db):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.send_email",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def arabic_page(client, name: str, *args) -> str:
    with translation.override("ar"):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200, name
    return response.content.decode()


def test_the_admin_index_names_the_background_tasks_in_arabic(admin_client):
    page = arabic_page(admin_client, "admin:index")
    assert "المهام في الخلفية" in page
    assert "نتائج المهام" in page
    for english in ENGLISH_LEFT:
        assert english not in page


def test_the_task_results_list_and_page_are_in_arabic(admin_client, task_result):
    listing = arabic_page(admin_client, "admin:django_tasks_database_dbtaskresult_changelist")
    for arabic in ("المهمة", "الحالة", "وقت الإدراج في قائمة الانتظار", "جاهزة", "قيد التنفيذ", "تصفية", "المعرّف"):
        assert arabic in listing
    detail = arabic_page(admin_client, "admin:django_tasks_database_dbtaskresult_change", task_result.pk)
    assert "المهمة send_email" in detail
    assert "تتبّع الخطأ" in detail and "التنفيذ بعد" in detail
    for page in (listing, detail):
        for english in [*ENGLISH_LEFT, ">Ready<", "Traceback:", "Run after:", "Id:"]:
            assert english not in page
        assert "مرشّح" not in page


def test_the_admins_filter_lists_say_tasfiya(admin_client):
    page = arabic_page(admin_client, "admin:meetings_meeting_changelist")
    assert "تصفية" in page
    assert "مرشّح" not in page
