"""What measures and task-share calls have in common: they belong to a library and tell a story."""

import re

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from .rendering import HostTemplateMixin, add_page_context
from .slugs import GermanSlugMixin, GermanSlugPageForm


class StoryBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", max_length=120)
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock(label=_("Image"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


# The end of a block of rich text (a paragraph, a list item, a heading, a line break): a word ends there.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|ul|ol|tr|td|th)\s*>|<br\s*/?>", re.IGNORECASE)


def html_text(html):
    """The plain text of rich text, with a blank where a block ends: the items of „<ul><li>Räume</li>
    <li>Technik</li></ul>“ stay two words („Räume Technik“), not one („RäumeTechnik“)."""
    return strip_tags(BLOCK_END.sub(lambda end: end.group(0) + " ", html)).strip()


def stream_text(value):
    """Collect the plain text of a stream value, for database full-text search."""
    if isinstance(value, str):
        return html_text(value)
    if isinstance(value, dict):
        return " ".join(stream_text(v) for k, v in value.items() if k not in ("id", "type", "image"))
    if isinstance(value, (list, tuple)):
        return " ".join(stream_text(v) for v in value)
    return ""


class LibraryContentPage(GermanSlugMixin, HostTemplateMixin, Page):
    """A page that lives below a library profile: a measure or a task-share call.

    ``library`` mirrors the parent profile in a real foreign key. The tree already says which library
    a page belongs to, but listings filter, count and rank by the library's figures, and a join is what
    lets both the database engine and the index do that in one query instead of one per page.
    """

    summary = models.TextField(_("summary"), max_length=400, help_text=_("Two or three sentences for listings."))
    body = StreamField(StoryBlock(), verbose_name=_("body"), blank=True)
    library = models.ForeignKey(
        "bibnetz_wagtail.LibraryProfilePage",
        verbose_name=_("library"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Plain text of the body, kept for database full-text search.
    body_text = models.TextField(editable=False, blank=True, default="")

    parent_page_types = ["bibnetz_wagtail.LibraryProfilePage"]
    subpage_types = []
    base_form_class = GermanSlugPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.library_id, suspended = self.parent_library()
        if suspended and self.pk is None and self.live:
            # Nothing new of a suspended library goes live: Wagtail's create view adds a page live, then publishes.
            self.live = False
            self.has_unpublished_changes = True
        self.body_text = stream_text(self.body.get_prep_value()) if self.body else ""
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = self.library
        # The terms with links to the filtered listings come from the web layer (the bibnetz_page_context hook).
        return add_page_context(self, request, context)

    def parent_library(self):
        """Id of the library profile this page sits under (read from its tree path), and whether it is suspended."""
        from .libraries import LibraryProfilePage

        if not self.path or self.depth is None or self.depth <= 1:
            return None, False
        parent_path = self.path[: -self.steplen]
        row = LibraryProfilePage.objects.filter(path=parent_path).values_list("pk", "suspended_at").first()
        return (row[0], row[1] is not None) if row else (None, False)
