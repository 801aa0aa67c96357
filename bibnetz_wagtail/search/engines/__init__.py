"""Search engines: each answers ``search(ListingQuery) -> ListingResult``; settings choose one."""

import logging

from ...conf import get_setting
from ..optional import INSTALL_HINT, elasticsearch_installed

logger = logging.getLogger(__name__)


def get_engine(name=None):
    """The engine named in ``BIBNETZ['SEARCH_ENGINE']`` (``database`` by default)."""
    name = name or get_setting("SEARCH_ENGINE")
    if name == "elasticsearch" and elasticsearch_installed():
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    if name == "elasticsearch":
        # The system check bibnetz_wagtail.E020 reports this at start-up; meanwhile listings still answer.
        logger.error("The Elasticsearch client is not installed (%s); listings answer from the database.", INSTALL_HINT)
    elif name != "database":
        raise ValueError(f"Unknown search engine {name!r}")
    from .database import DatabaseEngine

    return DatabaseEngine()
