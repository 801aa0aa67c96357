"""Randomized parity: the database and Elasticsearch engines answer hundreds of listings identically."""

import random
import re
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.http import QueryDict

from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage, TaskSharePage
from bibnetz_wagtail.search.bands import METRIC_FIELDS, configured_bands
from bibnetz_wagtail.search.cluster import KINDS
from bibnetz_wagtail.search.engines.database import DatabaseEngine
from bibnetz_wagtail.search.engines.elastic import GLOBAL, UNION, ElasticsearchEngine
from bibnetz_wagtail.search.facets import LISTINGS
from bibnetz_wagtail.search.indexing import rebuild
from bibnetz_wagtail.search.params import parse_listing_query
from bibnetz_wagtail.search.vocabulary import load_vocabulary

from ..elastic import IndexEngine, send_outbox
from ..helpers import run

pytestmark = pytest.mark.django_db

COMBINATIONS = 300


def random_querystring(rng, kind, vocabulary, library_ids, words=()):
    """A random but valid listing request: search words (drawn from ``words``), facets, bands, a reference,
    sort and page."""
    params = []
    if words and rng.random() < 0.5:
        params.append(("q", " ".join(rng.sample(words, rng.choice([1, 1, 2, 3])))))
    listing = LISTINGS[kind]
    for facet in rng.sample(listing.term_facets, rng.randint(0, 3)):
        codes = list(vocabulary[facet.key])
        params += [(facet.key, code) for code in rng.sample(codes, min(len(codes), rng.randint(1, 3)))]
    for key in rng.sample(list(METRIC_FIELDS), rng.randint(0, 2)):
        bands = [band.code for band in configured_bands(key)]
        params += [(key, code) for code in rng.sample(bands, rng.randint(1, 2))]
        if rng.random() < 0.3:
            low = rng.choice([0, 1, 2, 50, 300, 2000, 8000])
            params.append((key, f"{low}-{low * 3 + 1 if rng.random() < 0.8 else ''}"))
    reference = rng.random()
    if reference < 0.35:
        params.append(("similar_to", rng.choice(library_ids)))
    elif reference < 0.7:
        figures = {
            "like_population": rng.randint(500, 150000),
            "like_area": rng.randint(20, 3000),
            "like_fte": round(rng.uniform(0, 20), 2),
        }
        params += rng.sample(sorted(figures.items()), rng.randint(1, 3))
    sort = rng.random()
    if sort < 0.3:
        params.append(("sort", "newest"))
    elif sort < 0.4:
        params.append(("sort", "relevance"))
    params += [("per_page", rng.choice([1, 5, 20, 50])), ("page", rng.choice([1, 1, 2, 3]))]
    return urlencode(params)


def snapshot(result):
    return {
        "count": result.count,
        "pages": result.pages,
        "ids": [hit.id for hit in result.hits],
        "facets": {key: [(v.value, v.count, v.selected) for v in values] for key, values in result.facets.items()},
    }


def demo_network():
    call_command(
        "bibnetz_demo",
        libraries=200,
        measures=800,
        tasks=200,
        seed=7,
        no_progress=True,
        stdout=StringIO(),
        stderr=StringIO(),
    )
    for kind in KINDS:
        rebuild(kind)
    library_ids = list(LibraryProfilePage.objects.values_list("pk", flat=True))
    vocabularies = {kind: load_vocabulary(kind) for kind in KINDS}
    return library_ids, vocabularies


def test_engines_agree_on_random_listings(elastic, index_pages):
    library_ids, vocabularies = demo_network()
    rng = random.Random(20261126)
    words = search_words(rng, vocabularies, 80)
    send_outbox()  # nothing changes while the engines are compared
    database, elasticsearch = DatabaseEngine(), IndexEngine()
    compared_likeness = found_by_text = 0
    for _ in range(COMBINATIONS):
        kind = rng.choice(KINDS)
        querystring = random_querystring(rng, kind, vocabularies[kind], library_ids, words)
        expected, actual = run(database, kind, querystring), run(elasticsearch, kind, querystring)
        assert snapshot(actual) == snapshot(expected), f"{kind}?{querystring}"
        found_by_text += bool("q=" in querystring and expected.count)
        for want, got in zip(expected.hits, actual.hits):
            if want.likeness is not None:
                assert got.likeness == pytest.approx(want.likeness, abs=1e-6), f"{kind}?{querystring}"
                compared_likeness += 1
    assert compared_likeness > 500  # the references really were exercised
    assert found_by_text >= 15  # and so were search words that found something


def search_words(rng, vocabularies, count):
    """Words visitors type, from the network's texts and term labels: as written, inflected, without umlauts
    or accents, cut short or with one typo (a transposition, a letter left out, added or replaced)."""
    texts = [
        *(text for pair in MeasurePage.objects.values_list("title", "summary") for text in pair),
        *(text for pair in TaskSharePage.objects.values_list("title", "summary") for text in pair),
        *LibraryProfilePage.objects.values_list("municipality", flat=True),
        *(
            str(label)
            for vocabulary in vocabularies.values()
            for labels in vocabulary.values()
            for label in labels.values()
        ),
    ]
    words = sorted(
        {word for text in texts for word in re.findall(r"\w+", text) if len(word) > 2 and not word.isdigit()}
    )
    return [varied(rng, word) for word in rng.choices(words, k=count)]


def varied(rng, word):
    way = rng.random()
    if way < 0.35:
        return word
    if way < 0.5:
        return word + rng.choice(["e", "en", "n", "er", "ern", "es", "s", "in", "innen"])
    if way < 0.65:
        spelled = word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
        return spelled if spelled != word else word.replace("e", "é", 1)
    if way < 0.75 and len(word) > 3:
        return word[: rng.randint(3, len(word) - 1)]
    if len(word) < 5:
        return word.upper()
    at = rng.randrange(len(word) - 1)
    letter = rng.choice("aeinrstuäöü")
    return rng.choice(
        [
            word[:at] + word[at + 1] + word[at] + word[at + 2 :],
            word[:at] + word[at + 1 :],
            word[:at] + letter + word[at:],
            word[:at] + letter + word[at + 1 :],
        ]
    )


def title_words(rng, count):
    """Words from the demo titles, common ones more likely, some cut short (text also matches word starts)."""
    titles = [
        *MeasurePage.objects.values_list("title", flat=True),
        *TaskSharePage.objects.values_list("title", flat=True),
    ]
    words = [word for title in titles for word in title.split() if len(word) > 3]
    return [
        word if rng.random() < 0.7 else word[: rng.randint(3, len(word) - 1)] for word in rng.choices(words, k=count)
    ]


def test_both_facet_layouts_agree_on_random_listings_with_text(elastic, index_pages):
    """The global and the union layout count the same facets and find the same hits, with and without text."""
    library_ids, vocabularies = demo_network()
    rng = random.Random(20261127)
    words = title_words(rng, 40)
    engine = ElasticsearchEngine()
    found_by_text = 0
    for _ in range(COMBINATIONS):
        kind = rng.choice(KINDS)
        querystring = random_querystring(rng, kind, vocabularies[kind], library_ids)
        if rng.random() < 0.6:
            querystring += "&" + urlencode({"q": " ".join(rng.sample(words, rng.choice([1, 1, 2])))})
        query = parse_listing_query(kind, QueryDict(querystring), vocabularies[kind])
        by_global = engine.search_index(query, vocabularies[kind], layout=GLOBAL)
        by_union = engine.search_index(query, vocabularies[kind], layout=UNION)
        assert snapshot(by_union) == snapshot(by_global), f"{kind}?{querystring}"
        assert [hit.likeness for hit in by_union.hits] == [hit.likeness for hit in by_global.hits]
        found_by_text += bool(query.q and by_global.count)
    assert found_by_text >= 30  # text listings that still had hits were really compared
