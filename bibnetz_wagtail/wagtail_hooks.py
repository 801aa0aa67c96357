"""Wagtail hooks: the admin screens of the optional integrations, and the guard on the page editor's autosave."""

from django.apps import apps
from wagtail import hooks

from .web.accounts import editor

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
@hooks.register("before_edit_page")
def refuse_autosaved_workflow_action(request, page):
    return editor.refuse_autosaved_workflow_action(request, page)
