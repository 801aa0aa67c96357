"""Elasticsearch documents of the three listings, and how a page becomes one.

Every field a listing filters, counts, sorts or ranks on is in the document, so that one search request
answers a listing. Only what may be public goes in: contact details never, a library's toolkit results only
when it publishes them, and only pages that pass the listing visibility rule (see ``visibility.py``).
"""

import hashlib
import json
import math
from datetime import UTC, datetime, timedelta

from django.utils.html import strip_tags
from elasticsearch.dsl import Date, Document, Double, Keyword, Long, Text

from ..models import LibraryProfilePage, MeasurePage, TaskSharePage
from .visibility import restricted_paths, visible_pages

TEXT_ANALYZER = "bibnetz_text"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ListingDocument(Document):
    """Fields every listing document has: the page, its library's figures and the library facets."""

    page_id = Long()
    title = Text(analyzer=TEXT_ANALYZER)
    # Microseconds since the epoch: Elasticsearch dates keep milliseconds only, and the total order breaks
    # ties by the exact first publication time, as the database does.
    published_us = Long()
    # The earliest expiry of the page or its library; expired documents are filtered out at query time.
    expires = Date()
    fingerprint = Keyword(index=False)
    library_id = Long()
    municipality = Text(analyzer=TEXT_ANALYZER)
    state = Keyword()
    library_type = Keyword()
    toolkit = Keyword(multi=True)
    population = Long()
    area = Long()
    fte = Double()
    ln_population = Double()
    ln_area = Double()
    ln_fte = Double()


class LibraryDocument(ListingDocument):
    postal_code = Text(analyzer=TEXT_ANALYZER)
    description = Text(analyzer=TEXT_ANALYZER)


class ContentDocument(ListingDocument):
    summary = Text(analyzer=TEXT_ANALYZER)
    body = Text(analyzer=TEXT_ANALYZER)
    library_title = Text(analyzer=TEXT_ANALYZER)
    topic = Keyword(multi=True)
    status = Keyword()


class MeasureDocument(ContentDocument):
    outcome = Text(analyzer=TEXT_ANALYZER)
    target_group = Keyword(multi=True)
    cost = Keyword()
    effort = Keyword()


class TaskDocument(ContentDocument):
    task_kind = Keyword()


DOCUMENTS = {"libraries": LibraryDocument, "measures": MeasureDocument, "tasks": TaskDocument}
MODELS = {"libraries": LibraryProfilePage, "measures": MeasurePage, "tasks": TaskSharePage}
KIND_OF_MODEL = {model: kind for kind, model in MODELS.items()}
PREFETCH = {
    "libraries": ("tagged_toolkit_results__tag",),
    "measures": ("topics", "target_groups", "tagged_toolkit_results__tag"),
    "tasks": ("topics", "tagged_toolkit_results__tag"),
}


def visible_source(kind, paths=None):
    """The pages of ``kind`` that belong in the index, with what their documents need loaded."""
    queryset = visible_pages(MODELS[kind], paths).prefetch_related(*PREFETCH[kind])
    if kind != "libraries":
        queryset = queryset.select_related("library")
    return queryset.order_by("pk")


def iter_documents(kind, ids=None, chunk_size=500):
    """Documents (as dicts with ``_id``) of the visible pages of ``kind``, streamed in bounded chunks."""
    paths = restricted_paths()
    queryset = visible_source(kind, paths)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    last_pk = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last_pk)[:chunk_size])
        if not chunk:
            return
        for page in chunk:
            yield build_document(kind, page)
        last_pk = chunk[-1].pk


def build_document(kind, page):
    """The document of one page as a plain dict, ``_id`` included."""
    library = page if kind == "libraries" else page.library
    body = {**_page_fields(page, library), **_library_fields(library)}
    body.update(_BUILDERS[kind](page))
    body["fingerprint"] = fingerprint(body)
    return {"_id": page.pk, **body}


def fingerprint(body):
    """A short hash of a document's content: what ``bibnetz_sync_index --check`` compares."""
    content = {key: value for key, value in body.items() if key != "fingerprint"}
    return hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _page_fields(page, library):
    expiries = [value for value in (page.expire_at, library.expire_at) if value is not None]
    published = page.first_published_at
    return {
        "page_id": page.pk,
        "title": page.title,
        "published_us": _epoch_microseconds(published) if published else 0,
        "expires": min(expiries).isoformat() if expiries else None,
    }


def _epoch_microseconds(moment):
    return (moment - EPOCH) // timedelta(microseconds=1)


def _library_fields(library):
    population, area, fte = library.population, library.floor_area_m2, float(library.staff_fte)
    return {
        "library_id": library.pk,
        "municipality": library.municipality,
        "state": library.state,
        "library_type": library.library_type,
        "population": population,
        "area": area,
        "fte": fte,
        "ln_population": math.log1p(population),
        "ln_area": math.log1p(area),
        "ln_fte": math.log1p(fte),
    }


def _slugs(manager):
    return sorted(term.slug for term in manager.all())


def _toolkit(page):
    return sorted(item.tag.slug for item in page.tagged_toolkit_results.all())


def _library_document(page):
    return {
        "postal_code": page.postal_code,
        "description": strip_tags(page.description or ""),
        "toolkit": _toolkit(page) if page.toolkit_results_public else [],
    }


def _content_fields(page):
    return {
        "summary": page.summary,
        "body": page.body_text,
        "library_title": page.library.title,
        "topic": _slugs(page.topics),
        "toolkit": _toolkit(page),
        "status": page.status,
    }


def _measure_document(page):
    return {
        **_content_fields(page),
        "outcome": page.outcome,
        "target_group": _slugs(page.target_groups),
        "cost": page.cost,
        "effort": page.effort,
    }


def _task_document(page):
    return {**_content_fields(page), "task_kind": page.task_kind}


_BUILDERS = {"libraries": _library_document, "measures": _measure_document, "tasks": _task_document}
