"""One search over the whole network: how many libraries, measures and calls a search text finds, the first
few of each with their highlights, and a link into each listing with that text. HTML, or JSON with
``?format=json``."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import JsonResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..conf import get_setting
from ..search.engines import get_engine
from ..search.params import InvalidQuery, parse_search_text
from ..search.query import SORT_RELEVANCE, ListingQuery
from ..search.text_index import text_query
from ..search.visibility import restricted_paths
from .context import CARD_TEMPLATES
from .items import load_items
from .network import listing_page
from .responses import render_page
from .serializers import item_json

TEMPLATE = "bibnetz_wagtail/network_search.html"
FORMATS = ("", "html", "json")
#: The listings searched, in the order the page shows them.
KINDS = ("measures", "tasks", "libraries")
#: Results shown per listing; the link leads to the rest.
PREVIEW = 3
HEADINGS = {
    "measures": gettext_lazy("Measures"),
    "tasks": gettext_lazy("Task-share calls"),
    "libraries": gettext_lazy("Libraries"),
}


@dataclass
class Section:
    """One listing's part of the answer: its count, first results and the link to all of them."""

    kind: str
    count: int
    items: list
    #: The listing page with the search text, absolute; None when the site has no listing page of this kind.
    url: str | None

    @property
    def heading(self):
        return HEADINGS[self.kind]

    @property
    def card_template(self):
        return CARD_TEMPLATES[self.kind]

    @property
    def number(self):
        return grouped(self.count)

    @property
    def all_label(self):
        return all_label(self.kind, self.count)


def all_label(kind, count):
    """„Alle 12 Maßnahmen anzeigen“, with the count as the listing's page shows figures."""
    counter = grouped(count)
    labels = {
        "measures": ngettext("Show the %(counter)s measure", "Show all %(counter)s measures", count),
        "tasks": ngettext("Show the %(counter)s task-share call", "Show all %(counter)s task-share calls", count),
        "libraries": ngettext("Show the %(counter)s library", "Show all %(counter)s libraries", count),
    }
    return labels[kind] % {"counter": counter}


def grouped(count):
    """``count`` with the language's thousands separator (1.234), as the listings show their counts."""
    return number_format(count, force_grouping=True)


def network_search(request):
    """„Suche im Netzwerk“: the search text ``q`` in every listing at once."""
    output = request.GET.get("format", "")
    if output not in FORMATS:
        return invalid_response(request, [_("Unknown format: use format=json or leave it out.")], False)
    as_json = output == "json"
    try:
        q = parse_search_text(request.GET)
    except InvalidQuery as error:
        return invalid_response(request, error.messages, as_json)
    sections = search_sections(request, q) if q else []
    if as_json:
        return JsonResponse(network_json(request, q, sections), json_dumps_params={"ensure_ascii": False})
    return render_page(request, TEMPLATE, page_context(q, sections))


def search_sections(request, q):
    """One ``Section`` per listing: a page of ``PREVIEW`` best matches, counted without facets."""
    engine, paths = get_engine(), restricted_paths()
    sections = []
    for kind in KINDS:
        query = ListingQuery(kind=kind, q=q, sort=SORT_RELEVANCE, per_page=PREVIEW, facets=False)
        result = engine.search(query)
        items = load_items(kind, result.hits, text_query(kind, q))
        sections.append(Section(kind, result.count, items, listing_url(request, kind, q, paths)))
    return sections


def listing_url(request, kind, q, paths):
    page = listing_page(kind, paths, request)
    if page is None:
        return None
    return request.build_absolute_uri(f"{page.get_url(request)}?{urlencode({'q': q})}")


def page_context(q, sections, errors=()):
    return {
        "title": _("Network search"),
        "q": q,
        "sections": sections,
        "total": sum(section.count for section in sections),
        "errors": list(errors),
        "max_length": get_setting("MAX_QUERY_LENGTH"),
    }


def network_json(request, q, sections):
    """{"q": …, "listings": {kind: {"count", "url", "results"}}}: results as in each listing's own JSON."""
    return {
        "q": q,
        "listings": {
            section.kind: {
                "count": section.count,
                "url": section.url,
                "results": [item_json(item, request) for item in section.items],
            }
            for section in sections
        },
    }


def invalid_response(request, messages, as_json):
    """400 with the reasons, one German sentence each; the HTML page keeps an empty search form."""
    if as_json:
        return JsonResponse({"errors": messages}, status=400, json_dumps_params={"ensure_ascii": False})
    return render_page(request, TEMPLATE, page_context("", [], messages), status=400)
