"""The Elasticsearch request of a listing, checked without a server by comparing ``to_dict()`` with literals."""

import datetime

import pytest

from bibnetz_wagtail.search.bands import parse_band
from bibnetz_wagtail.search.engines.elastic import RESULT_WINDOW, analysed_text, build_search
from bibnetz_wagtail.search.query import ListingQuery, Reference

# A search text is analysed against the corpus of the database's text rows (empty here).
pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
VOCABULARY = {"state": {"BY": "Bayern", "BW": "Baden-Württemberg"}, "library_type": {"town": "Stadt"}, "toolkit": {}}
LIVE = {"range": {"expires": {"gt": "2026-01-01T00:00:00+00:00"}}}
STATE_BY = {"terms": {"state": ["BY"]}}
SMALL_TOWNS = {"bool": {"should": [{"range": {"population": {"gte": 0.0, "lt": 5000.0}}}], "minimum_should_match": 1}}


@pytest.fixture(autouse=True)
def fixed_clock_and_bands(settings, monkeypatch):
    monkeypatch.setattr("bibnetz_wagtail.search.engines.elastic.timezone.now", lambda: NOW)
    settings.BIBNETZ = {
        **settings.BIBNETZ,
        "ELASTICSEARCH": {"INDEX_PREFIX": "site"},
        "BANDS": {"population": ["0-5000", "5000-"], "area": ["0-"], "fte": ["0-"]},
    }


def own_filter_facet(key, filters, agg):
    """A facet with an active filter of its own: counted over all documents with every other filter."""
    return {
        f"_all_{key}": {
            "global": {},
            "aggs": {f"_filter_{key}": {"filter": {"bool": {"filter": filters}}, "aggs": agg}},
        }
    }


def terms(key, size):
    return {key: {"terms": {"field": key, "size": size, "min_doc_count": 1}}}


def everything_from_zero(key):
    return {key: {"range": {"field": key, "keyed": True, "ranges": [{"key": "0-", "from": 0.0}]}}}


def population_bands():
    ranges = [{"key": "0-5000", "from": 0.0, "to": 5000.0}, {"key": "5000-", "from": 5000.0}]
    return {"population": {"range": {"field": "population", "keyed": True, "ranges": ranges}}}


def test_filters_in_the_query_and_disjunctive_counts_only_for_filtered_facets():
    query = ListingQuery(
        kind="libraries",
        terms={"state": ("BY",)},
        bands={"population": (parse_band("0-5000"),)},
        reference=Reference(population=4999, fte=1.0),
        sort="similar",
        page=2,
        per_page=10,
    )
    search = build_search(query, VOCABULARY)
    assert search._index == ["site-libraries"]
    assert search.to_dict() == {
        "query": {
            "function_score": {
                "query": {"bool": {"filter": [LIVE, STATE_BY, SMALL_TOWNS]}},
                "functions": [
                    {
                        "gauss": {
                            "ln_population": {"origin": 8.517193191416238, "scale": 0.6931471805599453, "decay": 0.5}
                        }
                    },
                    {"gauss": {"ln_fte": {"origin": 0.6931471805599453, "scale": 0.6931471805599453, "decay": 0.5}}},
                ],
                "score_mode": "avg",
                "boost_mode": "replace",
            }
        },
        "aggs": {
            **own_filter_facet("state", [LIVE, SMALL_TOWNS], terms("state", 2)),
            **terms("library_type", 1),
            **terms("toolkit", 1),
            **own_filter_facet("population", [LIVE, STATE_BY], population_bands()),
            **everything_from_zero("area"),
            **everything_from_zero("fte"),
        },
        "sort": [{"_score": {"order": "desc"}}, {"published_us": {"order": "desc"}}, {"page_id": {"order": "desc"}}],
        "track_total_hits": True,
        "_source": ["population", "area", "fte"],
        "from": 10,
        "size": 10,
    }


def test_text_and_a_filter_count_on_the_union_of_matches_and_keep_hits_by_post_filter():
    query = ListingQuery(kind="libraries", q="Ahorn", terms={"state": ("BY",)})
    search = build_search(query, VOCABULARY).to_dict()
    text = analysed_text(ListingQuery(kind="libraries", q="Ahorn")).to_dict()
    assert search["query"] == {"bool": {"must": [text], "filter": [LIVE]}}
    assert search["post_filter"] == {"bool": {"filter": [STATE_BY]}}
    assert search["aggs"]["_others_state"] == {"filter": {"bool": {}}, "aggs": terms("state", 2)}
    assert search["aggs"]["_matching"] == {
        "filter": {"bool": {"filter": [STATE_BY]}},
        "aggs": {
            **terms("library_type", 1),
            **terms("toolkit", 1),
            **population_bands(),
            **everything_from_zero("area"),
            **everything_from_zero("fte"),
        },
    }


def test_three_filters_count_on_documents_that_match_all_but_at_most_one():
    town = {"terms": {"library_type": ["town"]}}
    query = ListingQuery(
        kind="libraries",
        terms={"state": ("BY",), "library_type": ("town",)},
        bands={"population": (parse_band("0-5000"),)},
    )
    search = build_search(query, VOCABULARY).to_dict()
    all_but_one = [
        {"bool": {"filter": [town, SMALL_TOWNS]}},
        {"bool": {"filter": [STATE_BY, SMALL_TOWNS]}},
        {"bool": {"filter": [STATE_BY, town]}},
    ]
    assert search["query"] == {"bool": {"filter": [LIVE, {"bool": {"should": all_but_one, "minimum_should_match": 1}}]}}
    assert search["post_filter"] == {"bool": {"filter": [STATE_BY, town, SMALL_TOWNS]}}
    assert search["aggs"]["_others_library_type"]["filter"] == {"bool": {"filter": [STATE_BY, SMALL_TOWNS]}}
    assert set(search["aggs"]) == {"_others_state", "_others_library_type", "_others_population", "_matching"}


def test_one_or_two_filters_without_text_keep_the_global_layout():
    two = ListingQuery(kind="libraries", terms={"state": ("BY",), "library_type": ("town",)})
    assert "post_filter" not in build_search(two, VOCABULARY).to_dict()
    hits_only = ListingQuery(kind="libraries", q="Ahorn", terms={"state": ("BY",)}, facets=False)
    search = build_search(hits_only, VOCABULARY).to_dict()
    assert "post_filter" not in search and "aggs" not in search


def in_field(field, term):
    """A long term at the start of an indexed term or inside a compound (``analysis.matches``)."""
    return {
        "bool": {
            "should": [{"prefix": {field: term}}, {"wildcard": {field: {"value": f"???*{term}*"}}}],
            "minimum_should_match": 1,
        }
    }


def test_user_text_only_reaches_term_queries_as_analysed_terms():
    fields = {"title": 4, "summary": 2, "body": 1, "outcome": 1, "library_title": 1, "municipality": 1, "labels": 2}
    query = ListingQuery(kind="measures", q='Kindern "OR * field:x \\ (Lesungen')
    words = [
        {
            "bool": {
                "should": [
                    {"constant_score": {"filter": in_field(field, term), "boost": weight}}
                    for field, weight in fields.items()
                ],
                "minimum_should_match": 1,
            }
        }
        for term in ("kind", "lesung")
    ]
    # Quotes, operators, colons and backslashes are no part of any term: only words reach the query.
    found = analysed_text(query).to_dict()
    assert len(found["bool"]["must"]) == 5  # kind, or, field, x, lesung
    assert found["bool"]["must"][0] == words[0]
    assert found["bool"]["must"][-1] == words[1]
    assert analysed_text(ListingQuery(kind="measures", q='"* \\ : und')) is None


def test_newest_first_without_text_or_reference():
    search = build_search(ListingQuery(kind="libraries"), VOCABULARY).to_dict()
    assert search["query"] == {"bool": {"filter": [LIVE]}}
    assert "post_filter" not in search
    assert search["sort"] == [{"published_us": {"order": "desc"}}, {"page_id": {"order": "desc"}}]


def test_a_page_past_the_result_window_asks_for_counts_only():
    query = ListingQuery(kind="libraries", page=RESULT_WINDOW // 20 + 1)
    assert build_search(query, VOCABULARY, size=0).to_dict()["size"] == 0
