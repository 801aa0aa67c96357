"""Runs the package in a process where ``elasticsearch`` cannot be imported and prints what happened as JSON.

Started as ``python -m tests.site_without_elasticsearch`` by ``test_optional_elasticsearch.py``: a site that
installed the package without the ``elasticsearch`` extra must start, check, save pages and list them.
"""

import importlib.abc
import json
import os
import sys


class BlockElasticsearch(importlib.abc.MetaPathFinder):
    """Makes ``import elasticsearch`` (and every submodule) fail as if the client were not installed."""

    def find_spec(self, name, path=None, target=None):
        if name == "elasticsearch" or name.startswith("elasticsearch."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def main():
    sys.meta_path.insert(0, BlockElasticsearch())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.site_report import load_database

    if len(sys.argv) > 1:
        # The migrated test database: migrate then applies nothing, yet it imports every migration and runs
        # the post-migrate handlers here, where the blocked package cannot be imported.
        load_database(connection, sys.argv[1])
    call_command("migrate", verbosity=0)
    report = {"database": run_site("database"), "elasticsearch": run_site("elasticsearch")}
    report["imported"] = sorted(name for name in sys.modules if name.split(".")[0] == "elasticsearch")
    print(json.dumps(report))


def run_site(engine):
    """Check, save and list with ``SEARCH_ENGINE = engine``; return the check ids and HTTP statuses."""
    from django.core.checks import run_checks
    from django.test import Client, override_settings

    from tests.factories import MeasureIndexPageFactory, MeasurePageFactory

    with override_settings(BIBNETZ={"SEARCH_ENGINE": engine}):
        if engine == "database":
            MeasureIndexPageFactory()
        measure = MeasurePageFactory(title=f"Vorlesen ({engine})")
        measure.save_revision().publish()
        client = Client()
        return {
            "checks": sorted(message.id for message in run_checks() if message.is_serious()),
            "listing": client.get("/massnahmen/").status_code,
            "json": client.get("/massnahmen/?format=json").json()["count"],
            "measure": client.get(measure.url).status_code,
        }


if __name__ == "__main__":
    main()
