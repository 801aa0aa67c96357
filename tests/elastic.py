"""The real Elasticsearch server of the integration tests, and an engine that indexes before it answers."""

import itertools
import os
import subprocess
from pathlib import Path

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions

from bibnetz_wagtail.search.cluster import KINDS, alias_name, ensure_indices, get_client
from bibnetz_wagtail.search.engines.elastic import ElasticsearchEngine
from bibnetz_wagtail.search.indexing import send_pending
from bibnetz_wagtail.search.outbox import changes_for, enqueue
from bibnetz_wagtail.search.vocabulary import load_vocabulary

from .services import missing_service

REPO_ROOT = Path(__file__).resolve().parent.parent
_prefixes = itertools.count(1)


def server_url():
    """The URL to test against and where it came from, or (None, why not)."""
    url = os.environ.get("BIBNETZ_ELASTICSEARCH_URL", "").strip()
    if url:
        return url, "BIBNETZ_ELASTICSEARCH_URL"
    script = REPO_ROOT / "scripts" / "elasticsearch"
    try:
        result = subprocess.run([str(script), "url"], capture_output=True, text=True, timeout=30, check=False)
    except OSError as error:
        return None, f"could not run {script}: {error}"
    if result.returncode != 0 or not result.stdout.strip():
        return None, "BIBNETZ_ELASTICSEARCH_URL is not set and `scripts/elasticsearch url` names no running server"
    return result.stdout.strip().splitlines()[-1], "scripts/elasticsearch url"


def unavailable(message):
    """No server: a failure in CI and under the test command, a skip elsewhere."""
    message += " (start one with `scripts/elasticsearch start`, or set BIBNETZ_ELASTICSEARCH_URL)"
    missing_service("Elasticsearch server", message)


def reachable_url():
    url, source = server_url()
    if url is None:
        unavailable(source)
    try:
        Elasticsearch(url, request_timeout=10).cluster.health(timeout="5s")
    except (es_exceptions.ConnectionError, es_exceptions.ConnectionTimeout, es_exceptions.ApiError) as error:
        unavailable(f"{url} (from {source}) does not answer: {error}")
    return url


#: The engines every listing test runs on (the parity suite).
ENGINES = ["database", "elasticsearch"]
#: The setting that makes the site search with ``IndexingEngine``.
INDEXING_ENGINE = "tests.elastic.IndexingEngine"


def elastic_settings(settings, url):
    """Point the package at ``url`` with a prefix of its own for this test; return the prefix."""
    prefix = f"bibnetz-test-{os.getpid()}-{next(_prefixes)}"
    settings.BIBNETZ = {
        **settings.BIBNETZ,
        "SEARCH_ENGINE": "elasticsearch",
        "ELASTICSEARCH": {
            "HOSTS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0},
        },
    }
    return prefix


def delete_indices(url, prefix):
    """Delete a test's indices (through ``url``: the test may have pointed the package elsewhere)."""
    Elasticsearch(url).options(ignore_status=404).indices.delete(index=f"{prefix}-*")


def enqueue_pages(pages):
    """Record pages in the outbox as their saves do (only while the configured engine keeps an index)."""
    for page in pages:
        enqueue(changes_for(page))


def refresh():
    get_client().indices.refresh(index=",".join(alias_name(kind) for kind in KINDS))


class IndexEngine(ElasticsearchEngine):
    """Answers from the index as it stands, and never falls back: errors must show in tests."""

    def search(self, query, vocabulary=None):
        return self.search_index(query, vocabulary if vocabulary is not None else load_vocabulary(query.kind))


class IndexingEngine(IndexEngine):
    """Sends the outbox and refreshes before each search, and never falls back: errors must show in tests."""

    def search(self, query, vocabulary=None):
        send_outbox()
        return super().search(query, vocabulary)


def send_outbox():
    """Make every change recorded so far searchable."""
    ensure_indices()
    send_pending()
    refresh()
