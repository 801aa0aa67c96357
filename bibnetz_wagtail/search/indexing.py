"""Indexing: sending the outbox (see ``outbox.py``) to Elasticsearch, rebuilds and drift checks.

Writes never go to Elasticsearch inside a page save: the outbox rows written with the change are sent in
bulk after commit and deleted once the cluster accepted them. While the cluster is unreachable, saving still
works and the rows wait for ``bibnetz_sync_index``. Only the Elasticsearch path imports this module.
"""

import logging
from collections import defaultdict

from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import streaming_bulk

from ..models import IndexChange
from .breaker import ClusterUnavailable, guarded
from .cluster import (
    alias_name,
    counts_as_failure,
    create_index,
    ensure_indices,
    finish_bulk_loading,
    get_client,
    point_alias,
    stray_indices,
)
from .documents import iter_documents

# Recording changes lives in the outbox; these names stay importable from here.
from .outbox import changes_for, enqueue, enqueue_now, indexing_enabled  # noqa: F401

logger = logging.getLogger(__name__)

SEND_BATCH = 500


# Sending


def send_pending_quietly():
    """Send the outbox through the breaker and the request's time budget; otherwise the rows wait for later.

    This runs after a page change commits, inside the editor's request: a hung cluster costs it at most one
    timeout, and nothing at all while the breaker is open (``bibnetz_sync_index`` or a later change sends them).
    """

    def send(timeout):
        return send_pending(client=get_client().options(request_timeout=timeout, max_retries=0))

    try:
        guarded(send, counts_as_failure)
    except ClusterUnavailable as reason:
        logger.info(
            "Elasticsearch is not asked (%s); %d index changes wait in the outbox.", reason, IndexChange.objects.count()
        )
    except (TransportError, ApiError) as error:
        pending = IndexChange.objects.count()
        logger.warning("Elasticsearch is unreachable (%s); %d index changes wait in the outbox.", error, pending)


def send_pending(client=None, progress=None):
    """Send every outbox row in bulk, oldest first; return how many pages were sent."""
    client = client or get_client()
    ensure_indices(client)
    sent = 0
    while True:
        rows = list(IndexChange.objects.order_by("pk")[:SEND_BATCH])
        if not rows:
            return sent
        by_kind = defaultdict(set)
        for row in rows:
            by_kind[row.kind].add(row.page_id)
        for kind, ids in by_kind.items():
            send_pages(kind, ids, client)
        IndexChange.objects.filter(pk__in=[row.pk for row in rows]).delete()
        sent += len(rows)
        if progress:
            progress.update(len(rows))


def send_pages(kind, ids, client):
    """Index the documents of the visible pages among ``ids``; delete the documents of the others."""
    documents = list(iter_documents(kind, ids=ids))
    gone = set(ids) - {document["_id"] for document in documents}
    actions = [{"_op_type": "index", "_index": alias_name(kind), **document} for document in documents]
    actions += [{"_op_type": "delete", "_index": alias_name(kind), "_id": page_id} for page_id in gone]
    bulk(client, actions)


def bulk(client, actions, progress=None):
    """Send ``actions`` with the streaming bulk helper; a failed item raises (a missing delete is fine)."""
    for ok, item in streaming_bulk(client, actions, chunk_size=500, raise_on_error=False, max_retries=2):
        operation, result = next(iter(item.items()))
        if not ok and not (operation == "delete" and result.get("status") == 404):
            raise IndexingError(f"{operation} of document {result.get('_id')} failed: {result.get('error')}")
        if progress:
            progress.update(1)


class IndexingError(Exception):
    pass


# Rebuilding and checking


def rebuild(kind, client=None, progress=None):
    """Write every document of ``kind`` into a new index, then swap the alias to it in one step.

    Listings keep reading the old index until the swap; an interrupted rebuild leaves only an unused index
    behind, removed by the next rebuild.
    """
    client = client or get_client()
    for name in stray_indices(kind, client):
        client.options(ignore_status=404).indices.delete(index=name)
    new_index = create_index(kind, client=client, bulk_loading=True)
    actions = ({"_op_type": "index", "_index": new_index, **document} for document in iter_documents(kind))
    bulk(client, actions, progress)
    finish_bulk_loading(new_index, client)
    for name in point_alias(kind, new_index, client):
        client.options(ignore_status=404).indices.delete(index=name)
    return new_index


def indexed_fingerprints(kind, client):
    """``{page id: fingerprint}`` of every document behind the alias of ``kind``."""
    from elasticsearch.helpers import scan

    client.indices.refresh(index=alias_name(kind))  # what was sent a moment ago counts too
    hits = scan(client, index=alias_name(kind), query={"_source": ["fingerprint"]}, size=1000)
    return {int(hit["_id"]): hit["_source"].get("fingerprint") for hit in hits}


def find_drift(kind, client=None):
    """Pages whose document is missing, surplus or different from what the database says."""
    client = client or get_client()
    wanted = {document["_id"]: document["fingerprint"] for document in iter_documents(kind)}
    indexed = indexed_fingerprints(kind, client)
    return {
        "missing": sorted(set(wanted) - set(indexed)),
        "surplus": sorted(set(indexed) - set(wanted)),
        "stale": sorted(pk for pk in set(wanted) & set(indexed) if wanted[pk] != indexed[pk]),
    }
