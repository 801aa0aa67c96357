"""System check of the admin screens' app: it needs wagtail-modeladmin in INSTALLED_APPS."""

from django.apps import apps
from django.core import checks

INSTALL_HINT = "pip install bibnetz-wagtail[modeladmin]"


@checks.register()
def check_modeladmin_installed(app_configs, **kwargs):
    """An error when ``wagtail_modeladmin`` is missing: the screens this app was installed for stay hidden."""
    if apps.is_installed("wagtail_modeladmin"):
        return []
    return [
        checks.Error(
            "'bibnetz_wagtail.contrib.modeladmin' is in INSTALLED_APPS, but 'wagtail_modeladmin' is not, so the "
            "'Library network' admin menu (toolkit results, topics, target groups, participations) is not available.",
            hint=f"Add 'wagtail_modeladmin' to INSTALLED_APPS (the package comes with {INSTALL_HINT}).",
            id="bibnetz_wagtail_modeladmin.E001",
        )
    ]
