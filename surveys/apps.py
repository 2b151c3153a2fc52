from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires")

    def ready(self):
        from core.registry import HomePanel, NavEntry, PageSection, register_home_panel, register_nav, register_section

        from . import panels

        register_nav(NavEntry("surveys:list", _("Questionnaires"), ("staff", "governor"), order=20))
        register_nav(NavEntry("surveys:mine", _("Our questionnaires"), ("partner",), order=20))
        register_home_panel(HomePanel(panels.partner_panel, order=3))
        register_home_panel(HomePanel(panels.staff_panel, order=20))
        register_home_panel(HomePanel(panels.governor_panel, order=20))
        register_section(PageSection("organization_detail", panels.organization_section, order=20))
