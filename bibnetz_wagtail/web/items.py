"""Load the pages of one result page with a constant number of queries, in the engine's order."""

from dataclasses import dataclass

from ..models import LibraryProfilePage, MeasurePage, TaskSharePage
from ..search.documents import related_terms
from ..search.facets import LISTINGS

MODELS = {"libraries": LibraryProfilePage, "measures": MeasurePage, "tasks": TaskSharePage}
#: Large fields no card or JSON result shows; loading them would only cost time.
UNUSED_FIELDS = {"libraries": ("description",), "measures": ("body", "body_text"), "tasks": ("body", "body_text")}


@dataclass
class Item:
    """One result as templates and JSON see it."""

    page: object
    library: LibraryProfilePage
    likeness: float | None
    terms: dict

    @property
    def likeness_percent(self):
        return None if self.likeness is None else round(self.likeness * 100)


def load_items(kind, hits):
    """Items for ``hits`` in hit order: one query for the pages (with their library) and one per relation."""
    if not hits:
        return []
    ids = [hit.id for hit in hits]
    queryset = MODELS[kind].objects.filter(pk__in=ids).defer(*UNUSED_FIELDS[kind])
    if kind != "libraries":
        queryset = queryset.select_related("library").defer(*(f"library__{name}" for name in UNUSED_FIELDS["libraries"]))
    pages = {page.pk: page for page in queryset}
    related = related_terms(kind, ids)
    items = []
    for hit in hits:
        page = pages.get(hit.id)
        if page is not None:
            library = page if kind == "libraries" else page.library
            terms = page_terms(kind, page, library, {key: slugs.get(page.pk, []) for key, slugs in related.items()})
            items.append(Item(page=page, library=library, likeness=hit.likeness, terms=terms))
    return items


def page_terms(kind, page, library, related):
    """The page's values for every term facet of its listing; private toolkit results stay out."""
    terms = {}
    for facet in LISTINGS[kind].term_facets:
        if facet.on_library:
            terms[facet.key] = [getattr(library, facet.field)]
        elif facet.key == "toolkit":
            visible = library.toolkit_results_public
            terms[facet.key] = related["toolkit"] if visible else []
        elif facet.many:
            terms[facet.key] = related[facet.key]
        else:
            terms[facet.key] = [getattr(page, facet.field)]
    return terms
