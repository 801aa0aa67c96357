"""How a page becomes the search document of its listing (plain dicts; the mappings are in ``mappings.py``).

Nothing here needs the Elasticsearch client: the listings of a database site read the term relations from here
too. Every field a listing filters, counts, sorts or ranks on is in the document, so that one search request
answers a listing. Only what may be public goes in: contact details never, a library's toolkit results only
when it publishes them, and only pages that pass the listing visibility rule (see ``visibility.py``).
"""

import hashlib
import json
import math
from datetime import UTC, datetime, timedelta

from django.utils.html import strip_tags

from ..models import LibraryProfilePage, MeasurePage, TaskSharePage
from .visibility import restricted_paths, visible_pages

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The expiry of pages that do not expire.
NEVER = datetime(9999, 12, 31, tzinfo=UTC)

MODELS = {"libraries": LibraryProfilePage, "measures": MeasurePage, "tasks": TaskSharePage}
KIND_OF_MODEL = {model: kind for kind, model in MODELS.items()}
#: The three listings, each with an index of its own.
KINDS = tuple(MODELS)

# Documents are built from plain rows (``values()``) and one query per relation and chunk: building them
# from page objects costs most of a rebuild's time.
PAGE_VALUES = ("pk", "title", "first_published_at", "expire_at")
LIBRARY_VALUES = ("pk", "title", "expire_at", "municipality", "state", "library_type", "population",
                  "floor_area_m2", "staff_fte")
OWN_VALUES = {
    "libraries": ("postal_code", "description", "toolkit_results_public"),
    "measures": ("summary", "body_text", "status", "outcome", "cost", "effort", "library__toolkit_results_public"),
    "tasks": ("summary", "body_text", "status", "task_kind", "library__toolkit_results_public"),
}
#: Many-to-many relations to vocabulary terms: document field -> model field.
TERM_RELATIONS = {
    "libraries": {},
    "measures": {"topic": "topics", "target_group": "target_groups"},
    "tasks": {"topic": "topics"},
}


def visible_source(kind, paths=None):
    """The pages of ``kind`` that belong in the index, in id order."""
    return visible_pages(MODELS[kind], paths).order_by("pk")


def iter_documents(kind, ids=None, chunk_size=500):
    """Documents (as dicts with ``_id``) of the visible pages of ``kind``, streamed in bounded chunks."""
    queryset = visible_source(kind, restricted_paths()).values(*source_fields(kind))
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    last_pk = 0
    while True:
        rows = list(queryset.filter(pk__gt=last_pk)[:chunk_size])
        if not rows:
            return
        related = related_terms(kind, [row["pk"] for row in rows])
        for row in rows:
            yield build_document(kind, row, {key: terms.get(row["pk"], []) for key, terms in related.items()})
        last_pk = rows[-1]["pk"]


def source_fields(kind):
    if kind == "libraries":
        return tuple(dict.fromkeys((*PAGE_VALUES, *LIBRARY_VALUES, *OWN_VALUES[kind])))
    return (*PAGE_VALUES, *OWN_VALUES[kind], *(f"library__{name}" for name in LIBRARY_VALUES))


def related_terms(kind, ids):
    """``{document field: {page id: sorted slugs}}`` for the term relations and toolkit results of ``ids``."""
    model = MODELS[kind]
    related = {}
    for key, name in TERM_RELATIONS[kind].items():
        field = model._meta.get_field(name)
        page_id = f"{field.m2m_field_name()}_id"
        rows = field.remote_field.through.objects.filter(**{f"{page_id}__in": ids})
        related[key] = group_slugs(rows.values_list(page_id, f"{field.m2m_reverse_field_name()}__slug"))
    tagged = model._meta.get_field("toolkit_results").through.objects.filter(content_object_id__in=ids)
    related["toolkit"] = group_slugs(tagged.values_list("content_object_id", "tag__slug"))
    return related


def group_slugs(pairs):
    grouped = {}
    for page_id, slug in pairs:
        grouped.setdefault(page_id, []).append(slug)
    return {page_id: sorted(slugs) for page_id, slugs in grouped.items()}


def build_document(kind, row, related):
    """The document of one page (a ``values()`` row of ``source_fields``) as a plain dict, ``_id`` included."""
    library = row if kind == "libraries" else {name: row[f"library__{name}"] for name in LIBRARY_VALUES}
    body = {**_page_fields(row, library), **_library_fields(library), **_BUILDERS[kind](row, related)}
    body["fingerprint"] = fingerprint(body)
    return {"_id": row["pk"], **body}


def fingerprint(body):
    """A short hash of a document's content: what ``bibnetz_sync_index --check`` compares."""
    content = {key: value for key, value in body.items() if key != "fingerprint"}
    return hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _page_fields(row, library):
    expiries = [value for value in (row["expire_at"], library["expire_at"]) if value is not None]
    published = row["first_published_at"]
    return {
        "page_id": row["pk"],
        "title": row["title"],
        "published_us": _epoch_microseconds(published) if published else 0,
        "expires": min(expiries, default=NEVER).isoformat(),
    }


def _epoch_microseconds(moment):
    return (moment - EPOCH) // timedelta(microseconds=1)


def _library_fields(library):
    population, area, fte = library["population"], library["floor_area_m2"], float(library["staff_fte"])
    return {
        "library_id": library["pk"],
        "municipality": library["municipality"],
        "state": library["state"],
        "library_type": library["library_type"],
        "population": population,
        "area": area,
        "fte": fte,
        "ln_population": math.log1p(population),
        "ln_area": math.log1p(area),
        "ln_fte": math.log1p(fte),
    }


def _library_document(row, related):
    return {
        "postal_code": row["postal_code"],
        "description": strip_tags(row["description"] or ""),
        "toolkit": related["toolkit"] if row["toolkit_results_public"] else [],
    }


def _content_fields(row, related):
    return {
        "summary": row["summary"],
        "body": row["body_text"],
        "library_title": row["library__title"],
        "topic": related["topic"],
        # A measure's toolkit results are its library's: private while the library keeps its own private.
        "toolkit": related["toolkit"] if row["library__toolkit_results_public"] else [],
        "status": row["status"],
    }


def _measure_document(row, related):
    return {
        **_content_fields(row, related),
        "outcome": row["outcome"],
        "target_group": related["target_group"],
        "cost": row["cost"],
        "effort": row["effort"],
    }


def _task_document(row, related):
    return {**_content_fields(row, related), "task_kind": row["task_kind"]}


_BUILDERS = {"libraries": _library_document, "measures": _measure_document, "tasks": _task_document}
