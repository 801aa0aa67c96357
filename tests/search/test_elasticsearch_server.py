"""The Elasticsearch server for the integration tests: reachable, healthy, and able to do what the search
engine needs with server-core features only.

The server is the one at ``BIBNETZ_ELASTICSEARCH_URL`` or, without it, the one ``scripts/elasticsearch url``
names (start it with ``scripts/elasticsearch start``). That is Elastic's minimal integ-test distribution:
no painless, analysis-common, mapper-extras, reindex or parent-join, and no ``GET /`` either (so the
client's ``info()`` and ``ping()`` do not work against it; these tests use ``cluster.health()``).

Without a reachable server these tests fail when ``CI`` is set, and are skipped otherwise.
"""

import uuid

import pytest
from elasticsearch import Elasticsearch

from ..elastic import reachable_url

INDEX_PREFIX = "bibnetz-test-"


@pytest.fixture(scope="module")
def es():
    client = Elasticsearch(reachable_url(), request_timeout=30)
    yield client
    client.options(ignore_status=404).indices.delete(index=f"{INDEX_PREFIX}server-*")
    client.close()


@pytest.fixture
def index_name(es):
    """A fresh index name; whatever the test created under this prefix is deleted afterwards."""
    name = f"{INDEX_PREFIX}server-{uuid.uuid4().hex[:8]}"
    yield name
    es.options(ignore_status=404).indices.delete(index=f"{name}*")


GERMAN_ANALYSIS = {
    "filter": {"german_stop": {"type": "stop", "stopwords": "_german_"}},
    "analyzer": {
        "german_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "german_stop"],
        }
    },
}

MAPPINGS = {
    "properties": {
        "title": {"type": "text", "analyzer": "german_text"},
        "kind": {"type": "keyword"},
        "population": {"type": "integer"},
        "rating": {"type": "float"},
    }
}

DOCUMENTS = [
    {"title": "Die Stadtbibliothek am Markt", "kind": "stadt", "population": 40000, "rating": 1.0},
    {"title": "Eine Gemeindebibliothek mit Lesesaal", "kind": "gemeinde", "population": 3000, "rating": 3.0},
    {"title": "Der Bücherbus für die Dörfer", "kind": "gemeinde", "population": 800, "rating": 5.0},
]


@pytest.fixture
def library_index(es, index_name):
    es.indices.create(
        index=index_name,
        settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": GERMAN_ANALYSIS},
        mappings=MAPPINGS,
    )
    for number, document in enumerate(DOCUMENTS):
        es.index(index=index_name, id=str(number), document=document)
    es.indices.refresh(index=index_name)
    return index_name


def _ids(response):
    return [hit["_id"] for hit in response["hits"]["hits"]]


def test_cluster_is_healthy(es):
    health = es.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in ("yellow", "green"), health


def test_custom_analyzer_from_core_parts(es, library_index):
    tokens = es.indices.analyze(index=library_index, analyzer="german_text", text="Die Bibliothek und der Lesesaal")
    assert [token["token"] for token in tokens["tokens"]] == ["bibliothek", "lesesaal"]
    # Stopwords are dropped at index and at query time alike.
    assert _ids(es.search(index=library_index, query={"match": {"title": "der Lesesaal"}})) == ["1"]


def test_function_score_with_gauss_decay(es, library_index):
    response = es.search(
        index=library_index,
        query={
            "function_score": {
                "query": {"match_all": {}},
                "functions": [{"gauss": {"rating": {"origin": 5.0, "scale": 1.0}}}],
                "boost_mode": "replace",
            }
        },
    )
    assert _ids(response) == ["2", "1", "0"]
    assert response["hits"]["hits"][0]["_score"] == pytest.approx(1.0)


def test_terms_filter_filters_and_range_aggregations(es, library_index):
    response = es.search(
        index=library_index,
        size=0,
        aggs={
            "kinds": {"terms": {"field": "kind"}},
            "towns": {"filter": {"term": {"kind": "stadt"}}},
            "by_kind": {
                "filters": {
                    "filters": {"stadt": {"term": {"kind": "stadt"}}, "gemeinde": {"term": {"kind": "gemeinde"}}}
                }
            },
            "sizes": {
                "range": {
                    "field": "population",
                    "ranges": [{"key": "klein", "to": 5000}, {"key": "gross", "from": 5000}],
                }
            },
        },
    )
    aggregations = response["aggregations"]
    assert {b["key"]: b["doc_count"] for b in aggregations["kinds"]["buckets"]} == {"gemeinde": 2, "stadt": 1}
    assert aggregations["towns"]["doc_count"] == 1
    assert {k: b["doc_count"] for k, b in aggregations["by_kind"]["buckets"].items()} == {"stadt": 1, "gemeinde": 2}
    assert {b["key"]: b["doc_count"] for b in aggregations["sizes"]["buckets"]} == {"klein": 2, "gross": 1}


def test_simple_query_string(es, library_index):
    response = es.search(
        index=library_index,
        query={
            "simple_query_string": {
                "query": "gemeinde* | bücherbus -stadtbibliothek",
                "fields": ["title"],
                "default_operator": "and",
            }
        },
    )
    assert sorted(_ids(response)) == ["1", "2"]


def test_alias_swap_is_atomic(es, index_name):
    alias = index_name
    old, new = f"{index_name}-v1", f"{index_name}-v2"
    for name in (old, new):
        es.indices.create(index=name, settings={"number_of_replicas": 0})
    es.indices.update_aliases(actions=[{"add": {"index": old, "alias": alias}}])
    assert set(es.indices.get_alias(name=alias)) == {old}

    es.indices.update_aliases(
        actions=[{"remove": {"index": old, "alias": alias}}, {"add": {"index": new, "alias": alias}}]
    )
    assert set(es.indices.get_alias(name=alias)) == {new}
