import pytest

from bibnetz_wagtail.search.engines import get_engine

from .factories import LibraryIndexPageFactory, MeasureIndexPageFactory, TaskShareIndexPageFactory
from .world import build_world

ENGINES = ["database"]


@pytest.fixture
def index_pages(db):
    """The three listing pages at /bibliotheken/, /massnahmen/ and /aufgaben-teilen/."""
    return {
        "libraries": LibraryIndexPageFactory(),
        "measures": MeasureIndexPageFactory(),
        "tasks": TaskShareIndexPageFactory(),
    }


@pytest.fixture
def world(index_pages):
    return build_world()


@pytest.fixture(params=ENGINES)
def engine(request, settings, db):
    """Each search engine in turn: the listing tests are the parity suite."""
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": request.param}
    return get_engine(request.param)
