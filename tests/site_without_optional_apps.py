"""Runs the package without its optional apps, in a process that cannot import wagtail-modeladmin, as JSON.

Started as ``python -m tests.site_without_optional_apps`` by ``test_optional_apps.py``: a site without the
admin screens (``bibnetz_wagtail.contrib.modeladmin`` with ``wagtail_modeladmin``) and without the demo must
check, serve its pages and the Wagtail admin, and never import wagtail-modeladmin.
"""

import importlib.abc
import json
import os
import sys

BLOCKED = "wagtail_modeladmin"


class BlockModelAdmin(importlib.abc.MetaPathFinder):
    """Makes ``import wagtail_modeladmin`` (and every submodule) fail as if the package were not installed."""

    def find_spec(self, name, path=None, target=None):
        if name == BLOCKED or name.startswith(f"{BLOCKED}."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def main():
    sys.meta_path.insert(0, BlockModelAdmin())
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.core_only_settings"
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
    report = run_site()
    report["imported"] = sorted(
        name for name in sys.modules if name.startswith((BLOCKED, "bibnetz_wagtail.contrib.modeladmin"))
    )
    report["demo_imported"] = sorted(name for name in sys.modules if name.startswith("bibnetz_wagtail.demo"))
    print(json.dumps(report))


def run_site():
    """Check, then request the pages and admin views; return the check ids, statuses and what the menu shows."""
    from django.contrib.auth import get_user_model
    from django.core.checks import run_checks
    from django.core.management import get_commands
    from django.test import Client

    from tests.factories import LibraryProfilePageFactory, MeasureIndexPageFactory

    MeasureIndexPageFactory()
    library = LibraryProfilePageFactory(title="Bücherei ohne Extras")
    client = Client()
    admin = get_user_model().objects.create_superuser("redaktion", "redaktion@example.invalid", "pw")
    client.force_login(admin)
    dashboard = client.get("/admin/")
    return {
        "checks": sorted(message.id for message in run_checks()),
        "listing": client.get("/massnahmen/").status_code,
        "profile": client.get(library.url).status_code,
        "admin": dashboard.status_code,
        "network_menu": "/admin/bibnetz_wagtail/" in dashboard.content.decode(),
        "explorer": client.get(f"/admin/pages/{library.get_parent().pk}/").status_code,
        "editor": client.get(f"/admin/pages/{library.pk}/edit/").status_code,
        "demo_command": "bibnetz_demo" in get_commands(),
    }


if __name__ == "__main__":
    main()
