"""The package without its optional apps: no admin screens (nor wagtail-modeladmin) and no demo generator."""

import pytest
from django.apps import apps
from django.core.management import get_commands

from ..site_report import site_report


@pytest.fixture(scope="module")
def report(migrated_database):
    """What a site without the optional apps did (see ``site_without_optional_apps.py``)."""
    return site_report("tests.site_without_optional_apps", migrated_database)


def test_the_site_and_the_wagtail_admin_work_without_them(report):
    assert report["checks"] == []
    assert (report["listing"], report["profile"]) == (200, 200)
    assert (report["admin"], report["explorer"], report["editor"]) == (200, 200, 200)


def test_wagtail_modeladmin_is_never_imported(report):
    assert report["imported"] == []
    assert report["network_menu"] is False


def test_the_demo_is_not_there(report):
    assert report["demo_command"] is False
    assert report["demo_imported"] == []


def test_the_test_settings_install_both():
    """The rest of the suite runs with both optional apps, as the example site's development settings do."""
    assert apps.is_installed("bibnetz_wagtail.contrib.modeladmin") and apps.is_installed("wagtail_modeladmin")
    assert apps.get_app_config("bibnetz_wagtail_modeladmin").name == "bibnetz_wagtail.contrib.modeladmin"
    assert apps.get_app_config("bibnetz_wagtail_demo").name == "bibnetz_wagtail.demo"
    assert get_commands()["bibnetz_demo"] == "bibnetz_wagtail.demo"
