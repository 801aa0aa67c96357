"""System check: the admin screens need wagtail-modeladmin in INSTALLED_APPS."""

from django.apps import apps
from django.core import checks


@checks.register()
def check_modeladmin_installed(app_configs, **kwargs):
    """Warn when ``wagtail_modeladmin`` is missing, because the vocabulary screens then stay hidden."""
    if apps.is_installed("wagtail_modeladmin"):
        return []
    return [
        checks.Warning(
            "'wagtail_modeladmin' is not in INSTALLED_APPS, so the 'Library network' admin menu "
            "(toolkit results, topics, target groups, participations) is not available.",
            hint="Add 'wagtail_modeladmin' to INSTALLED_APPS.",
            id="bibnetz_wagtail.W001",
        )
    ]
