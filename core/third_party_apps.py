"""AppConfigs for third-party apps, named in INSTALLED_APPS instead of the apps' own (kept out of
core/apps.py, where a second AppConfig would stop Django from picking CoreConfig by itself)."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db under a name staff understand, translated (its own is a plain string)."""

    verbose_name = _("Background tasks")
