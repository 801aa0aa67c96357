"""Template context of a listing page: facet groups with toggle links, chips, sort, pagination, comparison,
result cards and, for an empty result, which filter to leave out."""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from ..search.engines import get_engine
from ..search.params import LIKE_PARAMS
from ..search.query import SORT_NEWEST, SORT_RELEVANCE, SORT_SIMILAR
from . import toolkit
from .card_runs import card_runs
from .compare_form import comparison, comparison_label
from .likeness import likeness_reason
from .membership.own_toolkit import own_toolkit_links
from .querystring import QueryState

SORT_LABELS = {
    SORT_RELEVANCE: _("Best match"),
    SORT_NEWEST: _("Newest first"),
    SORT_SIMILAR: _("Most similar first"),
}
#: The template of one result, per listing. The three index pages share one template and differ only in this.
CARD_TEMPLATES = {
    "libraries": "bibnetz_wagtail/includes/library_card.html",
    "measures": "bibnetz_wagtail/includes/measure_card.html",
    "tasks": "bibnetz_wagtail/includes/task_card.html",
}
PAGE_WINDOW = 2
#: Term facet groups shown open from the start (in listing order); band groups and selections are always open.
OPEN_TERM_GROUPS = 2
#: An empty result suggests leaving out at most this many filters: one extra search each.
MAX_SUGGESTIONS = 6


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
    #: Rendered expanded (``<details open>``).
    open: bool = False
    #: What the listed values mean (FacetHelp items), and the page that explains them: for the toolkit facet.
    help: list = field(default_factory=list)
    help_url: str | None = None

    @property
    def has_selection(self):
        return any(value.selected for value in self.values)

    @property
    def selected_labels(self):
        return [value.label for value in self.values if value.selected]

    @property
    def selected_count(self):
        return len(self.selected_labels)


@dataclass
class Chip:
    label: str
    url: str


@dataclass
class ResultCard:
    item: object
    #: Why the result is like the reference ("similar population, …"); None without a reference.
    likeness_reason: str | None


@dataclass
class Suggestion:
    """Leaving out one active filter: its label, the link and how many results that gives."""

    label: str
    url: str
    count: int


def listing_context(page, request, listing, query, result, items, figure_errors=None):
    state = QueryState(request.GET, listing.facet_keys)
    groups = facet_groups(listing, result, state)
    filtered = has_filters(query)
    compare = comparison(query, request, figure_errors)
    cards = result_cards(items, query.reference)
    return {
        "listing": listing,
        "query": query,
        "result": result,
        "items": items,
        "cards": cards,
        "card_runs": card_runs(listing.kind, cards, query.sort),
        "card_template": CARD_TEMPLATES[listing.kind],
        "facet_groups": groups,
        "selected_count": sum(group.selected_count for group in groups),
        "has_filters": filtered,
        "suggestions": empty_state_suggestions(query, groups, state) if filtered and not result.count else [],
        "chips": chips(groups, query, state, compare),
        "sort_options": sort_options(query),
        "pagination": pagination(result, state),
        "compare": compare,
        "hidden_filters": [(key, value) for key, value in state.pairs() if key in listing.facet_keys],
        # The comparison is no filter: it ranks, and it stays until its own chip is removed.
        "reset_url": state.url(drop=["q", *listing.facet_keys]),
        "own_toolkit": own_toolkit_links(request, listing, state),
    }


def facet_groups(listing, result, state):
    labels = {facet.key: facet.label for facet in listing.term_facets + listing.band_facets}
    band_keys = {facet.key for facet in listing.band_facets}
    groups = []
    for key in listing.facet_keys:
        links = [
            FacetLink(
                value.value, value.label, value.count, value.selected, state.toggle(key, value.value, value.selected)
            )
            for value in result.facets.get(key, [])
        ]
        group = FacetGroup(key, labels[key], key in band_keys, links, help=toolkit.facet_help(key, links))
        if key == toolkit.FACET_KEY and links:
            group.help_url = toolkit.explanation_url()
        groups.append(group)
    set_open(groups)
    return groups


def set_open(groups):
    """Open what matters first: the groups with a selection, the size bands and the first few other groups.
    Only groups with values count, as the others are not shown."""
    shown_term_groups = [group for group in groups if group.values and not group.is_band]
    first = {group.key for group in shown_term_groups[:OPEN_TERM_GROUPS]}
    for group in groups:
        group.open = group.has_selection or group.is_band or group.key in first


def has_filters(query):
    """Search text or a facet selection; the comparison only ranks and filters nothing."""
    return bool(query.q or query.terms or query.bands)


def search_label(q):
    return _("Search: “%(q)s”") % {"q": q}


def chips(groups, query, state, compare):
    """One removable chip per active filter, search text and comparison."""
    active = []
    if query.q:
        active.append(Chip(search_label(query.q), state.url(drop=["q"])))
    for group in groups:
        for value in group.values:
            if value.selected:
                active.append(Chip(f"{group.label}: {value.label}", value.url))
    if query.reference is not None:
        label = comparison_label(query.reference, compare)
        active.append(Chip(label, state.url(drop=["similar_to", *LIKE_PARAMS.values()])))
    return active


def result_cards(items, reference):
    return [
        ResultCard(item, likeness_reason(item.library, reference) if reference is not None else None) for item in items
    ]


def empty_state_suggestions(query, groups, state):
    """Per active filter (up to ``MAX_SUGGESTIONS``): the link that leaves it out and the results that gives,
    most results first. One count each, so only asked when nothing was found."""
    engine = get_engine()
    suggestions = [
        Suggestion(label, state.url(drop=[key]), count_results(engine, relaxed))
        for key, label, relaxed in filter_relaxations(query, groups)[:MAX_SUGGESTIONS]
    ]
    return sorted(suggestions, key=lambda suggestion: -suggestion.count)


def filter_relaxations(query, groups):
    """(parameter, label, the query without it) for the search text and for each facet with a selection."""
    relaxations = []
    if query.q:
        relaxations.append(("q", search_label(query.q), replace(query, q="")))
    for group in groups:
        if not group.has_selection:
            continue
        if group.is_band:
            relaxed = replace(query, bands=without(query.bands, group.key))
        else:
            relaxed = replace(query, terms=without(query.terms, group.key))
        relaxations.append((group.key, f"{group.label}: {', '.join(group.selected_labels)}", relaxed))
    return relaxations


def without(selection, key):
    return {other: values for other, values in selection.items() if other != key}


def count_results(engine, query):
    """How many results ``query`` has, asked in the cheapest form: no facets, no ranking, a page of one."""
    counting = replace(query, page=1, per_page=1, sort=SORT_NEWEST, reference=None, facets=False)
    return engine.search(counting).count


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
