"""Fixtures of the web layer's tests: the pages as a browser-less client sees them."""

import pytest

from ..elastic import ENGINES, INDEXING_ENGINE


@pytest.fixture(params=ENGINES)
def served_by(request, settings, db):
    """The listing pages answered by each engine in turn (Elasticsearch indexing before every answer)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elastic")
        settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": INDEXING_ENGINE}
    else:
        settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": "database"}
    return request.param
