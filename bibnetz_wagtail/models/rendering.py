"""Where the web layer joins the rendering of pages: two Wagtail hooks of the package's own.

Models sit below the search and web layers and never import them. The web layer registers (in the package's
``wagtail_hooks.py``):

- ``bibnetz_serve_listing(page, request)``: the response of a listing index page (HTML or JSON);
- ``bibnetz_page_context(page, request, context)``: what a page's template shows beyond its own fields.
"""

from wagtail import hooks

SERVE_LISTING_HOOK = "bibnetz_serve_listing"
PAGE_CONTEXT_HOOK = "bibnetz_page_context"


def listing_response(page, request):
    """The registered listing view's response for ``page``, or None when no view is registered."""
    for serve_listing in hooks.get_hooks(SERVE_LISTING_HOOK):
        return serve_listing(page, request)
    return None


def add_page_context(page, request, context):
    for extend in hooks.get_hooks(PAGE_CONTEXT_HOOK):
        extend(page, request, context)
    return context
