"""The admin screens' app, installed on purpose next to ``bibnetz_wagtail`` and ``wagtail_modeladmin``."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibnetzModelAdminConfig(AppConfig):
    """No models and no migrations: the screens edit the models of ``bibnetz_wagtail``."""

    name = "bibnetz_wagtail.contrib.modeladmin"
    label = "bibnetz_wagtail_modeladmin"
    verbose_name = _("Library network admin screens")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
