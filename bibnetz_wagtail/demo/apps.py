"""The demo generator's app: the ``bibnetz_demo`` command, for example and development sites."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibnetzDemoConfig(AppConfig):
    """No models and no migrations: the demo writes the pages and vocabularies of ``bibnetz_wagtail``."""

    name = "bibnetz_wagtail.demo"
    label = "bibnetz_wagtail_demo"
    verbose_name = _("Library network demo content")
