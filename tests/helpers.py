"""Small helpers for listing tests."""

from bs4 import BeautifulSoup
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


#: The keys of one result in a listing's JSON answer.
RESULT_KEYS = {"id", "title", "url", "summary", "first_published_at", "library", "terms", "likeness", "highlight"}


def soup_of(client, url, **headers):
    """The parsed HTML of a page that must answer 200."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(element):
    """An element's text with its whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text(" ").split())
