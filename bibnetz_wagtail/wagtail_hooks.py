"""Wagtail hooks: registers the admin screens of the optional integrations."""

from django.apps import apps
from wagtail import hooks

# Without the app, wagtail-modeladmin's templates are missing and every screen would fail; the
# system check bibnetz_wagtail.W001 tells the site's developer instead.
if apps.is_installed("wagtail_modeladmin"):
    from wagtail_modeladmin.options import modeladmin_register

    from .contrib.modeladmin.options import LibraryNetworkAdminGroup

    modeladmin_register(LibraryNetworkAdminGroup)


@hooks.register("construct_admin_api", order=100)
def limit_admin_api_to_own_collections(router):
    """Runs after Wagtail's own hooks (order 0), so that its image and document endpoints are replaced."""
    from .admin_api import register_own_file_endpoints

    register_own_file_endpoints(router)


@hooks.register("construct_page_chooser_queryset")
def hide_unapproved_profiles_in_choosers(pages, request):
    from .unapproved import without_unapproved_profiles

    return without_unapproved_profiles(pages, request)
