"""Wagtail hooks: registers the admin screens of the optional integrations."""

from django.apps import apps

# Without the app, wagtail-modeladmin's templates are missing and every screen would fail; the
# system check bibnetz_wagtail.W001 tells the site's developer instead.
if apps.is_installed("wagtail_modeladmin"):
    from wagtail_modeladmin.options import modeladmin_register

    from .contrib.modeladmin.options import LibraryNetworkAdminGroup

    modeladmin_register(LibraryNetworkAdminGroup)
