import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from bibnetz_wagtail.permissions import moderators_group
from bibnetz_wagtail.search.breaker import BREAKER
from bibnetz_wagtail.search.engines.database import DatabaseEngine

from .elastic import ENGINES, IndexingEngine, delete_indices, elastic_settings, reachable_url
from .factories import LibraryIndexPageFactory, MeasureIndexPageFactory, TaskShareIndexPageFactory
from .membership_net import net  # noqa: F401  (a fixture for every test module)
from .world import build_world


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: rolled-back rows send no signal that would clear it."""
    cache.clear()


@pytest.fixture(autouse=True)
def closed_breaker():
    """The circuit breaker is shared by the process: an outage in one test must not answer the next from the
    database."""
    BREAKER.reset()
    yield
    BREAKER.reset()


@pytest.fixture
def index_pages(db):
    """The three listing pages at /bibliotheken/, /massnahmen/ and /aufgaben-teilen/."""
    return {
        "libraries": LibraryIndexPageFactory(),
        "measures": MeasureIndexPageFactory(),
        "tasks": TaskShareIndexPageFactory(),
    }


@pytest.fixture
def index(db):
    """A library directory: where join requests put their profiles."""
    return LibraryIndexPageFactory()


@pytest.fixture
def moderator(index):
    """A network moderator (in the moderators group, which the join workflow asks for approval)."""
    user = get_user_model().objects.create_user("moderation", "moderation@netzwerk.example", "Moderation-Passwort-1")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def world(index_pages):
    return build_world()


@pytest.fixture(scope="session")
def elasticsearch_url():
    return reachable_url()


@pytest.fixture
def elastic(request, settings, db):
    """The package configured for the real test cluster, with indices of this test's own."""
    url = request.getfixturevalue("elasticsearch_url")
    prefix = elastic_settings(settings, url)
    yield prefix
    delete_indices(url, prefix)


@pytest.fixture(params=ENGINES)
def engine(request, settings, db):
    """Each search engine in turn: the listing tests are the parity suite (one suite, every engine)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elastic")
        return IndexingEngine()
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": "database"}
    return DatabaseEngine()


def pytest_collection_modifyitems(config, items):
    """Mark every test that talks to the Elasticsearch server, directly or through an engine parameter."""
    for item in items:
        if uses_elasticsearch(item):
            item.add_marker(pytest.mark.elasticsearch)


def uses_elasticsearch(item):
    callspec = getattr(item, "callspec", None)
    parameters = callspec.params.values() if callspec else ()
    named = {"elastic", "elasticsearch_url", "es"} & set(item.fixturenames)
    return bool(named) or "elasticsearch" in parameters
