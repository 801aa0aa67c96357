"""How the package's pages are rendered: inside the host's base template, and joined by the web layer.

Every page of the package extends ``bibnetz_wagtail/base.html``, which extends the host site's base template
(``BIBNETZ['BASE_TEMPLATE']``). ``with_base_template`` is the only place that puts its name into a template
context: the Wagtail pages below (``HostTemplateMixin``) and the web layer's own views call it.

Models sit below the search and web layers and never import them. The web layer registers two Wagtail hooks
of the package's own (in the package's ``wagtail_hooks.py``):

- ``bibnetz_serve_listing(page, request)``: the response of a listing index page (HTML or JSON);
- ``bibnetz_page_context(page, request, context)``: what a page's template shows beyond its own fields.
"""

from wagtail import hooks

from ..conf import get_setting

SERVE_LISTING_HOOK = "bibnetz_serve_listing"
PAGE_CONTEXT_HOOK = "bibnetz_page_context"
#: The context variable that ``bibnetz_wagtail/base.html`` extends.
BASE_TEMPLATE_VARIABLE = "bibnetz_base_template"


def with_base_template(context):
    """``context`` (a dict, changed in place) with the host's base template that ``base.html`` extends."""
    context.setdefault(BASE_TEMPLATE_VARIABLE, get_setting("BASE_TEMPLATE"))
    return context


class HostTemplateMixin:
    """A page of the package, rendered inside the host site's base template (see ``with_base_template``)."""

    def get_context(self, request, *args, **kwargs):
        return with_base_template(super().get_context(request, *args, **kwargs))


def listing_response(page, request):
    """The registered listing view's response for ``page``, or None when no view is registered."""
    for serve_listing in hooks.get_hooks(SERVE_LISTING_HOOK):
        return serve_listing(page, request)
    return None


def add_page_context(page, request, context):
    for extend in hooks.get_hooks(PAGE_CONTEXT_HOOK):
        extend(page, request, context)
    return context
