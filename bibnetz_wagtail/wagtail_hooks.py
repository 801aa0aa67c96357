"""Wagtail hooks: the admin API and page choosers limited to what a user may see, and the guard on autosave.

The "Library network" admin menu belongs to the optional app ``bibnetz_wagtail.contrib.modeladmin``, which
registers it in its own ``wagtail_hooks.py``.
"""

from wagtail import hooks

from .web.accounts import editor


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
