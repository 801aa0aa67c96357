"""Wagtail hooks: the listing view and page context, the admin API and page choosers limited to what a user may
see, the guard on autosave, and suspending a library (the moderators' screens, publishing guards, history labels).

The "Library network" admin menu belongs to the optional app ``bibnetz_wagtail.contrib.modeladmin``, which
registers it in its own ``wagtail_hooks.py``.
"""

from wagtail import hooks

from .admin_workflow_views import network_page_viewsets
from .models.rendering import PAGE_CONTEXT_HOOK, SERVE_LISTING_HOOK
from .web.accounts import editor
from .web.rendering import page_context
from .web.views import serve_listing

# The web layer's part in rendering the package's pages (models never import it; see models/rendering.py).
hooks.register(SERVE_LISTING_HOOK, serve_listing)
hooks.register(PAGE_CONTEXT_HOOK, page_context)


@hooks.register("register_admin_viewset")
def register_network_page_viewsets():
    return network_page_viewsets()


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


@hooks.register("register_admin_urls")
def register_suspension_urls():
    from .web.suspension import admin_urls

    return admin_urls()


@hooks.register("register_page_header_buttons")
def suspension_header_buttons(page, user, view_name, next_url=None):
    from .web.suspension import header_buttons

    return header_buttons(page, user)


@hooks.register("before_publish_page")
def refuse_publishing_a_suspended_library(request, page):
    from .web.suspension import refuse_publishing

    return refuse_publishing(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_a_suspended_library(request, action_type, objects, action_class_instance):
    from .web.suspension import refuse_bulk_publishing

    return refuse_bulk_publishing(request, action_type, objects, action_class_instance)


@hooks.register("before_move_page")
def refuse_moving_live_pages_into_a_suspended_library(request, page_to_move, destination):
    from .web.suspension import refuse_moving_live_pages_in

    return refuse_moving_live_pages_in(request, page_to_move, destination)


@hooks.register("register_log_actions")
def register_suspension_log_actions(actions):
    from .web.suspension import register_log_actions

    register_log_actions(actions)
