"""Small helpers for listing tests."""

from django.http import QueryDict

from bibnetz_wagtail.search.params import parse_listing_query
from bibnetz_wagtail.search.vocabulary import load_vocabulary


def run(engine, kind, querystring="", refresh=None):
    """Parse ``querystring`` as a visitor's request and let ``engine`` answer it."""
    if refresh:
        refresh()
    query = parse_listing_query(kind, QueryDict(querystring), load_vocabulary(kind))
    return engine.search(query)


def counts(result, key):
    return {value.value: value.count for value in result.facets[key]}


def ids(result):
    return [hit.id for hit in result.hits]
