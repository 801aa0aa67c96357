"""The shared base of the three faceted index pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .rendering import HostTemplateMixin, listing_response


class ListingIndexPage(HostTemplateMixin, Page):
    """A page that answers with a faceted listing (HTML, or JSON with ``?format=json``).

    The listing itself is web-layer code. The model does not import it (models sit below the search and
    web layers): the web layer registers it as the ``bibnetz_serve_listing`` hook (see ``rendering.py``).
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    #: "libraries", "measures" or "tasks": which listing this page shows.
    listing_kind = None

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = listing_response(self, request)
        return response if response is not None else super().serve(request, *args, **kwargs)
