"""Turn a request's GET parameters into a validated ListingQuery, or into clear German error messages."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..conf import get_setting
from ..ids import parse_id
from ..models import LibraryProfilePage
from ..numbers import FLOOR_AREA, POPULATION, STAFF_FTE, FigureError, parse_figure
from .bands import METRIC_FIELDS, BandError, parse_band
from .facets import LISTINGS
from .query import SORT_NEWEST, SORT_RELEVANCE, SORT_SIMILAR, SORTS, ListingQuery, Reference
from .visibility import visible_pages

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
INTEGER = re.compile(r"^\s*\d+\s*$")
#: Pages far beyond any result are out of range (404), not malformed (400).
LARGEST_PAGE = 10**9
LIKE_PARAMS = {"population": "like_population", "area": "like_area", "fte": "like_fte"}
LIKE_FIGURES = {"population": POPULATION, "area": FLOOR_AREA, "fte": STAFF_FTE}
FIGURE_LABELS = {
    "like_population": gettext_lazy("Population"),
    "like_area": gettext_lazy("Floor area (m²)"),
    "like_fte": gettext_lazy("Staff (FTE)"),
}


class InvalidQuery(ValueError):
    """The parameters cannot be answered as given; ``messages`` says why, one sentence each.

    ``figure_errors`` maps each invalid ``like_*`` parameter to its message. When those are the only problems,
    ``query`` is the listing without the invalid figures, which an HTML page can show beside the errors.
    """

    def __init__(self, messages, figure_errors=None, query=None):
        super().__init__(" ".join(messages))
        self.messages = messages
        self.figure_errors = figure_errors or {}
        self.query = query


def parse_listing_query(kind, params, vocabulary):
    """Validate ``params`` (a QueryDict) for listing ``kind``; ``vocabulary`` maps facet keys to known codes."""
    parser = _Parser(kind, params, vocabulary)
    query = parser.parse()
    if parser.errors or parser.figure_errors:
        figure_messages = [
            _("%(figure)s: %(error)s") % {"figure": FIGURE_LABELS[name], "error": message}
            for name, message in parser.figure_errors.items()
        ]
        answerable = None if parser.errors else query
        raise InvalidQuery(parser.errors + figure_messages, parser.figure_errors, answerable)
    return query


def parse_search_text(params):
    """The search text ``q`` of ``params`` alone, by the listings' rules; ``InvalidQuery`` when it is too long."""
    errors = []
    values = params.getlist("q")
    text = clean_text(values[-1].strip() if values else "", errors)
    if errors:
        raise InvalidQuery(errors)
    return text


def clean_text(value, errors):
    """``value`` without control characters, or "" with a message added to ``errors`` when it is too long."""
    text = CONTROL_CHARACTERS.sub(" ", value).strip()
    limit = get_setting("MAX_QUERY_LENGTH")
    if len(text) > limit:
        errors.append(
            ngettext(
                "The search text is too long: please use at most %(limit)d character.",
                "The search text is too long: please use at most %(limit)d characters.",
                limit,
            )
            % {"limit": limit}
        )
        return ""
    return text


class _Parser:
    def __init__(self, kind, params, vocabulary):
        self.listing = LISTINGS[kind]
        self.params = params
        self.vocabulary = vocabulary
        self.errors = []
        self.figure_errors = {}

    def parse(self):
        q = self.parse_text()
        reference = self.parse_reference()
        return ListingQuery(
            kind=self.listing.kind,
            q=q,
            terms=self.parse_terms(),
            bands=self.parse_bands(),
            reference=reference,
            sort=self.parse_sort(q, reference),
            page=self.parse_page(),
            per_page=self.parse_per_page(),
        )

    def single(self, name):
        values = self.params.getlist(name)
        return values[-1].strip() if values else ""

    def parse_text(self):
        return clean_text(self.single("q"), self.errors)

    def too_many(self, facet, values):
        limit = get_setting("MAX_FACET_VALUES")
        if len(values) <= limit:
            return False
        self.errors.append(
            _("Too many values were selected for the filter “%(facet)s”: at most %(limit)d are possible.")
            % {"facet": facet.label, "limit": limit}
        )
        return True

    def parse_terms(self):
        terms = {}
        for facet in self.listing.term_facets:
            raw = list(dict.fromkeys(value.strip() for value in self.params.getlist(facet.key) if value.strip()))
            if not raw or self.too_many(facet, raw):
                continue
            known = [value for value in raw if value in self.vocabulary[facet.key]]
            if known:
                terms[facet.key] = tuple(known)
        return terms

    def parse_bands(self):
        bands = {}
        for facet in self.listing.band_facets:
            raw = list(dict.fromkeys(value.strip() for value in self.params.getlist(facet.key) if value.strip()))
            if not raw or self.too_many(facet, raw):
                continue
            parsed = []
            for value in raw:
                try:
                    parsed.append(parse_band(value))
                except BandError:
                    self.errors.append(
                        _(
                            "The range “%(value)s” for “%(facet)s” is not valid: write it as FROM-TO with FROM smaller "
                            "than TO, e.g. 5000-10000, or FROM- for no upper end."
                        )
                        % {"value": value[:40], "facet": facet.label}
                    )
            if parsed:
                bands[facet.key] = tuple(dict.fromkeys(parsed))
        return bands

    def parse_reference(self):
        similar_to = self.single("similar_to")
        if similar_to:
            return self.reference_from_library(similar_to)
        figures = {}
        for key, name in LIKE_PARAMS.items():
            value = self.single(name)
            if not value:
                continue
            try:
                figures[key] = float(parse_figure(value[:40], LIKE_FIGURES[key]))
            except FigureError as error:
                self.figure_errors[name] = str(error.message)
        return Reference(**figures) if figures else None

    def reference_from_library(self, value):
        library, library_id = None, parse_id(value)
        if library_id is not None:
            library = (
                visible_pages(LibraryProfilePage).filter(pk=library_id).values("pk", *METRIC_FIELDS.values()).first()
            )
        if library is None:
            self.errors.append(_("The library chosen for comparison does not exist or is not published."))
            return None
        return Reference(
            population=float(library["population"]),
            area=float(library["floor_area_m2"]),
            fte=float(library["staff_fte"]),
            library_id=library["pk"],
        )

    def parse_sort(self, q, reference):
        sort = self.single("sort")
        if sort and sort not in SORTS:
            self.errors.append(_("Unknown sort order: choose relevance, newest or similar."))
            sort = ""
        if sort == SORT_RELEVANCE and not q or sort == SORT_SIMILAR and reference is None:
            sort = ""
        if sort:
            return sort
        if reference is not None:
            return SORT_SIMILAR
        return SORT_RELEVANCE if q else SORT_NEWEST

    def parse_positive(self, name, default, message):
        value = self.single(name)
        if not value:
            return default
        if not INTEGER.match(value) or int(value[:18]) < 1:
            self.errors.append(message)
            return default
        # More digits than any page count has: keep it out of range without parsing a huge number.
        return int(value) if len(value.strip()) <= 18 else LARGEST_PAGE

    def parse_page(self):
        page = self.parse_positive("page", 1, _("The page number must be a whole number of at least 1."))
        return min(page, LARGEST_PAGE)

    def parse_per_page(self):
        limit = get_setting("MAX_PER_PAGE")
        message = _("The number of results per page must be a whole number from 1 to %(limit)d.") % {"limit": limit}
        per_page = self.parse_positive("per_page", get_setting("PER_PAGE"), message)
        if per_page > limit:
            self.errors.append(message)
            return get_setting("PER_PAGE")
        return per_page
