"""Renaming or merging a term re-indexes what carries it, so filtering by its new slug finds the same on both
engines."""

import pytest
from django.core.management import call_command

from bibnetz_wagtail.models import Topic
from bibnetz_wagtail.search.indexing import send_pending

from ..elastic import IndexingEngine
from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TopicFactory
from ..helpers import ids, run

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def carried(elastic, index_pages):
    topic = TopicFactory(name="Lesen", slug="lesen")
    library = LibraryProfilePageFactory(title="Bücherei Erlenbach")
    measures = [MeasurePageFactory(parent=library, title=f"Lesestunde {n}", topics=[topic]) for n in range(3)]
    send_pending()
    return topic, measures


def test_a_renamed_slug_filters_on_elasticsearch_at_once(carried):
    topic, measures = carried
    topic.slug = "lesefoerderung"
    topic.save()
    result = run(IndexingEngine(), "measures", "topic=lesefoerderung")
    assert sorted(ids(result)) == sorted(measure.pk for measure in measures)
    assert run(IndexingEngine(), "measures", "topic=lesen").count == 3  # unknown values are dropped: no filter


def test_merging_a_term_moves_its_pages_in_the_index(carried):
    topic, measures = carried
    target = TopicFactory(name="Leseförderung", slug="lesefoerderung")
    for measure in measures:  # as an editor does it: the page is saved with both terms, then the old one goes
        measure.topics.add(target)
        measure.save()
    topic.delete()
    result = run(IndexingEngine(), "measures", "topic=lesefoerderung")
    assert sorted(ids(result)) == sorted(measure.pk for measure in measures)
    # The old slug is gone from the documents: a new term that takes it over carries no page yet.
    TopicFactory(name="Lesen (neu)", slug="lesen")
    assert run(IndexingEngine(), "measures", "topic=lesen").count == 0


def test_sync_check_repairs_a_slug_changed_without_signal(carried):
    topic, measures = carried
    Topic.objects.filter(pk=topic.pk).update(slug="neu")
    call_command("bibnetz_sync_index", "--check", "--no-progress", stdout=open("/dev/null", "w"))
    result = run(IndexingEngine(), "measures", "topic=neu")
    assert sorted(ids(result)) == sorted(measure.pk for measure in measures)
