"""Load the pages of one result page with a constant number of queries, in the engine's order."""

from dataclasses import dataclass

from ..models import LibraryProfilePage, MeasurePage, TaskSharePage
from ..search.facets import LISTINGS

PREFETCH = {
    "libraries": ("tagged_toolkit_results__tag",),
    "measures": ("topics", "target_groups", "tagged_toolkit_results__tag"),
    "tasks": ("topics", "tagged_toolkit_results__tag"),
}
MODELS = {"libraries": LibraryProfilePage, "measures": MeasurePage, "tasks": TaskSharePage}


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
    """Items for ``hits`` in hit order; the prefetches make the query count independent of page size."""
    if not hits:
        return []
    queryset = MODELS[kind].objects.filter(pk__in=[hit.id for hit in hits]).prefetch_related(*PREFETCH[kind])
    if kind != "libraries":
        queryset = queryset.select_related("library")
    pages = {page.pk: page for page in queryset}
    items = []
    for hit in hits:
        page = pages.get(hit.id)
        if page is not None:
            library = page if kind == "libraries" else page.library
            items.append(Item(page=page, library=library, likeness=hit.likeness, terms=page_terms(kind, page)))
    return items


def page_terms(kind, page):
    """The page's values for every term facet of its listing; private toolkit results stay out."""
    terms = {}
    library = page if kind == "libraries" else page.library
    for facet in LISTINGS[kind].term_facets:
        if facet.on_library:
            terms[facet.key] = [getattr(library, facet.field)]
        elif facet.key == "toolkit":
            visible = kind != "libraries" or page.toolkit_results_public
            terms[facet.key] = sorted(item.tag.slug for item in page.tagged_toolkit_results.all()) if visible else []
        elif facet.many:
            terms[facet.key] = sorted(term.slug for term in getattr(page, facet.field).all())
        else:
            terms[facet.key] = [getattr(page, facet.field)]
    return terms
