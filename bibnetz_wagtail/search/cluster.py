"""The Elasticsearch cluster as the package sees it: client, index names, mappings, alias swaps."""

import functools
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import Index

from ..conf import get_setting
from .documents import KINDS  # noqa: F401  (part of this module's interface)
from .mappings import document_class


def es_settings():
    return get_setting("ELASTICSEARCH")


def get_client():
    """The client for the configured hosts: short timeouts, one retry (a slow cluster must not stall pages)."""
    config = es_settings()
    return _client(tuple(config["HOSTS"]), float(config["TIMEOUT"]))


@functools.lru_cache(maxsize=8)
def _client(hosts, timeout):
    return Elasticsearch(list(hosts), request_timeout=timeout, max_retries=1, retry_on_timeout=True)


def counts_as_failure(error):
    """Whether ``error`` says the cluster is away or broken (not merely that it refused one request)."""
    if isinstance(error, TransportError):
        return True
    return isinstance(error, ApiError) and (error.meta.status >= 500 if error.meta else True)


def alias_name(kind):
    """The alias that listings read: ``<INDEX_PREFIX>-<kind>``."""
    return f"{es_settings()['INDEX_PREFIX']}-{kind}"


def new_index_name(kind):
    """A fresh concrete index name behind the alias, e.g. ``bibnetz-measures-20261126t101500123456``."""
    return f"{alias_name(kind)}-{datetime.now(UTC).strftime('%Y%m%dt%H%M%S%f')}"


def create_index(kind, name=None, client=None, bulk_loading=False):
    """Create a concrete index for ``kind`` with its mapping; return its name.

    ``bulk_loading`` switches periodic refreshes off until ``finish_bulk_loading``: nobody reads an index
    that is being rebuilt, and refreshing it every second would only slow the rebuild down.
    """
    name = name or new_index_name(kind)
    index = Index(name, using=client or get_client())
    index.settings(**es_settings().get("INDEX_SETTINGS", {}))
    if bulk_loading:
        index.settings(refresh_interval="-1")
    index.document(document_class(kind))
    index.create()
    return name


#: Merging a freshly built index takes seconds, far longer than the short timeout that keeps pages responsive.
MERGE_TIMEOUT = 600


def finish_bulk_loading(name, client=None):
    """Give a bulk-loaded index its configured refresh interval back, merge it and make everything searchable.

    The new index is merged into one segment per shard before listings read it: a rebuild leaves many small
    segments, and merging them in the background would slow the first minutes of listings down. Our indices are
    small (well below the sizes where a single big segment stops being merged with later writes).
    """
    client = client or get_client()
    interval = es_settings().get("INDEX_SETTINGS", {}).get("refresh_interval")
    client.indices.put_settings(index=name, settings={"index": {"refresh_interval": interval}})
    client.indices.refresh(index=name)
    client.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)
    client.indices.refresh(index=name)
    warm_text_fields(name, client)


def warm_text_fields(name, client):
    """Search every text field of a new index once, before listings read it.

    The first text search of a freshly merged index walks the text fields' term dictionaries from disk and
    took seconds on 100,000 measures (then milliseconds): long enough to time out the first listings and open
    the circuit breaker right after a rebuild.
    """
    mapping = client.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    fields = [field for field, spec in mapping.items() if spec.get("type") == "text"]
    query = {"bool": {"should": [{"wildcard": {field: {"value": "???*e*"}}} for field in fields]}}
    client.options(request_timeout=MERGE_TIMEOUT).search(index=name, query=query, size=0, track_total_hits=True)


def indices_behind(kind, client=None):
    """Names of the concrete indices the alias of ``kind`` points to (none when it does not exist)."""
    client = client or get_client()
    response = client.options(ignore_status=404).indices.get_alias(name=alias_name(kind))
    return sorted(name for name in (response.body or {}) if name.startswith(alias_name(kind)))


def point_alias(kind, new_index, client=None):
    """Move the alias of ``kind`` to ``new_index`` in one atomic step and delete what it pointed to."""
    client = client or get_client()
    old = indices_behind(kind, client)
    actions = [{"remove": {"index": name, "alias": alias_name(kind)}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias_name(kind)}})
    client.indices.update_aliases(actions=actions)
    return old


def stray_indices(kind, client=None):
    """Concrete indices of ``kind`` that no alias points to: left behind by an interrupted rebuild."""
    client = client or get_client()
    response = client.options(ignore_status=404).indices.get(index=f"{alias_name(kind)}-*")
    live = set(indices_behind(kind, client))
    return sorted(name for name in (response.body or {}) if name not in live)


def ensure_indices(client=None):
    """Create an empty index behind every alias that does not exist yet."""
    client = client or get_client()
    for kind in KINDS:
        if not indices_behind(kind, client):
            point_alias(kind, create_index(kind, client=client), client)
