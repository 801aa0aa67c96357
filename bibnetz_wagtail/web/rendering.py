"""What the web layer adds to the pages' templates (registered as the ``bibnetz_page_context`` hook)."""

from ..models import LibraryProfilePage
from ..models.content import LibraryContentPage
from .comparison import comparison_context
from .terms import term_groups


def page_context(page, request, context):
    """A profile gets its comparison charts; a measure or a call its terms linked to the filtered listings."""
    if isinstance(page, LibraryProfilePage):
        context["comparison"] = comparison_context(page)
    elif isinstance(page, LibraryContentPage):
        context["term_groups"] = term_groups(page, request)
