"""Indexing: the outbox written with every page change, sending it after commit, rebuilds and drift checks.

Writes never go to Elasticsearch inside a page save. A signal handler adds an ``IndexChange`` row in the
same transaction; after commit the rows are sent in bulk and deleted once the cluster accepted them. While
the cluster is unreachable, saving still works and the rows wait for ``bibnetz_sync_index``.
"""

import logging
from collections import defaultdict

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import streaming_bulk
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..conf import get_setting
from ..models import IndexChange, LibraryProfilePage, MeasurePage, TaskSharePage
from .cluster import (
    KINDS,
    alias_name,
    create_index,
    ensure_indices,
    finish_bulk_loading,
    get_client,
    point_alias,
    stray_indices,
)
from .documents import KIND_OF_MODEL, iter_documents

logger = logging.getLogger(__name__)

SEND_BATCH = 500


def indexing_enabled():
    """Only a site that searches with Elasticsearch keeps an outbox (a database site would only grow it)."""
    return get_setting("SEARCH_ENGINE") == "elasticsearch"


# Recording changes


def enqueue(changes):
    """Record (kind, page id) pairs in the outbox and send them once the transaction commits."""
    if indexing_enabled() and enqueue_now(changes):
        transaction.on_commit(send_pending_quietly)


def enqueue_now(changes):
    """Record (kind, page id) pairs in the outbox, whatever the engine; return how many."""
    changes = set(changes)
    IndexChange.objects.bulk_create(IndexChange(kind=kind, page_id=page_id) for kind, page_id in changes)
    return len(changes)


def changes_for(page, with_content=True):
    """The pages whose documents depend on ``page``: itself and, for a library, its measures and calls."""
    kind = KIND_OF_MODEL.get(page.specific_class)
    if kind is None:
        return []
    changes = [(kind, page.pk)]
    if kind == "libraries" and with_content:
        for content_kind, model in (("measures", MeasurePage), ("tasks", TaskSharePage)):
            changes += [(content_kind, pk) for pk in model.objects.filter(library_id=page.pk).values_list("pk", flat=True)]
    return changes


def changes_in_subtree(page):
    """Every listed page at or below ``page`` (moves and view restrictions affect whole subtrees)."""
    changes = []
    for kind in KINDS:
        model = {"libraries": LibraryProfilePage, "measures": MeasurePage, "tasks": TaskSharePage}[kind]
        pages = model.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
        changes += [(kind, pk) for pk in pages]
    return changes


# Signal handlers


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    # Wagtail's draft saves pass update_fields; they change no published figure, so the library's measures
    # and calls need not follow.
    enqueue(changes_for(instance, with_content=update_fields is None))


def on_publication_changed(sender, instance, **kwargs):
    enqueue(changes_for(instance))


def on_page_deleted(sender, instance, **kwargs):
    kind = KIND_OF_MODEL.get(type(instance))
    if kind:
        enqueue([(kind, instance.pk)])


def on_page_moved(sender, instance, **kwargs):
    enqueue(changes_in_subtree(Page.objects.get(pk=instance.pk)))


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue(changes_in_subtree(page))


def connect_index_signals():
    for model in (LibraryProfilePage, MeasurePage, TaskSharePage):
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"bibnetz_index_save_{model.__name__}")
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"bibnetz_index_delete_{model.__name__}")
    page_published.connect(on_publication_changed, dispatch_uid="bibnetz_index_published")
    page_unpublished.connect(on_publication_changed, dispatch_uid="bibnetz_index_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="bibnetz_index_moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="bibnetz_index_restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="bibnetz_index_unrestricted")


# Sending


def send_pending_quietly():
    """Send the outbox; on failure log a warning and keep the rows for a later attempt."""
    try:
        send_pending()
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
