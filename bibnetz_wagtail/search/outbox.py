"""The index outbox: every page change that affects a listing document is recorded with the change itself.

The database's text rows (``text_index``) follow the same changes, at once and on every site.

A signal handler adds an ``IndexChange`` row in the same transaction as the page change; after commit the
rows are sent by ``indexing.send_pending``. Nothing here imports the Elasticsearch client, so a database
site (which keeps no outbox) can leave the optional client out.
"""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..models import IndexChange
from .documents import kind_of_model
from .engines import keeps_index
from .facets import LISTINGS
from .optional import INSTALL_HINT, elasticsearch_installed
from .relations import relation_table
from .text_index import refresh_text
from .vocabulary import vocabulary_models

logger = logging.getLogger(__name__)


def indexing_enabled():
    """Only a site that searches with Elasticsearch keeps an outbox (a database site would only grow it)."""
    return keeps_index()


# Recording changes


def enqueue(changes):
    """Rewrite the text rows of (kind, page id) pairs now; on an Elasticsearch site also record them in the
    outbox and send them once the transaction commits."""
    changes = set(changes)
    if not changes:
        return
    refresh_text(changes)
    if indexing_enabled() and enqueue_now(changes):
        transaction.on_commit(send_after_commit)


def enqueue_now(changes):
    """Record (kind, page id) pairs in the outbox, whatever the engine; return how many."""
    changes = set(changes)
    IndexChange.objects.bulk_create(IndexChange(kind=kind, page_id=page_id) for kind, page_id in changes)
    return len(changes)


def send_after_commit():
    """Send the outbox; without the client the rows wait (the system check ``E020`` says what to install)."""
    if not elasticsearch_installed():
        logger.warning(
            "The Elasticsearch client is not installed (%s); index changes wait in the outbox.", INSTALL_HINT
        )
        return
    from .indexing import send_pending_quietly

    send_pending_quietly()


def changes_for(page, with_content=True):
    """The pages whose documents depend on ``page``: itself and, for a library, its measures and calls."""
    kind = kind_of_model(page.specific_class)
    if kind is None:
        return []
    changes = [(kind, page.pk)]
    if LISTINGS[kind].is_library_listing and with_content:
        for listing in LISTINGS.values():
            if not listing.is_library_listing:
                pages = listing.model.objects.filter(**{f"{listing.library_field}_id": page.pk})
                changes += [(listing.kind, pk) for pk in pages.values_list("pk", flat=True)]
    return changes


def changes_in_subtree(page):
    """Every listed page at or below ``page`` (moves and view restrictions affect whole subtrees)."""
    changes = []
    for kind, listing in LISTINGS.items():
        pages = listing.model.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
        changes += [(kind, pk) for pk in pages]
    return changes


def pages_carrying(term):
    """Every listed page that carries vocabulary ``term`` (a topic, target group or toolkit result)."""
    changes = []
    for kind, listing in LISTINGS.items():
        for facet in listing.term_facets:
            if facet.many and facet.vocabulary is type(term):
                pages = listing.model.objects.filter(**{f"{facet.field}__pk": term.pk}).values_list("pk", flat=True)
                changes += [(kind, pk) for pk in pages]
    return changes


# Signal handlers


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    # Wagtail's draft saves pass update_fields; they change no published figure, so the library's measures
    # and calls need not follow.
    enqueue(changes_for(instance, with_content=update_fields is None))


def on_publication_changed(sender, instance, **kwargs):
    enqueue(changes_for(instance))


def on_terms_changed(kind, page_fk):
    """A handler for a page's terms: the page's document follows (clusterable pages write their relations
    after their own row, so the page's save signal saw the old ones)."""

    def on_row(sender, instance, **kwargs):
        enqueue([(kind, getattr(instance, f"{page_fk}_id"))])

    def on_m2m(sender, instance, action, reverse, pk_set, **kwargs):
        if action in ("post_add", "post_remove", "post_clear"):
            changes = [(kind, pk) for pk in pk_set or ()] if reverse else [(kind, instance.pk)]
            if reverse and action == "post_clear":
                return  # a term losing all its pages is being deleted: on_term_deleting saw them
            enqueue(changes)

    return on_row, on_m2m


def on_page_deleted(sender, instance, **kwargs):
    kind = kind_of_model(type(instance))
    if kind:
        enqueue([(kind, instance.pk)])


def on_page_moved(sender, instance, **kwargs):
    enqueue(changes_in_subtree(Page.objects.get(pk=instance.pk)))


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue(changes_in_subtree(page))


def on_term_saved(sender, instance, **kwargs):
    # Documents carry the term's slug and label: a renamed term must not leave the old ones in the index.
    enqueue(pages_carrying(instance))


def on_term_deleting(sender, instance, **kwargs):
    # The pages are found before the relation goes (also those of a term merged into another); their text
    # loses the label once the term is gone, and the outbox sends their documents after commit.
    instance._bibnetz_pages = pages_carrying(instance)


def on_term_deleted(sender, instance, **kwargs):
    enqueue(getattr(instance, "_bibnetz_pages", ()))


def connect_index_signals():
    for model in (listing.model for listing in LISTINGS.values()):
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"bibnetz_index_save_{model.__name__}")
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"bibnetz_index_delete_{model.__name__}")
    for listing in LISTINGS.values():
        connect_term_signals(listing)
    page_published.connect(on_publication_changed, dispatch_uid="bibnetz_index_published")
    page_unpublished.connect(on_publication_changed, dispatch_uid="bibnetz_index_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="bibnetz_index_moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="bibnetz_index_restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="bibnetz_index_unrestricted")
    for model in vocabulary_models():
        label = model._meta.label_lower
        post_save.connect(on_term_saved, sender=model, dispatch_uid=f"bibnetz_index_term_saved_{label}")
        pre_delete.connect(on_term_deleting, sender=model, dispatch_uid=f"bibnetz_index_term_deleting_{label}")
        post_delete.connect(on_term_deleted, sender=model, dispatch_uid=f"bibnetz_index_term_deleted_{label}")


def connect_term_signals(listing):
    for facet in listing.term_facets:
        if not facet.many:
            continue
        through, page_fk, _term_fk = relation_table(listing.model, facet.field)
        on_row, on_m2m = on_terms_changed(listing.kind, page_fk)
        uid = f"bibnetz_index_terms_{listing.kind}_{facet.key}"
        if through._meta.auto_created:
            m2m_changed.connect(on_m2m, sender=through, weak=False, dispatch_uid=uid)
        else:
            post_save.connect(on_row, sender=through, weak=False, dispatch_uid=f"{uid}_saved")
            post_delete.connect(on_row, sender=through, weak=False, dispatch_uid=f"{uid}_deleted")
