"""Elasticsearch mappings of the listing documents (elasticsearch-dsl ``Document`` classes), from the specs.

Every document has the page, its library's figures and their logarithms (for the likeness ranking); the rest
comes from the listing's spec: each text field (and the labels of its terms) as ``Text``, each term facet as
``Keyword``. Text arrives analysed (``analysis.terms``, blank-separated), so Lucene's built-in ``whitespace``
analyzer only splits it: every server has it, and both engines search the same terms. Only the Elasticsearch
path imports this module: the client is an optional extra of the package.
"""

from elasticsearch.dsl import Date, Document, Double, Keyword, Long, Text

from .facets import LISTINGS
from .text import text_weights

TEXT_ANALYZER = "whitespace"


class ListingDocument(Document):
    """Fields every listing document has: the page and its library's figures."""

    page_id = Long()
    # Microseconds since the epoch: Elasticsearch dates keep milliseconds only, and the total order breaks
    # ties by the exact first publication time, as the database does.
    published_us = Long()
    # The earliest expiry of the page or its library, NEVER when neither expires; expired documents are
    # filtered out at query time, with a single range clause.
    expires = Date()
    fingerprint = Keyword(index=False)
    library_id = Long()
    population = Long()
    area = Long()
    fte = Double()
    ln_population = Double()
    ln_area = Double()
    ln_fte = Double()


def document_class(kind):
    """The ``Document`` class of one listing, built from its spec at the moment an index is created."""
    listing = LISTINGS[kind]
    # Relevance is the sum of field weights (constant scores), so neither term frequencies, positions nor
    # length norms are needed.
    fields = {name: Text(analyzer=TEXT_ANALYZER, index_options="docs", norms=False) for name in text_weights(listing)}
    fields.update({facet.key: Keyword(multi=facet.many) for facet in listing.term_facets})
    return type(f"{listing.model.__name__}Document", (ListingDocument,), fields)
