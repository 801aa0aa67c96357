"""Whether the optional Elasticsearch client is installed (the ``elasticsearch`` extra of the package)."""

import importlib

#: What a site that chose the Elasticsearch engine without the client has to run.
INSTALL_HINT = "pip install bibnetz-wagtail[elasticsearch]"


def elasticsearch_installed():
    """True when ``elasticsearch.dsl`` (in the client since 8.18) can be imported."""
    try:
        importlib.import_module("elasticsearch.dsl")
    except ImportError:
        return False
    return True
