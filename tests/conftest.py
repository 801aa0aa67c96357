from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from pytest_django.fixtures import validate_django_db

from bibnetz_wagtail.permissions import moderators_group
from bibnetz_wagtail.search.breaker import BREAKER
from bibnetz_wagtail.search.engines.database import DatabaseEngine

from .browser.server import build_example_database
from .elastic import ENGINES, IndexingEngine, delete_indices, elastic_settings, enqueue_pages, reachable_url
from .factories import LibraryIndexPageFactory
from .membership_net import net  # noqa: F401  (a fixture for every test module)
from .shared_trees import SharedTrees, build_index_pages, shareable_trees
from .site_report import save_database
from .world import build_world

#: What makes pytest-django give a test a transactional database (which cannot run inside a shared transaction).
TRANSACTIONAL = {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


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


@pytest.fixture(scope="session")
def django_db_setup(example_database_build, django_db_setup, django_db_blocker, tmp_path_factory):
    """The test database, saved to a file as soon as it is migrated (see ``migrated_database``).

    The example site's database is built meanwhile, in processes of their own (so on the other core).
    """
    with django_db_blocker.unblock():
        if "django_migrations" not in connection.introspection.table_names():
            return None  # no test of this run needs the database, so pytest-django did not create it
        path = tmp_path_factory.mktemp("migrated-database") / "db.sqlite3"
        save_database(connection, path)
    return path


@pytest.fixture(scope="session")
def migrated_database(django_db_setup):
    """A file with the test database as migrations left it, which the tests' small sites start from (or None
    when this run created no test database)."""
    return django_db_setup


@pytest.fixture(scope="session")
def _shared_trees(django_db_setup, django_db_blocker):
    trees = SharedTrees(django_db_blocker)
    yield trees
    with django_db_blocker.unblock():
        trees.close()


@pytest.fixture
def shared_trees(request, _shared_trees):
    """The shared page trees, switched to the ones this test asks for (see ``shared_trees.py``)."""
    marker = request.node.get_closest_marker("django_db")
    transactional, reset_sequences = validate_django_db(marker)[:2] if marker else (False, False)
    transactional = transactional or reset_sequences or bool(TRANSACTIONAL & set(request.fixturenames))
    _shared_trees.use(shareable_trees(request, transactional))
    return _shared_trees


@pytest.fixture
def _django_db_helper(shared_trees, _django_db_helper):
    """pytest-django's test transaction, opened inside the shared trees' one."""
    return _django_db_helper


@pytest.fixture
def index_pages(db, shared_trees):
    """The three listing pages at /bibliotheken/, /massnahmen/ and /aufgaben-teilen/."""
    return shared_trees.copy("index_pages") or build_index_pages()


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
def world(index_pages, shared_trees):
    shared = shared_trees.copy("world")
    if shared is None:
        return build_world()
    enqueue_pages([*shared.libraries.values(), *shared.measures.values(), *shared.tasks.values()])
    return shared


@pytest.fixture(scope="session")
def example_database_build(request, tmp_path_factory):
    """The build of the example site's database, started in the background if a test of this run needs it."""
    if not any("example_database" in getattr(item, "fixturenames", ()) for item in request.session.items):
        yield None
        return
    with ThreadPoolExecutor(1) as pool:
        yield pool.submit(build_example_database, tmp_path_factory.mktemp("example-database"))


@pytest.fixture(scope="session")
def example_database(example_database_build, tmp_path_factory):
    """The example site's database, migrated and with demo content, which every example site starts from."""
    if example_database_build is None:
        return build_example_database(tmp_path_factory.mktemp("example-database"))
    return example_database_build.result()


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
