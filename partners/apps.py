from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners registry")

    def ready(self):
        from core.registry import HomePanel, NavEntry, register_home_panel, register_nav

        from . import panels

        register_nav(NavEntry("partners:directory", _("Partners"), ("staff", "partner", "governor"), order=10))
        register_nav(NavEntry("partners:services", _("Services"), ("staff", "partner", "governor"), order=15))
        register_home_panel(HomePanel(panels.my_organization_panel, order=5))
        register_home_panel(HomePanel(panels.registry_panel, order=10))
