"""The Elasticsearch engine: the whole listing contract in one search request per listing.

The query holds the text, the visibility rule and the likeness ranking; every facet is counted in the same
request. A facet with an active filter of its own is counted with every *other* filter (disjunctive
faceting). Two layouts do that, and the engine takes the one that reads fewer documents:

- ``global``: the query also holds every active filter, so Elasticsearch collects only the matches. Facets
  without a filter of their own are counted on them directly; each filtered facet is counted in a ``global``
  aggregation that repeats the rest of the query in filter context. That is one pass over *all* documents
  per filtered facet: cheap for one or two filters, which is most listings.
- ``union``: the query holds the documents that match all filters but at most one (text and visibility
  included), ``post_filter`` keeps the hits that match all of them, and every facet is counted on that
  union in a ``filter`` aggregation. With text or three or more filters the union is much smaller than the
  index, and one pass over it beats a pass over the whole index per filtered facet.

elasticsearch-dsl's ``FacetedSearch`` (query + ``post_filter`` + one filter-wrapped aggregation per facet)
always reads every document that matches the text. User text only ever reaches ``simple_query_string`` and
``multi_match``, which cannot fail on syntax.
"""

import logging
import math

from django.utils import timezone
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import Q, Search

from ..analysis import INFIX_MIN, MODIFIER_MIN
from ..bands import METRIC_FIELDS, configured_bands
from ..breaker import ClusterUnavailable, guarded
from ..cluster import alias_name, counts_as_failure, get_client
from ..facets import LISTINGS
from ..query import LN2, SORT_RELEVANCE, SORT_SIMILAR, WORD_SCORE, FacetValue, Hit, ListingResult, likeness
from ..text import text_weights
from ..text_index import text_query
from ..vocabulary import load_vocabulary, term_facet_values
from .base import BaseEngine
from .database import DatabaseEngine

logger = logging.getLogger(__name__)

#: Elasticsearch's default ``index.max_result_window``: pages beyond it are out of range.
RESULT_WINDOW = 10_000

FIGURES = ("population", "area", "fte")


class ElasticsearchEngine(BaseEngine):
    """Answers listings from the index; falls back to the database while the cluster cannot be reached."""

    name = "elasticsearch"
    keeps_index = True
    #: Who answers while the cluster cannot: the listings stay complete, only slower.
    fallback = DatabaseEngine

    def __init__(self, client=None):
        self.client = client

    def search(self, query, vocabulary=None):
        """The listing from the index, or from the database while the cluster cannot answer in time."""
        if vocabulary is None and query.facets:
            vocabulary = load_vocabulary(query.kind)
        # Analysing the text reads the database (and, for a misspelt word, the corpus): not the cluster's time.
        text = analysed_text(query)
        try:
            return guarded(
                lambda timeout: self.search_index(query, vocabulary, timeout=timeout, text=text), counts_as_failure
            )
        except ClusterUnavailable as reason:
            logger.info("Elasticsearch is not asked (%s); answering from the database.", reason)
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch cannot answer a listing (%s); answering from the database.", error)
        return self.fallback().search(query, vocabulary)

    def search_index(self, query, vocabulary, layout=None, timeout=None, text=None):
        """``layout`` forces one of the two facet layouts; by default the cheaper one is chosen. With a
        ``timeout`` the request gets exactly that long and no retry (the breaker decides about trying again).
        ``text`` is ``analysed_text(query)`` when the caller has it already."""
        layout = layout or facet_layout(query)
        beyond_window = query.offset + query.per_page > RESULT_WINDOW
        search = build_search(query, vocabulary, size=0 if beyond_window else None, layout=layout, text=text)
        client = self.client or get_client()
        if timeout is not None:
            client = client.options(request_timeout=timeout, max_retries=0)
        # Plain dicts from here on: elasticsearch-dsl's attribute wrappers cost more than the counting itself.
        response = search.using(client).execute().to_dict()
        return ListingResult(
            count=response["hits"]["total"]["value"],
            page=query.page,
            per_page=query.per_page,
            hits=[self.hit(hit, query) for hit in response["hits"]["hits"]],
            facets=facet_values(query, vocabulary, response["aggregations"], layout) if query.facets else {},
            beyond_window=beyond_window,
        )

    @staticmethod
    def hit(hit, query):
        if query.reference is None:
            return Hit(id=int(hit["_id"]))
        return Hit(id=int(hit["_id"]), likeness=likeness(hit["_source"], query.reference))


#: The two ways of counting facets with a filter of their own (see the module docstring).
GLOBAL, UNION = "global", "union"


def build_search(query, vocabulary, size=None, layout=None, text=None):
    """The one search request of a listing, as an elasticsearch-dsl ``Search``."""
    filters = facet_filters(query)
    text = analysed_text(query) if text is None else text
    search = Search(index=alias_name(query.kind)).extra(track_total_hits=True)
    build_layout = union_layout if (layout or facet_layout(query)) == UNION else global_layout
    search = build_layout(search, query, vocabulary, text, filters)
    search = search.sort(*sort_order(query)).source(list(FIGURES))
    size = query.per_page if size is None else size
    return search[query.offset : query.offset + size] if size else search.extra(size=0)


def facet_layout(query):
    """UNION where it reads fewer documents than a pass over the whole index per filtered facet."""
    filtered = len(filtered_keys(query))
    if query.facets and filtered and (query.q.strip() or filtered >= 3):
        return UNION
    return GLOBAL


def counted_facets(query):
    return LISTINGS[query.kind].facet_keys if query.facets else ()


def global_layout(search, query, vocabulary, text, filters):
    search = search.query(ranked(query, matching(text, filters.values())))
    for key in counted_facets(query):
        agg_type, params = facet_aggregation(query, vocabulary, key)
        if key in filters:
            bucket = search.aggs.bucket(f"_all_{key}", "global")
            others = matching(text, other_filters(filters, key), scored=False)
            bucket = bucket.bucket(f"_filter_{key}", "filter", filter=others)
            bucket.bucket(key, agg_type, **params)
        else:
            search.aggs.bucket(key, agg_type, **params)
    return search


def union_layout(search, query, vocabulary, text, filters):
    all_but_one = [Q("bool", filter=other_filters(filters, key)) for key in filters]
    union = [Q("bool", should=all_but_one, minimum_should_match=1)] if len(filters) > 1 else []
    search = search.query(ranked(query, matching(text, union))).post_filter("bool", filter=list(filters.values()))
    matches_all = search.aggs.bucket("_matching", "filter", filter=Q("bool", filter=list(filters.values())))
    for key in counted_facets(query):
        agg_type, params = facet_aggregation(query, vocabulary, key)
        if key in filters:
            others = Q("bool", filter=other_filters(filters, key))
            search.aggs.bucket(f"_others_{key}", "filter", filter=others).bucket(key, agg_type, **params)
        else:
            matches_all.bucket(key, agg_type, **params)
    return search


def other_filters(filters, key):
    return [q for other, q in filters.items() if other != key]


def counted_aggregation(aggregations, layout, key, filtered):
    """The aggregation that counted ``key``, wherever its layout put it."""
    if layout == UNION:
        return aggregations[f"_others_{key}"][key] if filtered else aggregations["_matching"][key]
    return aggregations[f"_all_{key}"][f"_filter_{key}"][key] if filtered else aggregations[key]


def matching(text, filters, scored=True):
    """Live documents that match ``text`` (if any) and every filter; unscored inside aggregations."""
    clauses = [not_expired(), *filters]
    if text is None:
        return Q("bool", filter=clauses)
    return Q("bool", must=[text], filter=clauses) if scored else Q("bool", filter=[text, *clauses])


def ranked(query, main):
    """``main`` ranked by likeness when the listing is sorted by similarity to a reference."""
    if query.reference is None or query.sort != SORT_SIMILAR:
        return main
    functions = [
        {"gauss": {f"ln_{key}": {"origin": math.log1p(value), "scale": LN2, "decay": 0.5}}}
        for key, value in query.reference.metrics()
    ]
    return Q("function_score", query=main, functions=functions, score_mode="avg", boost_mode="replace")


def not_expired():
    # Every document has an expiry (a far-future one when the page has none), so this is one range clause.
    return Q("range", expires={"gt": timezone.now().isoformat()})


def analysed_text(query):
    """The text part of the query: every word (or one, with ``any_word``) in one of the text fields, scored
    like the database engine scores (see ``engines.database.relevance_expression``); None without text.

    A word's clause both matches and scores: it matches when one of its field clauses does, and a bool query
    sums the constant scores (the field weights) of the clauses that match."""
    text = text_query(query.kind, query.q)
    if not text:
        return None
    weights = text_weights(LISTINGS[query.kind])
    words = []
    for group in text.groups:
        in_field = {field: one_of([term_clause(field, term) for term in group]) for field in weights}
        scored = [Q("constant_score", filter=in_field[field], boost=weight) for field, weight in weights.items()]
        if query.any_word:
            scored.append(Q("constant_score", filter=one_of(list(in_field.values())), boost=WORD_SCORE))
        words.append(Q("bool", should=scored, minimum_should_match=1))
    if query.any_word:
        return Q("bool", should=words, minimum_should_match=1)
    return Q("bool", must=words)


def one_of(clauses):
    return clauses[0] if len(clauses) == 1 else Q("bool", should=clauses, minimum_should_match=1)


def term_clause(field, term):
    """The rule of ``analysis.matches``: a long term at the start of an indexed term or after
    ``MODIFIER_MIN`` letters of it, a short one as a whole term or as the end of a compound."""
    in_compound = "?" * MODIFIER_MIN + "*" + term
    if len(term) >= INFIX_MIN:
        return one_of([Q("prefix", **{field: term}), Q("wildcard", **{field: {"value": in_compound + "*"}})])
    return one_of([Q("term", **{field: term}), Q("wildcard", **{field: {"value": in_compound}})])


def filtered_keys(query):
    """The facets with an active selection: those ``facet_filters`` builds a filter for."""
    return {key for key, selected in (*query.terms.items(), *query.bands.items()) if selected}


def facet_filters(query):
    """Facet key -> filter of the active selections (values OR-ed within a facet)."""
    filters = {key: Q("terms", **{key: list(values)}) for key, values in query.terms.items() if values}
    for key, bands in query.bands.items():
        if bands:
            filters[key] = Q("bool", should=[band_filter(key, band) for band in bands], minimum_should_match=1)
    return filters


def band_filter(key, band):
    bounds = {"gte": band.low}
    if band.high is not None:
        bounds["lt"] = band.high
    return Q("range", **{key: bounds})


def band_range(band):
    """A band as a bucket of a ``range`` aggregation, which counts ``[from, to)`` like the band itself."""
    bucket = {"key": band.code, "from": band.low}
    if band.high is not None:
        bucket["to"] = band.high
    return bucket


def listed_bands(query, key):
    return list(dict.fromkeys(configured_bands(key) + list(query.bands.get(key, ()))))


def facet_aggregation(query, vocabulary, key):
    """(type, params) of the aggregation counting one facet: every term bucket, or one range per band."""
    if key in METRIC_FIELDS:
        ranges = [band_range(band) for band in listed_bands(query, key)]
        return "range", {"field": key, "keyed": True, "ranges": ranges}
    return "terms", {"field": key, "size": max(len(vocabulary[key]), 1), "min_doc_count": 1}


def facet_values(query, vocabulary, aggregations, layout):
    facets = {}
    filtered = filtered_keys(query)
    for key in LISTINGS[query.kind].facet_keys:
        counted = counted_aggregation(aggregations, layout, key, key in filtered)
        selected = query.selected(key)
        if key in METRIC_FIELDS:
            buckets = counted["buckets"]
            facets[key] = [
                FacetValue(band.code, str(band.label), buckets[band.code]["doc_count"], band.code in selected)
                for band in listed_bands(query, key)
                if buckets[band.code]["doc_count"] or band.code in selected
            ]
        else:
            counts = {bucket["key"]: bucket["doc_count"] for bucket in counted["buckets"]}
            facets[key] = term_facet_values(vocabulary[key], counts, selected)
    return facets


def sort_order(query):
    tie_break = [{"published_us": {"order": "desc"}}, {"page_id": {"order": "desc"}}]
    if query.sort == SORT_SIMILAR or (query.sort == SORT_RELEVANCE and query.q.strip()):
        return [{"_score": {"order": "desc"}}, *tie_break]
    return tie_break
