"""The faceted listing behind every index page: HTML with a plain GET form, or JSON with ``?format=json``."""

from dataclasses import dataclass, field

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..search.engines import get_engine
from ..search.facets import LISTINGS
from ..search.params import InvalidQuery, parse_listing_query
from ..search.suggestions import corrections, partial_matches
from ..search.text_index import text_query
from ..search.vocabulary import load_vocabulary
from .context import listing_context, result_cards
from .items import load_items
from .querystring import QueryState
from .serializers import listing_json

FORMATS = ("", "html", "json")


def serve_listing(page, request):
    """Answer a listing request for ``page`` (a LibraryIndexPage, MeasureIndexPage or TaskShareIndexPage)."""
    kind = page.listing_kind
    output = request.GET.get("format", "")
    if output not in FORMATS:
        return invalid_response(page, request, [_("Unknown format: use format=json or leave it out.")], False)
    as_json = output == "json"
    vocabulary = load_vocabulary(kind)
    figure_errors = {}
    try:
        query = parse_listing_query(kind, request.GET, vocabulary)
    except InvalidQuery as error:
        # A mistyped comparison figure costs the HTML page only that figure: the results stay, the error
        # shows beside the field with the text as typed. JSON clients get the 400 of the contract.
        if as_json or error.query is None:
            return invalid_response(page, request, error.messages, as_json)
        query, figure_errors = error.query, error.figure_errors
    engine = get_engine()
    result = engine.search(query, vocabulary=vocabulary)
    text = text_query(kind, query.q) if query.q else None
    items = load_items(kind, result.hits, text)
    rescue = TextRescue.of(engine, query, result, text)
    if as_json:
        return JsonResponse(listing_json(result, items, request, rescue), json_dumps_params={"ensure_ascii": False})
    if result.out_of_range:
        raise Http404(_("This page of results does not exist."))
    context = page.get_context(request)
    context.update(listing_context(page, request, LISTINGS[kind], query, result, items, figure_errors))
    context.update(rescue.context(QueryState(request.GET, LISTINGS[kind].facet_keys), query))
    return TemplateResponse(request, page.get_template(request), context)


@dataclass
class TextRescue:
    """What a search text that finds nothing still offers: corrections of its words, and the pages that match
    some of its words (a section of their own: the listing's count and facets mean "every word")."""

    corrections: list = field(default_factory=list)
    partial: object = None
    partial_items: list = field(default_factory=list)

    @classmethod
    def of(cls, engine, query, result, text):
        if not query.q or result.count or query.page > 1:
            return cls()
        partial = partial_matches(engine, query)
        partial_items = load_items(query.kind, partial.hits, text) if partial else []
        return cls(corrections(engine, query), partial, partial_items)

    def context(self, state, query):
        return {
            "corrections": [
                (correction, state.url(drop=["q"], add=[("q", correction.q)])) for correction in self.corrections
            ],
            "partial": self.partial,
            "partial_cards": result_cards(self.partial_items, query.reference),
        }


def invalid_response(page, request, messages, as_json):
    """400 with the reasons, one German sentence each, and a way back to the unfiltered listing."""
    if as_json:
        return JsonResponse({"errors": messages}, status=400, json_dumps_params={"ensure_ascii": False})
    context = page.get_context(request)
    context["errors"] = messages
    return TemplateResponse(request, "bibnetz_wagtail/listing_error.html", context, status=400)
