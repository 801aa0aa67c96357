"""Full-text search as every engine reads it: the analysed text of a page and the terms of a query.

What a listing searches is its spec's text fields plus the labels of every public term a page carries (topic,
target group, status, federal state, …) in one more field, ``labels``. Each field is stored as terms (see
``analysis``): in ``ListingText`` rows for the database engine and in the index documents for Elasticsearch.
"""

from dataclasses import dataclass

from ..models.content import html_text
from .analysis import as_stored, query_terms, terms
from .facets import LISTINGS

#: The field with the labels of the terms a page carries, and the weight of a match in it.
LABELS_FIELD = "labels"
LABEL_WEIGHT = 2


def text_weights(listing):
    """{field: weight} of every text field of the listing, the labels field included."""
    weights = {field.document_field: field.weight for field in listing.text_fields}
    weights[LABELS_FIELD] = LABEL_WEIGHT
    return weights


def document_text(listing, row, term_values, vocabulary):
    """{field: stored terms} of one page: every text field of ``row`` and the labels of ``term_values``.

    ``term_values`` holds only what is public (facet key -> code, or list of slugs); ``vocabulary`` is
    ``load_vocabulary`` of the listing, in the site's language.
    """
    text = {}
    for field in listing.text_fields:
        value = row[field.path] or ""
        text[field.document_field] = as_stored(terms(html_text(value) if field.html else str(value)))
    text[LABELS_FIELD] = as_stored(terms(" ".join(term_labels(listing, term_values, vocabulary))))
    return text


def term_labels(listing, term_values, vocabulary):
    labels = []
    for facet in listing.term_facets:
        if not facet.searchable:
            continue
        values = term_values.get(facet.key)
        codes = values if facet.many else [values] if values else []
        labels += [vocabulary[facet.key].get(code, "") for code in codes]
    return labels


@dataclass(frozen=True)
class TextQuery:
    """A search text as terms: ``groups`` holds one tuple of alternatives per word, and a page matches a
    word when one of its alternatives matches (a misspelt word's alternatives are the words it may mean)."""

    groups: tuple = ()

    def __bool__(self):
        return bool(self.groups)

    @classmethod
    def exact(cls, text):
        return cls(tuple((found,) for found in query_terms(text)))


def listing_fields(kind):
    return text_weights(LISTINGS[kind])
