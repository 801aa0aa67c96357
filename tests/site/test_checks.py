"""System checks report a bad configuration or an unreachable cluster in one clear line."""

import pytest

from bibnetz_wagtail.checks import check_bibnetz_settings, check_elasticsearch


def ids(messages):
    return [message.id for message in messages]


def test_database_engine_needs_no_cluster(settings):
    settings.BIBNETZ = {"SEARCH_ENGINE": "database", "ELASTICSEARCH": {"HOSTS": []}}
    assert check_bibnetz_settings(None) == [] and check_elasticsearch(None) == []


def test_unknown_engine_and_bad_bands(settings):
    settings.BIBNETZ = {"SEARCH_ENGINE": "solr", "BANDS": {"population": ["10-5"]}}
    assert ids(check_bibnetz_settings(None)) == ["bibnetz_wagtail.E001", "bibnetz_wagtail.E002"]


@pytest.mark.parametrize("seconds", [-1, "300", 2.5, True, None])
def test_bad_vocabulary_cache_seconds(settings, seconds):
    settings.BIBNETZ = {"VOCABULARY_CACHE_SECONDS": seconds}
    assert ids(check_bibnetz_settings(None)) == ["bibnetz_wagtail.E004"]


@pytest.mark.parametrize("hosts", [[], "http://127.0.0.1:9200", [""], None])
def test_bad_hosts(settings, hosts):
    settings.BIBNETZ = {"SEARCH_ENGINE": "elasticsearch", "ELASTICSEARCH": {"HOSTS": hosts}}
    assert ids(check_elasticsearch(None)) == ["bibnetz_wagtail.E003"]


def test_unreachable_cluster_is_one_line(settings):
    settings.BIBNETZ = {"SEARCH_ENGINE": "elasticsearch", "ELASTICSEARCH": {"HOSTS": ["http://127.0.0.1:9"]}}
    [warning] = check_elasticsearch(None)
    assert warning.id == "bibnetz_wagtail.W002"
    assert "\n" not in warning.msg and "http://127.0.0.1:9 cannot be reached" in warning.msg


def test_reachable_cluster_passes(settings, elastic):
    assert check_elasticsearch(None) == []
