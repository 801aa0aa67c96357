"""Search engines: each answers ``search(ListingQuery) -> ListingResult``; settings choose one."""

from ...conf import get_setting


def get_engine(name=None):
    """The engine named in ``BIBNETZ['SEARCH_ENGINE']`` (``database`` by default)."""
    name = name or get_setting("SEARCH_ENGINE")
    if name == "database":
        from .database import DatabaseEngine

        return DatabaseEngine()
    if name == "elasticsearch":
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    raise ValueError(f"Unknown search engine {name!r}")
