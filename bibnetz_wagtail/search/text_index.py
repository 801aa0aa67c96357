"""The database's text index (``ListingText`` rows) and the corpus of terms both engines correct typos with.

The rows follow every change a listing document follows (``outbox.enqueue`` calls ``refresh_text`` in the
transaction of the change), whatever the engine: the database engine searches them, and an Elasticsearch
site answers from them while its cluster is away.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Lookup
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from ..conf import get_setting
from ..models import ListingText
from .analysis import INFIX_MIN, MODIFIER_MIN, fold, query_words
from .documents import iter_documents, model_of
from .facets import LISTINGS
from .text import TextQuery, text_weights
from .visibility import visible_pages

#: Words this long or longer still find what they mean with one typo (transposition included).
TYPO_MIN_LETTERS = 5
WRITE_BATCH = 1000


class CompoundMatch(Lookup):
    """``terms__compound=term``: one of the blank-framed terms is matched by ``term`` (``analysis.matches``).

    The term is preceded by a blank (it starts a term) or by ``MODIFIER_MIN`` other letters (it continues a
    compound); a short term must also end one. SQLite writes that as LIKE and GLOB patterns, other databases
    as a regular expression.
    """

    lookup_name = "compound"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        term = self.rhs
        end = "" if len(term) >= INFIX_MIN else " "
        if connection.vendor == "sqlite":
            after_blank = f"% {escape_like(term)}{end}%"
            in_compound = f"*{'[^ ]' * MODIFIER_MIN}{term}{end}*"
            sql = f"({lhs} LIKE %s ESCAPE '\\' OR {lhs} GLOB %s)"
            return sql, [*lhs_params, after_blank, *lhs_params, in_compound]
        pattern = f"( |[^ ]{{{MODIFIER_MIN}}}){term}{end}"
        return connection.ops.regex_lookup("regex") % (lhs, "%s"), [*lhs_params, pattern]


ListingText._meta.get_field("terms").register_lookup(CompoundMatch)


def escape_like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_rows(kind, document):
    weights = text_weights(LISTINGS[kind])
    return [
        ListingText(page_id=document["_id"], kind=kind, field=field, weight=weight, terms=document[field])
        for field, weight in weights.items()
        if document[field]
    ]


def refresh_text(changes):
    """Rewrite the text rows of (kind, page id) pairs from the pages' current state."""
    by_kind = defaultdict(set)
    for kind, page_id in changes:
        by_kind[kind].add(page_id)
    with transaction.atomic():
        for kind, ids in by_kind.items():
            ListingText.objects.filter(page_id__in=ids).delete()
            rows = [row for document in iter_documents(kind, ids=ids) for row in text_rows(kind, document)]
            ListingText.objects.bulk_create(rows, batch_size=WRITE_BATCH)


def rebuild_text(kind, progress=None):
    """Rewrite every text row of ``kind``; ``progress`` (a tqdm bar) advances per page."""
    with transaction.atomic():
        ListingText.objects.filter(kind=kind).delete()
        batch = []
        for document in iter_documents(kind):
            batch += text_rows(kind, document)
            if progress:
                progress.update(1)
            if len(batch) >= WRITE_BATCH:
                ListingText.objects.bulk_create(batch)
                batch = []
        ListingText.objects.bulk_create(batch)
    forget_corpus([kind])


# The corpus: the terms of every visible page of a listing
#
# Only a word that no page contains needs the corpus (for the words one edit away). Reading it costs seconds
# at 100,000 pages, so it stays in the process's memory for ``CORPUS_CACHE_SECONDS`` behind a stamp in
# Django's cache (a rebuild deletes the stamp). Page changes do not: a word that came or went meanwhile only
# changes which corrections are tried, and a correction is offered only with the results it finds.

_corpora = {}


def stamp_key(kind):
    return f"bibnetz:corpus:{kind}"


def forget_corpus(kinds):
    cache.delete_many([stamp_key(kind) for kind in kinds])


@dataclass(frozen=True)
class Corpus:
    terms: tuple
    known: frozenset

    def __iter__(self):
        return iter(self.terms)

    def __contains__(self, term):
        return term in self.known


def corpus(kind):
    """The distinct terms of the visible pages of ``kind`` (only what listings show: nothing private)."""
    seconds = get_setting("CORPUS_CACHE_SECONDS")
    stamp = cache.get(stamp_key(kind)) if seconds else None
    if stamp is None:
        stamp = uuid.uuid4().hex
        if seconds:
            cache.set(stamp_key(kind), stamp, seconds)
    remembered = _corpora.get(kind)
    if remembered is not None and remembered[0] == stamp:
        return remembered[1]
    visible = visible_pages(model_of(kind)).values("pk")
    rows = ListingText.objects.filter(kind=kind, page__in=visible).values_list("terms", flat=True)
    terms = sorted(set().union(*(stored.split() for stored in rows.iterator())))
    found = Corpus(tuple(terms), frozenset(terms))
    _corpora[kind] = (stamp, found)
    return found


def is_known(kind, query_term):
    """Whether a page of ``kind`` contains a term that ``query_term`` matches (the rows hold visible pages)."""
    return ListingText.objects.filter(kind=kind, terms__compound=query_term).exists()


def neighbours(query_term, terms, distance=1, limit=None):
    """Corpus terms within ``distance`` edits of ``query_term`` (a transposition is one edit), nearest first."""
    found = extract(query_term, tuple(terms), scorer=OSA.distance, score_cutoff=distance, limit=limit)
    return [term for term, _distance, _index in sorted(found, key=lambda item: (item[1], item[0]))]


def text_query(kind, text):
    """The ``TextQuery`` of a search text: a misspelt word of ``TYPO_MIN_LETTERS`` letters or more that no
    page contains stands for the corpus terms one edit away (none: it stays as typed and finds nothing)."""
    groups = []
    for word, term in query_words(text):
        if len(fold(word)) >= TYPO_MIN_LETTERS and not is_known(kind, term):
            groups.append(tuple(neighbours(term, corpus(kind))) or (term,))
        else:
            groups.append((term,))
    return TextQuery(tuple(groups))


def fill_missing_text(**kwargs):
    """After ``migrate``: write the rows of every listing that has visible pages but no rows yet (a site that
    ran an older version of the package, or pages written around the save signals)."""
    for kind in LISTINGS:
        if not ListingText.objects.filter(kind=kind).exists() and visible_pages(model_of(kind)).exists():
            rebuild_text(kind)
