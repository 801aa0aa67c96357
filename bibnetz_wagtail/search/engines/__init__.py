"""Search engines: each is a ``BaseEngine``; ``BIBNETZ['SEARCH_ENGINE']`` chooses one, by alias or dotted path."""

import logging

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from ...conf import get_setting
from ..optional import INSTALL_HINT
from .base import BaseEngine

logger = logging.getLogger(__name__)

DATABASE = "bibnetz_wagtail.search.engines.database.DatabaseEngine"
ELASTICSEARCH = "bibnetz_wagtail.search.engines.elastic.ElasticsearchEngine"
#: The short names the setting accepts besides a dotted path.
ENGINE_ALIASES = {"database": DATABASE, "elasticsearch": ELASTICSEARCH}
ELASTICSEARCH_MODULE = ELASTICSEARCH.rpartition(".")[0]


def engine_path(name=None):
    """The dotted path of the engine ``name`` (an alias or a path), by default the configured one."""
    name = name or get_setting("SEARCH_ENGINE")
    return ENGINE_ALIASES.get(name, name) if isinstance(name, str) else name


def engine_class(name=None):
    """The engine's class. ``ImportError`` when it cannot be imported (e.g. the Elasticsearch client is missing)."""
    path = engine_path(name)
    if not isinstance(path, str) or "." not in path:
        raise ImproperlyConfigured(f"BIBNETZ['SEARCH_ENGINE'] is {name!r}: not an engine.")
    cls = import_string(path)
    if not (isinstance(cls, type) and issubclass(cls, BaseEngine)):
        raise ImproperlyConfigured(f"BIBNETZ['SEARCH_ENGINE'] is {path!r}, which is not a BaseEngine subclass.")
    return cls


def needs_elasticsearch_client(name=None):
    """Whether the engine is one of the package's Elasticsearch engines (which need the optional client)."""
    path = engine_path(name)
    return isinstance(path, str) and path.startswith(ELASTICSEARCH_MODULE + ".")


def keeps_index(name=None):
    """Whether the configured engine answers from indices, so that page changes go to the outbox."""
    try:
        return engine_class(name).keeps_index
    except ImportError:
        # The Elasticsearch engine without its client: changes wait in the outbox (system check E020).
        return needs_elasticsearch_client(name)
    except ImproperlyConfigured:
        return False  # system check E001


def get_engine(name=None):
    """An instance of the configured engine; the database engine while the Elasticsearch client is missing."""
    try:
        return engine_class(name)()
    except ImportError:
        if not needs_elasticsearch_client(name):
            raise
        # The system check bibnetz_wagtail.E020 reports this at start-up; meanwhile listings still answer.
        logger.error("The Elasticsearch client is not installed (%s); listings answer from the database.", INSTALL_HINT)
    return import_string(DATABASE)()
