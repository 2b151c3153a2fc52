from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from core import registry

        from . import panels

        registry.register_nav(
            registry.NavEntry("meetings:list", _("Meetings"), ("staff", "partner", "governor"), order=30)
        )
        registry.register_nav(
            registry.NavEntry("meetings:committee_list", _("Committees"), ("staff", "partner", "governor"), order=35)
        )
        registry.register_home_panel(registry.HomePanel(panels.next_meetings_panel, order=20))
        registry.register_home_panel(registry.HomePanel(panels.minutes_panel, order=25))
        registry.register_home_panel(registry.HomePanel(panels.workshops_panel, order=26))
        # The partners organization page shows the organization's meetings when core offers page
        # sections (core.registry.register_section); the same panel is also a page of its own.
        register_section = getattr(registry, "register_section", None)
        if register_section is not None:
            register_section(
                registry.PageSection("organization_detail", panels.organization_meetings_section, order=30)
            )
