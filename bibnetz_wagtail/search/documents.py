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

from django.conf import settings
from django.utils import translation

from .facets import LISTINGS, listing_of_model
from .relations import related_terms
from .text import document_text
from .visibility import restricted_paths, visible_pages
from .vocabulary import load_vocabulary

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The expiry of pages that do not expire.
NEVER = datetime(9999, 12, 31, tzinfo=UTC)

#: The listings, each with an index of its own.
KINDS = tuple(LISTINGS)

# Documents are built from plain rows (``values()``) and one query per relation and chunk: building them
# from page objects costs most of a rebuild's time.
PAGE_VALUES = ("pk", "title", "first_published_at", "expire_at")
LIBRARY_VALUES = ("pk", "title", "expire_at", "population", "floor_area_m2", "staff_fte")


def model_of(kind):
    return LISTINGS[kind].model


def kind_of_model(model):
    """The listing kind whose pages are of ``model``, or None."""
    spec = listing_of_model(model)
    return spec.kind if spec is not None else None


def visible_source(kind, paths=None):
    """The pages of ``kind`` that belong in the index, in id order."""
    return visible_pages(model_of(kind), paths).order_by("pk")


def iter_documents(kind, ids=None, chunk_size=500):
    """Documents (as dicts with ``_id``) of the visible pages of ``kind``, streamed in bounded chunks."""
    queryset = visible_source(kind, restricted_paths()).values(*source_fields(kind))
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    # Term labels are searched in the site's language, whoever triggers the indexing.
    with translation.override(settings.LANGUAGE_CODE):
        vocabulary = load_vocabulary(kind)
    last_pk = 0
    while True:
        rows = list(queryset.filter(pk__gt=last_pk)[:chunk_size])
        if not rows:
            return
        related = related_terms(kind, [row["pk"] for row in rows])
        for row in rows:
            relations = {key: terms.get(row["pk"], []) for key, terms in related.items()}
            yield build_document(kind, row, relations, vocabulary)
        last_pk = rows[-1]["pk"]


def library_values(listing):
    """The library's fields a document needs: its figures, and the fields of library facets and rules."""
    facets = [facet.field for facet in listing.term_facets if facet.on_library]
    rules = [facet.public_if for facet in listing.term_facets if facet.public_if]
    return tuple(dict.fromkeys((*LIBRARY_VALUES, *facets, *rules)))


def own_values(listing):
    """The listed page's own fields a document needs: its text and its one-valued facets."""
    text = [field.path for field in listing.text_fields if not field.on_library]
    facets = [facet.field for facet in listing.term_facets if not facet.many and not facet.on_library]
    return tuple(dict.fromkeys((*PAGE_VALUES, *text, *facets)))


def source_fields(kind):
    listing = LISTINGS[kind]
    if listing.is_library_listing:
        return tuple(dict.fromkeys((*own_values(listing), *library_values(listing))))
    prefix = listing.library_prefix
    library_text = [field.path for field in listing.text_fields if field.on_library]
    return tuple(
        dict.fromkeys((*own_values(listing), *(prefix + name for name in library_values(listing)), *library_text))
    )


def build_document(kind, row, related, vocabulary):
    """The document of one page (a ``values()`` row of ``source_fields``) as a plain dict, ``_id`` included.

    Its text fields hold analysed terms (``text.document_text``); ``vocabulary`` labels its terms."""
    listing = LISTINGS[kind]
    prefix = listing.library_prefix
    library = {name: row[prefix + name] for name in library_values(listing)}
    term_values = _term_fields(listing, row, library, related)
    body = {
        **_page_fields(row, library),
        **_library_fields(library),
        **document_text(listing, row, term_values, vocabulary),
        **term_values,
    }
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
        "published_us": _epoch_microseconds(published) if published else 0,
        "expires": min(expiries, default=NEVER).isoformat(),
    }


def _epoch_microseconds(moment):
    return (moment - EPOCH) // timedelta(microseconds=1)


def _library_fields(library):
    population, area, fte = library["population"], library["floor_area_m2"], float(library["staff_fte"])
    return {
        "library_id": library["pk"],
        "population": population,
        "area": area,
        "fte": fte,
        "ln_population": math.log1p(population),
        "ln_area": math.log1p(area),
        "ln_fte": math.log1p(fte),
    }


def _term_fields(listing, row, library, related):
    """Every term facet's values; a facet whose library keeps its values private gets none."""
    terms = {}
    for facet in listing.term_facets:
        if facet.public_if and not library[facet.public_if]:
            terms[facet.key] = [] if facet.many else None
        elif facet.many:
            terms[facet.key] = related[facet.key]
        elif facet.on_library:
            terms[facet.key] = library[facet.field]
        else:
            terms[facet.key] = row[facet.field]
    return terms
