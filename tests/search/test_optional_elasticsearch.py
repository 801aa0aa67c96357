"""A site on the database engine neither needs nor imports the Elasticsearch client."""

import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bibnetz_wagtail.checks import check_elasticsearch

from ..site_report import site_report


@pytest.fixture(scope="module")
def report(migrated_database):
    """What a site without the client did (see ``site_without_elasticsearch.py``)."""
    return site_report("tests.site_without_elasticsearch", migrated_database)


def test_database_site_works_without_the_client(report):
    assert report["database"] == {"checks": [], "listing": 200, "json": 1, "measure": 200}
    assert report["imported"] == []


def test_elasticsearch_engine_without_the_client_is_a_check_error_not_a_500(report):
    site = report["elasticsearch"]
    assert site["checks"] == ["bibnetz_wagtail.E020"]
    assert site["listing"] == 200 and site["measure"] == 200
    # The listing answers from the database meanwhile: both measures are there.
    assert site["json"] == 2


def test_missing_client_error_names_the_extra(monkeypatch, settings):
    settings.BIBNETZ = {"SEARCH_ENGINE": "elasticsearch"}
    for module in ("elasticsearch", "elasticsearch.dsl"):
        monkeypatch.setitem(sys.modules, module, None)
    [error] = check_elasticsearch(None)
    assert error.id == "bibnetz_wagtail.E020"
    assert "pip install bibnetz-wagtail[elasticsearch]" in error.hint


@pytest.mark.parametrize("command", ["bibnetz_reindex", "bibnetz_sync_index"])
def test_index_commands_without_the_client_say_what_to_install(monkeypatch, settings, command):
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": "elasticsearch"}
    for module in ("elasticsearch", "elasticsearch.dsl"):
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(CommandError, match=r"pip install bibnetz-wagtail\[elasticsearch\]"):
        call_command(command, stdout=StringIO(), stderr=StringIO())
