"""Benchmark-only settings: the example site's development settings with three changes.

- ``DEBUG`` off: Django would otherwise keep every SQL query in memory, which distorts timings and memory.
- The package indexes under its own prefix (``bibnetz-bench`` by default), so a benchmark never touches
  the indices of the example site or of the tests on the same cluster.
- A second Wagtail search backend, ``reference``: Wagtail's own Elasticsearch 8 backend (the ``modelsearch``
  package) on the same cluster with its own prefix, for the "site without this package" reference.

Both benchmark indices have Elasticsearch's shard request cache switched off: a benchmark repeats one
listing many times, and the cache would answer Wagtail's ``size=0`` facet requests from memory after the
first time (the package's requests, which fetch hits, are never cached), measuring the cache instead of
the listing. On a live site every refresh after an index change empties that cache anyway.
"""

import os

from example_site.settings.dev import *  # noqa: F401,F403
from example_site.settings.dev import BIBNETZ

DEBUG = False
ALLOWED_HOSTS = ["*"]

ELASTICSEARCH_URL = os.environ.get("BIBNETZ_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
INDEX_PREFIX = os.environ.get("BIBNETZ_BENCH_INDEX_PREFIX", "bibnetz-bench")

BIBNETZ = {
    **BIBNETZ,
    "ELASTICSEARCH": {
        "HOSTS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": INDEX_PREFIX,
        # Only bulk requests come near this; listings answer in milliseconds either way.
        "TIMEOUT": 30,
        # One node: a replica could never be assigned and would only turn the cluster yellow.
        "INDEX_SETTINGS": {"number_of_shards": 1, "number_of_replicas": 0, "requests.cache.enable": False},
    },
}

#: Wagtail's default Elasticsearch analysis needs ``ngram``/``edge_ngram`` and ``asciifolding`` from the
#: analysis-common module, which a server-core-only cluster lacks. ``INDEX_SETTINGS`` is deep-merged into
#: those defaults: both analyzers become the core ``standard`` analyzer (standard tokenizer, lowercase,
#: German stop words, as the package's own default), and the ngram tokenizer and filter definitions are
#: emptied (an empty mapping replaces the default one). Without ngrams the index is smaller and
#: autocomplete cheaper, so the reference gets slightly *cheaper* than a stock Wagtail site, not dearer.
CORE_ONLY_ANALYZER = {"type": "standard", "stopwords": "_german_", "filter": []}
REFERENCE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {"ngram_analyzer": CORE_ONLY_ANALYZER, "edgengram_analyzer": CORE_ONLY_ANALYZER},
            "tokenizer": {},
            "filter": {},
        },
        "index": {"number_of_shards": 1, "number_of_replicas": 0, "requests.cache.enable": False},
    }
}

WAGTAILSEARCH_BACKENDS = {
    **WAGTAILSEARCH_BACKENDS,  # noqa: F405
    "reference": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{INDEX_PREFIX}-wagtail-",
        "TIMEOUT": 30,
        # Pages saved while benchmarking must not be sent to the reference index.
        "AUTO_UPDATE": False,
        "INDEX_SETTINGS": REFERENCE_INDEX_SETTINGS,
    },
}
