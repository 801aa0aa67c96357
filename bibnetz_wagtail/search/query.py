"""The listing contract as data: what is asked (ListingQuery) and what every engine answers (ListingResult)."""

import math
import struct
from dataclasses import dataclass, field

LN2 = math.log(2)

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORT_SIMILAR = "similar"
SORTS = (SORT_RELEVANCE, SORT_NEWEST, SORT_SIMILAR)

#: With ``any_word``, what each word found adds to a page's relevance: more than all field weights of a word
#: together, so that pages matching more words come first.
WORD_SCORE = 1000


@dataclass(frozen=True)
class Reference:
    """The figures to compare with: a library's own, or typed in by a visitor. Missing figures are None."""

    population: float | None = None
    area: float | None = None
    fte: float | None = None
    library_id: int | None = None

    def metrics(self):
        """(band key, value) of every figure that was given."""
        return [
            (key, value)
            for key, value in (("population", self.population), ("area", self.area), ("fte", self.fte))
            if value is not None
        ]


#: Elasticsearch's gauss decay with scale ln 2 and decay 0.5 divides by this (see ``metric_similarity``).
GAUSS_SCALE = 0.5 * LN2**2 / math.log(0.5)


def metric_similarity(value, reference_value):
    """``0.5 ** ((d / ln 2) ** 2)`` with ``d = |ln(1+value) - ln(1+reference)|``: 1 when equal, 0.5 at twice or half.

    Written as Elasticsearch's gauss decay computes it, ``exp(0.5 * d² / (0.5 * scale² / ln decay))``, so that
    both engines agree to the last bits and rank near-equal libraries alike.
    """
    distance = abs(math.log1p(value) - math.log1p(reference_value))
    return math.exp(0.5 * distance**2 / GAUSS_SCALE)


def likeness(figures, reference):
    """Mean similarity over the reference's figures; ``figures`` maps band key to the library's value."""
    scores = [metric_similarity(float(figures[key]), value) for key, value in reference.metrics()]
    return sum(scores) / len(scores)


def as_score(value):
    """``value`` rounded to single precision, as Elasticsearch keeps scores: the key similarity sorts by."""
    return struct.unpack("f", struct.pack("f", value))[0]


@dataclass(frozen=True)
class ListingQuery:
    kind: str
    q: str = ""
    #: term facet key -> selected codes/slugs
    terms: dict = field(default_factory=dict)
    #: band facet key -> selected Band objects
    bands: dict = field(default_factory=dict)
    reference: Reference | None = None
    sort: str = SORT_NEWEST
    page: int = 1
    per_page: int = 20
    #: Count the facets; callers that only need hits (e.g. the lists on a profile) switch it off.
    facets: bool = True
    #: Pages matching at least one word of ``q`` instead of all, those matching more words first (sorted by
    #: relevance): the "partial matches" offered when no page has every word.
    any_word: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def selected(self, key):
        """The selected values of one facet as codes (bands by their code)."""
        if key in self.bands:
            return [band.code for band in self.bands[key]]
        return list(self.terms.get(key, ()))


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Hit:
    id: int
    likeness: float | None = None


@dataclass
class ListingResult:
    count: int
    page: int
    per_page: int
    hits: list
    #: facet key -> list of FacetValue
    facets: dict
    #: The page lies past what the engine can page to (Elasticsearch's result window).
    beyond_window: bool = False

    @property
    def pages(self):
        return math.ceil(self.count / self.per_page) if self.count else 0

    @property
    def out_of_range(self):
        """A page past the last one (page 1 of an empty result is not out of range)."""
        return self.beyond_window or self.page > max(self.pages, 1)

    @property
    def ids(self):
        return [hit.id for hit in self.hits]
