"""The facet vocabularies come from the cache, and a saved or deleted term clears it."""

import pytest

from bibnetz_wagtail.models import TargetGroup, Topic
from bibnetz_wagtail.search.vocabulary import load_vocabulary

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return [
        Topic.objects.create(slug="lesen", name="Leseförderung"),
        Topic.objects.create(slug="maker", name="Makerspace"),
    ]


def test_a_second_listing_reads_no_vocabulary_from_the_database(topics, django_assert_num_queries):
    with django_assert_num_queries(3):  # topics, target groups, toolkit results
        first = load_vocabulary("measures")
    with django_assert_num_queries(0):
        assert load_vocabulary("measures") == first
    assert first["topic"] == {"lesen": "Leseförderung", "maker": "Makerspace"}


def test_saving_a_term_shows_at_once(topics):
    load_vocabulary("measures")
    topics[0].name = "Lesen und Schreiben"
    topics[0].save()
    TargetGroup.objects.create(slug="kinder", name="Kinder")
    vocabulary = load_vocabulary("measures")
    assert vocabulary["topic"]["lesen"] == "Lesen und Schreiben"
    assert vocabulary["target_group"] == {"kinder": "Kinder"}


def test_deleting_a_term_shows_at_once(topics):
    load_vocabulary("measures")
    topics[1].delete()
    assert list(load_vocabulary("measures")["topic"]) == ["lesen"]


def test_zero_seconds_reads_every_time(settings, topics, django_assert_num_queries):
    settings.BIBNETZ = {**settings.BIBNETZ, "VOCABULARY_CACHE_SECONDS": 0}
    load_vocabulary("measures")
    Topic.objects.filter(slug="maker").update(name="Werkstatt")  # no signal: only a fresh read sees it
    with django_assert_num_queries(3):
        assert load_vocabulary("measures")["topic"]["maker"] == "Werkstatt"
