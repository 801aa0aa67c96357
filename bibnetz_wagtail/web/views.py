"""The faceted listing behind every index page: HTML with a plain GET form, or JSON with ``?format=json``."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..search.engines import get_engine
from ..search.facets import LISTINGS
from ..search.params import InvalidQuery, parse_listing_query
from ..search.text_index import text_query
from ..search.vocabulary import load_vocabulary
from .context import listing_context
from .items import load_items
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
    result = get_engine().search(query, vocabulary=vocabulary)
    items = load_items(kind, result.hits, text_query(kind, query.q) if query.q else None)
    if as_json:
        return JsonResponse(listing_json(result, items, request), json_dumps_params={"ensure_ascii": False})
    if result.out_of_range:
        raise Http404(_("This page of results does not exist."))
    context = page.get_context(request)
    context.update(listing_context(page, request, LISTINGS[kind], query, result, items, figure_errors))
    return TemplateResponse(request, page.get_template(request), context)


def invalid_response(page, request, messages, as_json):
    """400 with the reasons, one German sentence each, and a way back to the unfiltered listing."""
    if as_json:
        return JsonResponse({"errors": messages}, status=400, json_dumps_params={"ensure_ascii": False})
    context = page.get_context(request)
    context["errors"] = messages
    return TemplateResponse(request, "bibnetz_wagtail/listing_error.html", context, status=400)
