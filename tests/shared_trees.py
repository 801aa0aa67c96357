"""The page trees most tests start from (``index_pages``, ``world``, ``net``), built once for consecutive tests.

Building a tree takes a few tenths of a second, and most tests need one. It is built in a transaction that stays
open while consecutive tests ask for the same trees; each test's own transaction is a savepoint inside it, so
whatever a test writes is still rolled back after it. A test that asks for other trees, for none, or for a
transactional database closes the transaction first. Tests get deep copies of the built objects (as Django's
``setUpTestData`` gives them), and with an indexing engine the outbox gets the trees' pages as it would have
while they were built.
"""

import copy

from django.db import transaction

from .factories import LibraryIndexPageFactory, MeasureIndexPageFactory, TaskShareIndexPageFactory
from .membership_net import build_net
from .world import build_world


def build_index_pages():
    return {
        "libraries": LibraryIndexPageFactory(),
        "measures": MeasureIndexPageFactory(),
        "tasks": TaskShareIndexPageFactory(),
    }


BUILDERS = {
    "index_pages": lambda built: build_index_pages(),
    "world": lambda built: build_world(),
    "net": lambda built: build_net(built["index_pages"]),
}
#: Where the fixtures of these names are defined: a module may replace one with its own, which is not shared.
HOMES = {"index_pages": "tests.conftest", "world": "tests.conftest", "net": "tests.membership_net"}
#: Fixtures of a test that may be set up before a tree without changing it: they create no pages, or only set
#: settings. (Fixtures of wider scopes are set up before any test's, so before the trees too.)
HARMLESS = {
    "empty_cache",
    "closed_breaker",
    "elasticsearch_url",
    "elastic",
    "engine",
    "served_by",
    "fresh_site_root_paths",
    "english_admin",
    "shared_trees",
    "_django_db_helper",
}


class SharedTrees:
    def __init__(self, blocker):
        self.blocker = blocker
        self.names = ()
        self.built = {}
        self.atomic = None

    def use(self, names):
        """Make the database hold exactly the trees ``names`` (built in this order) and nothing else."""
        if names == self.names:
            return
        with self.blocker.unblock():
            self.close()
            if names:
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                for name in names:
                    self.built[name] = BUILDERS[name](self.built)
        self.names = names

    def close(self):
        if self.atomic is not None:
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
            self.atomic = None
        self.built = {}
        self.names = ()

    def copy(self, name):
        """A copy of the built tree ``name``, or None when this test builds its own."""
        if name not in self.names:
            return None
        return copy.deepcopy(self.built[name])


def shareable_trees(request, transactional):
    """The trees this test may take from the shared ones, in the order its fixtures would build them.

    None are shared with a transactional database, or when one of the test's fixtures that is not known to be
    harmless would be set up before the last of them (it might create pages that the trees would then follow).
    """
    if transactional:
        return ()
    item = request._pyfuncitem
    definitions = item._fixtureinfo.name2fixturedefs
    order, seen = [], set()

    def visit(name, depth):
        # Post-order, as pytest sets them up; a fixture that asks for its own name gets the one it overrides.
        fixturedefs = definitions.get(name)
        if (name, depth) in seen or not fixturedefs or depth > len(fixturedefs):
            return
        seen.add((name, depth))
        fixturedef = fixturedefs[-depth]
        for argname in fixturedef.argnames:
            visit(argname, depth + 1 if argname == name else 1)
        order.append((name, fixturedef))

    for name in item.fixturenames:
        visit(name, 1)
    names, pending = [], []
    for name, fixturedef in order:
        if name in BUILDERS and fixturedef.func.__module__ == HOMES[name]:
            names.append(name)
            if pending:
                return ()
        elif (
            fixturedef.scope == "function" and fixturedef.func.__module__.startswith("tests.") and name not in HARMLESS
        ):
            pending.append(name)
    return tuple(names)
