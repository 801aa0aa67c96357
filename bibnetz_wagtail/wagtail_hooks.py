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


@hooks.register("before_edit_page")
def refuse_autosaved_workflow_action(request, page):
    return editor.refuse_autosaved_workflow_action(request, page)
