"""Registers the "Library network" admin menu; Wagtail loads this module only while the app is installed."""

from django.apps import apps

# Without wagtail_modeladmin in INSTALLED_APPS its templates are missing and every screen would fail (or the
# import below, when the package itself is missing); the system check bibnetz_wagtail_modeladmin.E001 says so.
if apps.is_installed("wagtail_modeladmin"):
    from wagtail_modeladmin.options import modeladmin_register

    from .options import LibraryNetworkAdminGroup

    modeladmin_register(LibraryNetworkAdminGroup)
