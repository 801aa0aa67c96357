"""Elasticsearch mappings of the three listing documents (elasticsearch-dsl ``Document`` classes).

Only the Elasticsearch path imports this module: the client is an optional extra of the package.
"""

from elasticsearch.dsl import Date, Document, Double, Keyword, Long, Text

TEXT_ANALYZER = "bibnetz_text"


class ListingDocument(Document):
    """Fields every listing document has: the page, its library's figures and the library facets."""

    page_id = Long()
    title = Text(analyzer=TEXT_ANALYZER)
    # Microseconds since the epoch: Elasticsearch dates keep milliseconds only, and the total order breaks
    # ties by the exact first publication time, as the database does.
    published_us = Long()
    # The earliest expiry of the page or its library, NEVER when neither expires; expired documents are
    # filtered out at query time, with a single range clause.
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
