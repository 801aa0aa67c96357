"""The shared base of the three faceted index pages."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..conf import get_setting


class HostTemplateMixin:
    """Lets the package's templates extend the host site's base template (``BIBNETZ['BASE_TEMPLATE']``)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bibnetz_base_template"] = get_setting("BASE_TEMPLATE")
        return context


class ListingIndexPage(HostTemplateMixin, Page):
    """A page that answers with a faceted listing (HTML, or JSON with ``?format=json``).

    The listing itself is web-layer code. The model does not import it (models sit below the search and
    web layers); the app config hands the view in when Django starts, see ``apps.py``.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    #: "libraries", "measures" or "tasks": which listing this page shows.
    listing_kind = None

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        return apps.get_app_config("bibnetz_wagtail").serve_listing(self, request)
