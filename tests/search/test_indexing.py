"""Indexing against the real cluster: outbox, after-commit sending, outages, rebuilds, drift, privacy."""

import re
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from elasticsearch.helpers import scan

from bibnetz_wagtail.models import IndexChange, MeasurePage
from bibnetz_wagtail.search import indexing
from bibnetz_wagtail.search.analysis import as_stored, terms
from bibnetz_wagtail.search.cluster import (
    KINDS,
    alias_name,
    create_index,
    finish_bulk_loading,
    get_client,
    indices_behind,
)
from bibnetz_wagtail.search.indexing import find_drift, rebuild, send_pending

from ..elastic import IndexingEngine
from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TaskSharePageFactory
from ..helpers import ids, run

# Real commits, so that after-commit sending runs; serialized_rollback restores the root page and site.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def analysed(text):
    """A text field as the documents hold it."""
    return as_stored(terms(text))


UNREACHABLE = "http://127.0.0.1:9"


def documents(kind):
    """Every raw document behind the alias of ``kind``, by page id."""
    client = get_client()
    client.indices.refresh(index=alias_name(kind))
    return {int(hit["_id"]): hit["_source"] for hit in scan(client, index=alias_name(kind))}


def in_sync():
    return all(not any(find_drift(kind).values()) for kind in KINDS)


@pytest.fixture
def network(elastic, index_pages):
    library = LibraryProfilePageFactory(title="Bücherei Lindenau", population=6000)
    measure = MeasurePageFactory(parent=library, title="Vorlesestunde im Park")
    call = TaskSharePageFactory(parent=library, title="Sommerleseclub gemeinsam")
    send_pending()
    return library, measure, call


def unreachable(settings):
    settings.BIBNETZ = {
        **settings.BIBNETZ,
        "ELASTICSEARCH": {**settings.BIBNETZ["ELASTICSEARCH"], "HOSTS": [UNREACHABLE]},
    }


def reachable_again(settings, url):
    settings.BIBNETZ = {**settings.BIBNETZ, "ELASTICSEARCH": {**settings.BIBNETZ["ELASTICSEARCH"], "HOSTS": [url]}}


class TestAfterCommit:
    def test_publish_edit_unpublish_delete_reach_the_index(self, network):
        library, measure, call = network
        assert set(documents("measures")) == {measure.pk}
        measure.title = "Vorlesestunde am See"
        measure.save_revision().publish()
        assert documents("measures")[measure.pk]["title"] == analysed("Vorlesestunde am See")
        measure.unpublish()
        assert documents("measures") == {}
        call.delete()
        assert documents("tasks") == {}
        assert IndexChange.objects.count() == 0

    def test_a_profile_change_resends_its_measures_and_calls(self, network):
        library, measure, call = network
        library.population = 12000
        library.save_revision().publish()
        assert documents("measures")[measure.pk]["population"] == 12000
        assert documents("tasks")[call.pk]["population"] == 12000

    def test_moving_a_measure_to_another_library(self, network):
        library, measure, _call = network
        other = LibraryProfilePageFactory(title="Bücherei Eichstedt", population=900)
        MeasurePage.objects.get(pk=measure.pk).move(other, pos="last-child")
        document = documents("measures")[measure.pk]
        assert (document["library_id"], document["population"]) == (other.pk, 900)

    def test_rolled_back_change_leaves_nothing_behind(self, elastic, index_pages):
        library = LibraryProfilePageFactory()
        send_pending()
        with pytest.raises(RuntimeError), transaction.atomic():
            MeasurePageFactory(parent=library, title="Nie veröffentlicht")
            raise RuntimeError("the editor's request failed")
        assert IndexChange.objects.count() == 0
        assert documents("measures") == {}


class TestOutage:
    def test_nothing_is_lost_while_the_cluster_is_down(self, network, settings, elasticsearch_url):
        library, measure, call = network
        unreachable(settings)
        started = time.monotonic()
        new_measure = MeasurePageFactory(parent=library, title="Repair-Café")
        measure.title = "Vorlesestunde im Winter"
        measure.save_revision().publish()
        call.unpublish()
        library.population = 7000
        library.save_revision().publish()
        MeasurePage.objects.get(pk=new_measure.pk).delete()
        assert time.monotonic() - started < 3 * 5  # five saves, each within 3 s
        assert IndexChange.objects.filter(kind="measures", page_id=measure.pk).exists()
        assert IndexChange.objects.filter(kind="tasks", page_id=call.pk).exists()

        reachable_again(settings, elasticsearch_url)
        call_command("bibnetz_sync_index", "--no-progress", stdout=StringIO(), stderr=StringIO())
        assert IndexChange.objects.count() == 0
        assert documents("measures")[measure.pk]["title"] == analysed("Vorlesestunde im Winter")
        assert documents("measures")[measure.pk]["population"] == 7000
        assert new_measure.pk not in documents("measures")
        assert documents("tasks") == {}
        assert in_sync()

    def test_each_save_returns_within_three_seconds(self, network, settings):
        library, measure, _call = network
        unreachable(settings)
        for title in ("Erste Fassung", "Zweite Fassung"):
            started = time.monotonic()
            measure.title = title
            measure.save_revision().publish()
            assert time.monotonic() - started < 3

    def test_listings_answer_from_the_database_with_a_warning(self, network, settings, client, caplog):
        unreachable(settings)
        response = client.get("/massnahmen/?format=json")
        assert response.status_code == 200 and response.json()["count"] == 1
        assert "answering from the database" in caplog.text

    def test_sync_command_says_what_is_wrong(self, network, settings):
        unreachable(settings)
        MeasurePageFactory(parent=network[0])
        with pytest.raises(CommandError, match="Elasticsearch"):
            call_command("bibnetz_sync_index", stdout=StringIO(), stderr=StringIO())
        assert IndexChange.objects.exists()


class TestRebuild:
    def test_rebuild_swaps_the_alias(self, network):
        before = indices_behind("measures")
        output = StringIO()
        call_command("bibnetz_reindex", "--no-progress", stdout=output, stderr=StringIO())
        after = indices_behind("measures")
        assert after != before and len(after) == 1
        assert re.search(r"^measures: 1 \w+", output.getvalue(), re.MULTILINE)
        assert set(documents("measures")) == {network[1].pk}
        assert not get_client().indices.exists(index=before[0])

    def test_a_bulk_loaded_index_is_merged_before_it_serves(self, network):
        client = get_client()
        name = create_index("measures", client=client, bulk_loading=True)
        for page_id in (1, 2, 3):  # a refresh after each write: three segments
            client.index(index=name, id=page_id, document={"page_id": page_id})
            client.indices.refresh(index=name)
        assert segment_counts(client, name) == [3]
        finish_bulk_loading(name, client)
        assert segment_counts(client, name) == [1]
        assert client.count(index=name)["count"] == 3
        client.indices.delete(index=name)

    def test_a_killed_rebuild_leaves_the_old_index_serving(self, network, monkeypatch):
        library = network[0]
        for n in range(5):
            MeasurePageFactory(parent=library, title=f"Maßnahme {n}")
        send_pending()
        complete = ids(run(IndexingEngine(), "measures", "per_page=100"))
        real_bulk = indexing.bulk

        def dies_halfway(client, actions, progress=None):
            actions = iter(actions)
            real_bulk(client, [next(actions), next(actions)], progress)
            raise KeyboardInterrupt

        monkeypatch.setattr(indexing, "bulk", dies_halfway)
        with pytest.raises(KeyboardInterrupt):
            rebuild("measures")
        monkeypatch.setattr(indexing, "bulk", real_bulk)
        assert ids(run(IndexingEngine(), "measures", "per_page=100")) == complete
        rebuild("measures")
        names = get_client().indices.get(index=f"{alias_name('measures')}-*").body
        assert len(names) == 1  # the half-built index was cleaned up


class TestDrift:
    def test_check_repairs_what_no_signal_reported(self, network, settings):
        library, measure, call = network
        MeasurePage.objects.filter(pk=measure.pk).update(title="Geändert ohne Signal")
        ghost = MeasurePageFactory(parent=library, title="Gespenst")
        send_pending()
        engine_settings = settings.BIBNETZ
        settings.BIBNETZ = {**engine_settings, "SEARCH_ENGINE": "database"}  # the delete reaches no outbox
        MeasurePage.objects.get(pk=ghost.pk).delete()
        settings.BIBNETZ = engine_settings
        drift = find_drift("measures")
        assert drift == {"missing": [], "surplus": [ghost.pk], "stale": [measure.pk]}
        output = StringIO()
        call_command("bibnetz_sync_index", "--check", "--no-progress", stdout=output, stderr=StringIO())
        # "missing, surplus, outdated", in the site's language
        assert re.search(r"^measures: 0 \w+, 1 \w+, 1 ", output.getvalue(), re.MULTILINE)
        assert in_sync()
        assert documents("measures")[measure.pk]["title"] == analysed("Geändert ohne Signal")


class TestPrivacy:
    def test_contact_details_and_private_toolkit_results_are_in_no_document(self, elastic, world):
        send_pending()
        private = world.libraries["b"]
        raw = str({kind: documents(kind) for kind in KINDS})
        for library in world.libraries.values():
            for secret in (library.contact_email, library.contact_phone, library.contact_person):
                assert secret not in raw
        assert documents("libraries")[private.pk]["toolkit"] == []
        assert documents("libraries")[world.libraries["c"].pk]["toolkit"] == ["t1", "t2"]

    def test_hiding_toolkit_results_removes_them_from_the_index(self, elastic, world):
        send_pending()
        library = world.libraries["c"]
        library.toolkit_results_public = False
        library.save_revision().publish()
        assert documents("libraries")[library.pk]["toolkit"] == []
        result = run(IndexingEngine(), "libraries")
        assert {value.value: value.count for value in result.facets["toolkit"]} == {"t1": 1}


def segment_counts(client, name):
    shards = client.indices.segments(index=name).body["indices"][name]["shards"]
    return [len(copy["segments"]) for copies in shards.values() for copy in copies]
