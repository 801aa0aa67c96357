"""Template context of a listing page: facet groups with toggle links, chips, sort, pagination, comparison."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..models import LibraryProfilePage
from ..search.params import LIKE_PARAMS
from ..search.query import SORT_NEWEST, SORT_RELEVANCE, SORT_SIMILAR
from ..search.visibility import visible_pages
from .membership.toolkit import own_toolkit_links
from .querystring import QueryState

SORT_LABELS = {
    SORT_RELEVANCE: _("Best match"),
    SORT_NEWEST: _("Newest first"),
    SORT_SIMILAR: _("Most similar first"),
}
#: Up to this many libraries the comparison form offers a drop-down; beyond, profiles link to it.
LIBRARY_CHOICE_LIMIT = 300
PAGE_WINDOW = 2


@dataclass
class FacetLink:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    key: str
    label: str
    is_band: bool
    values: list

    @property
    def has_selection(self):
        return any(value.selected for value in self.values)


@dataclass
class Chip:
    label: str
    url: str


def listing_context(page, request, listing, query, result, items):
    state = QueryState(request.GET, listing.facet_keys)
    groups = facet_groups(listing, result, state)
    return {
        "listing": listing,
        "query": query,
        "result": result,
        "items": items,
        "facet_groups": groups,
        "chips": chips(groups, query, state, result),
        "sort_options": sort_options(query),
        "pagination": pagination(result, state),
        "compare": comparison(query, request),
        "hidden_filters": [(key, value) for key, value in state.pairs() if key in listing.facet_keys],
        "reset_url": state.url(drop=state.keys),
        "own_toolkit": own_toolkit_links(request, listing, state),
    }


def facet_groups(listing, result, state):
    labels = {facet.key: facet.label for facet in listing.term_facets + listing.band_facets}
    band_keys = {facet.key for facet in listing.band_facets}
    groups = []
    for key in listing.facet_keys:
        links = [
            FacetLink(value.value, value.label, value.count, value.selected, state.toggle(key, value.value, value.selected))
            for value in result.facets.get(key, [])
        ]
        groups.append(FacetGroup(key, labels[key], key in band_keys, links))
    return groups


def chips(groups, query, state, result):
    """One removable chip per active filter, search text and comparison."""
    active = []
    if query.q:
        active.append(Chip(_("Search: “%(q)s”") % {"q": query.q}, state.url(drop=["q"])))
    for group in groups:
        for value in group.values:
            if value.selected:
                active.append(Chip(f"{group.label}: {value.label}", value.url))
    if query.reference is not None:
        active.append(Chip(_("Compared with a library"), state.url(drop=["similar_to", *LIKE_PARAMS.values()])))
    return active


def sort_options(query):
    options = [SORT_NEWEST]
    if query.q:
        options.insert(0, SORT_RELEVANCE)
    if query.reference is not None:
        options.insert(0, SORT_SIMILAR)
    return [(value, SORT_LABELS[value], value == query.sort) for value in options]


def pagination(result, state):
    if result.pages <= 1:
        return None
    first = max(1, result.page - PAGE_WINDOW)
    last = min(result.pages, result.page + PAGE_WINDOW)
    return {
        "previous_url": state.page_url(result.page - 1) if result.page > 1 else None,
        "next_url": state.page_url(result.page + 1) if result.page < result.pages else None,
        "pages": [(number, state.page_url(number), number == result.page) for number in range(first, last + 1)],
        "first_url": state.page_url(1) if first > 1 else None,
        "last_url": state.page_url(result.pages) if last < result.pages else None,
        "last": result.pages,
    }


def comparison(query, request):
    """Values for the "Bibliotheken wie unsere" form: a library drop-down (small networks) and three figures."""
    libraries = list(
        visible_pages(LibraryProfilePage).order_by("title").values_list("pk", "title")[: LIBRARY_CHOICE_LIMIT + 1]
    )
    reference = query.reference
    return {
        "libraries": libraries if len(libraries) <= LIBRARY_CHOICE_LIMIT else None,
        "similar_to": reference.library_id if reference else None,
        "population": request.GET.get("like_population", "")[:20],
        "area": request.GET.get("like_area", "")[:20],
        "fte": request.GET.get("like_fte", "")[:20],
        "per_page": query.per_page if query.per_page != get_setting("PER_PAGE") else None,
    }
