from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from .roles import ensure_role_groups

        post_migrate.connect(ensure_role_groups, dispatch_uid="core.ensure_role_groups")


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db's app under a name staff understand, translated (its own is a plain string)."""

    verbose_name = _("Background tasks")
