"""Load the pages of one result page with a constant number of queries, in the engine's order."""

from dataclasses import dataclass

from ..models import LibraryProfilePage
from ..search.facets import LISTINGS
from ..search.highlight import html_as_text, snippet
from ..search.relations import related_terms


@dataclass
class Item:
    """One result as templates and JSON see it."""

    page: object
    library: LibraryProfilePage
    likeness: float | None
    terms: dict
    #: HTML of the page's text around the words a search found (``search.highlight``); None without a find.
    highlight: str | None = None

    @property
    def likeness_percent(self):
        return None if self.likeness is None else round(self.likeness * 100)


def load_items(kind, hits, text=None):
    """Items for ``hits`` in hit order: one query for the pages (with their library) and one per relation.

    With ``text`` (a ``TextQuery``), each item carries the highlight of its text; the texts it quotes come
    with the pages, in the same query.
    """
    if not hits:
        return []
    listing = LISTINGS[kind]
    ids = [hit.id for hit in hits]
    quoted = set(listing.highlight_fields) if text else set()
    queryset = listing.model.objects.filter(pk__in=ids).defer(*(set(listing.card_defer) - quoted))
    if not listing.is_library_listing:
        library_defer = [listing.library_prefix + name for name in LibraryProfilePage.listing_spec.card_defer]
        queryset = queryset.select_related(listing.library_field).defer(*library_defer)
    pages = {page.pk: page for page in queryset}
    related = related_terms(kind, ids)
    items = []
    for hit in hits:
        page = pages.get(hit.id)
        if page is not None:
            library = page if listing.is_library_listing else getattr(page, listing.library_field)
            terms = page_terms(listing, page, library, {key: slugs.get(page.pk, []) for key, slugs in related.items()})
            highlight = page_highlight(listing, page, text) if text else None
            items.append(Item(page=page, library=library, likeness=hit.likeness, terms=terms, highlight=highlight))
    return items


def page_highlight(listing, page, text):
    """The snippet of the first of the listing's quoted fields in which ``text`` finds a word, or None."""
    for field in listing.highlighted_text_fields():
        value = getattr(page, field.path) or ""
        found = snippet(html_as_text(value) if field.html else str(value), text.groups)
        if found is not None:
            return found
    return None


def page_terms(listing, page, library, related):
    """The page's values for every term facet of its listing; values its library keeps private stay out."""
    terms = {}
    for facet in listing.term_facets:
        if facet.public_if and not getattr(library, facet.public_if):
            terms[facet.key] = []
        elif facet.on_library:
            terms[facet.key] = [getattr(library, facet.field)]
        elif facet.many:
            terms[facet.key] = related[facet.key]
        else:
            terms[facet.key] = [getattr(page, facet.field)]
    return terms
