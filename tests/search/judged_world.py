"""The demo network of the judged queries: loaded once per module, indexed once, rolled back at the end."""

from types import SimpleNamespace

from django.conf import settings as django_settings
from django.db import transaction
from django.http import QueryDict
from django.test import override_settings
from django.utils import translation

from bibnetz_wagtail.demo.loader import load_demo
from bibnetz_wagtail.models.content import html_text
from bibnetz_wagtail.search.cluster import KINDS
from bibnetz_wagtail.search.documents import iter_documents
from bibnetz_wagtail.search.engines.database import DatabaseEngine
from bibnetz_wagtail.search.engines.elastic import ElasticsearchEngine
from bibnetz_wagtail.search.facets import LISTINGS
from bibnetz_wagtail.search.indexing import rebuild
from bibnetz_wagtail.search.params import parse_listing_query
from bibnetz_wagtail.search.vocabulary import load_vocabulary

from ..elastic import delete_indices, elastic_settings

SEED = 42
SIZE = {"libraries": 60, "measures": 300, "tasks": 60}


class _Rollback(Exception):
    pass


def page_texts(kind):
    """{page id: [raw text, …]} of every listed page: its spec's text fields as written and the labels of its
    public terms, read from the documents' term codes and the vocabulary (no analysis involved)."""
    listing = LISTINGS[kind]
    model = listing.model
    paths = [field.path for field in listing.text_fields]
    raw = {row["pk"]: row for row in model.objects.values("pk", *paths)}
    with translation.override(django_settings.LANGUAGE_CODE):
        vocabulary = load_vocabulary(kind)
    texts = {}
    for document in iter_documents(kind):
        row = raw[document["_id"]]
        values = [html_text(str(row[field.path] or "")) for field in listing.text_fields]
        for facet in listing.term_facets:
            if not facet.searchable:
                continue
            codes = document[facet.key]
            codes = codes if facet.many else [codes] if codes else []
            values += [str(vocabulary[facet.key].get(code, "")) for code in codes]
        texts[document["_id"]] = values
    return texts


class JudgedWorld:
    """Both engines over one demo network; ``search`` answers a query string on one of them."""

    def __init__(self, es_settings):
        self.es_settings = es_settings
        self.texts = {kind: page_texts(kind) for kind in KINDS}
        self.vocabularies = {kind: load_vocabulary(kind) for kind in KINDS}
        self.engines = {"database": DatabaseEngine(), "elasticsearch": ElasticsearchEngine()}

    def search(self, engine, kind, querystring):
        query = parse_listing_query(kind, QueryDict(querystring), self.vocabularies[kind])
        if engine == "database":
            return self.engines[engine].search(query, self.vocabularies[kind])
        with override_settings(BIBNETZ=self.es_settings):
            return self.engines[engine].search_index(query, self.vocabularies[kind])


def judged_world(django_db_blocker, url=None):
    """Generator for a module-scoped fixture: the demo network in an outer transaction rolled back at the
    end, indexed into Elasticsearch under a prefix of its own (``url``: None leaves Elasticsearch out)."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                shim = SimpleNamespace(BIBNETZ=django_settings.BIBNETZ)
                prefix = elastic_settings(shim, url or "http://unused")
                with override_settings(BIBNETZ={**django_settings.BIBNETZ, "SEARCH_ENGINE": "database"}):
                    load_demo(seed=SEED, **SIZE)
                if url:
                    with override_settings(BIBNETZ=shim.BIBNETZ):
                        for kind in KINDS:
                            rebuild(kind)
                try:
                    yield JudgedWorld(shim.BIBNETZ)
                finally:
                    if url:
                        delete_indices(url, prefix)
                raise _Rollback
        except _Rollback:
            pass
