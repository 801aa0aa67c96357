"""When a search text finds nothing: the words it may have meant („Meinten Sie …?“) and the pages that
match some of its words. Both are asked from the engine, so they are the same on every engine."""

import re
from dataclasses import dataclass, replace

from ..models import ListingText
from .analysis import WORD, query_words, term
from .facets import LISTINGS
from .query import SORT_RELEVANCE
from .text_index import corpus, is_known, neighbours
from .visibility import visible_pages
from .vocabulary import load_vocabulary

#: Most corrections offered, and most candidate words counted (one search each) to find them.
MAX_CORRECTIONS = 3
MAX_CANDIDATES = 6
#: Edits a suggested word may be away from the typed one: one for short words, two from five letters on.
LONG_WORD = 5
#: Pages shown when no page has every word of the text.
PARTIAL_SIZE = 10
#: Pages whose text is read to find how a suggested term is written.
SPELLING_SAMPLE = 5


@dataclass(frozen=True)
class Correction:
    """The search text with one word replaced by a word of the pages, and how many results that gives."""

    q: str
    word: str
    count: int


def corrections(engine, query):
    """Up to ``MAX_CORRECTIONS`` corrections of words no page contains, most results first."""
    candidates = []
    for typed, found in query_words(query.q):
        if is_known(query.kind, found):
            continue
        distance = 2 if len(typed) >= LONG_WORD else 1
        nearest = neighbours(found, corpus(query.kind), distance=distance, limit=MAX_CANDIDATES)
        candidates += [(typed, near) for near in nearest]
    found_corrections = []
    for typed, near in candidates[:MAX_CANDIDATES]:
        word = written_form(query.kind, near)
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", word, query.q, count=1)
        count = count_of(engine, replace(query, q=text))
        if count:
            found_corrections.append(Correction(text, word, count))
    return sorted(found_corrections, key=lambda correction: -correction.count)[:MAX_CORRECTIONS]


def partial_matches(engine, query):
    """The pages matching most words of a text of several words, best first (a ``ListingResult`` whose
    ``count`` is how many match at least one word), or None for a text of one word."""
    if len(query_words(query.q)) < 2:
        return None
    return engine.search(
        replace(query, any_word=True, sort=SORT_RELEVANCE, page=1, per_page=PARTIAL_SIZE, facets=False)
    )


def count_of(engine, query):
    return engine.search(replace(query, page=1, per_page=1, facets=False, any_word=False)).count


def written_form(kind, wanted):
    """A word of the visible pages (or of a term label) whose term is ``wanted``, as it is written there."""
    listing = LISTINGS[kind]
    labels = [label for values in load_vocabulary(kind).values() for label in values.values()]
    page_ids = (
        ListingText.objects.filter(kind=kind, terms__contains=f" {wanted} ")
        .values_list("page_id", flat=True)
        .distinct()[:SPELLING_SAMPLE]
    )
    paths = [field.path for field in listing.text_fields]
    rows = visible_pages(listing.model).filter(pk__in=list(page_ids)).values_list(*paths)
    for text in [*labels, *(str(value or "") for row in rows for value in row)]:
        for word in WORD.findall(text):
            if term(word) == wanted:
                return word
    return wanted
