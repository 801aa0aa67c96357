"""The judged query set: recall and precision of the German text search per category, on both engines.

Every query of ``judged_queries.JUDGED`` runs on the database engine and on Elasticsearch over the demo
network of seed 42. Its hits are compared with the human judgment of the query (regular expressions over the
pages' raw texts, see ``judged_queries``), per category; both engines must also return the very same ids in
the very same order, newest first and by relevance.
"""

import re
from collections import defaultdict
from statistics import mean
from urllib.parse import urlencode

import pytest

from ..elastic import reachable_url
from .judged_queries import CATEGORIES, JUDGED, NONE
from .judged_world import judged_world

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

ENGINES = ("database", "elasticsearch")
MIN_RECALL = 0.95
MIN_PRECISION = 0.9
PER_PAGE = 100


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from judged_world(django_db_blocker, reachable_url())


def all_ids(world, engine, kind, q, sort):
    """Every hit of ``q`` in order, page after page."""
    found, page = [], 1
    while True:
        querystring = urlencode({"q": q, "sort": sort, "per_page": PER_PAGE, "page": page})
        result = world.search(engine, kind, querystring)
        found += [hit.id for hit in result.hits]
        if page >= result.pages:
            assert len(found) == result.count
            return found
        page += 1


def expected_ids(world, judged):
    """The pages of the judged query's listing whose raw texts match every one of its patterns."""
    if judged.expected is None:
        return set()
    patterns = [re.compile(pattern, re.IGNORECASE) for pattern in judged.patterns]
    return {
        page_id
        for page_id, texts in world.texts[judged.kind].items()
        if all(pattern.search("\n".join(texts)) for pattern in patterns)
    }


@pytest.fixture(scope="module")
def answers(world, django_db_blocker):
    """{(engine, query index): {"newest": [ids], "relevance": [ids]}} of every judged query."""
    found = {}
    with django_db_blocker.unblock():
        for index, judged in enumerate(JUDGED):
            for engine in ENGINES:
                found[engine, index] = {
                    sort: all_ids(world, engine, judged.kind, judged.query, sort) for sort in ("newest", "relevance")
                }
    return found


def test_the_set_is_large_and_every_category_is_judged():
    assert len(JUDGED) >= 80
    assert {judged.category for judged in JUDGED} == set(CATEGORIES)


def test_every_positive_query_has_pages_to_find(world):
    empty = [judged.query for judged in JUDGED if judged.expected is not None and not expected_ids(world, judged)]
    assert not empty, "judged queries the network has no page for"


def test_both_engines_return_the_same_ids_in_the_same_order(answers):
    for index, judged in enumerate(JUDGED):
        for sort in ("newest", "relevance"):
            database, elasticsearch = answers["database", index][sort], answers["elasticsearch", index][sort]
            assert elasticsearch == database, f"{judged.kind}?q={judged.query}&sort={sort}"


def test_no_hit_queries_find_nothing(answers):
    for index, judged in enumerate(JUDGED):
        if judged.category == NONE:
            for engine in ENGINES:
                assert answers[engine, index]["newest"] == [], f"{engine}: {judged.query}"


def scores(world, answers, engine):
    """{category: (recall, precision, queries)} averaged over the category's queries, and the misses."""
    recalls, precisions, misses = defaultdict(list), defaultdict(list), []
    for index, judged in enumerate(JUDGED):
        if judged.category == NONE:
            continue
        expected = expected_ids(world, judged)
        found = set(answers[engine, index]["newest"])
        hits = len(expected & found)
        recalls[judged.category].append(hits / len(expected) if expected else 1.0)
        precisions[judged.category].append(hits / len(found) if found else 1.0)
        if recalls[judged.category][-1] < 1 or precisions[judged.category][-1] < 1:
            misses.append((judged, len(expected), len(found), hits))
    table = {category: (mean(recalls[category]), mean(precisions[category])) for category in recalls}
    return table, misses


def report(world, answers):
    lines = [f"{'category':<22}{'queries':>8}" + "".join(f"{engine + ' R/P':>24}" for engine in ENGINES)]
    tables = {engine: scores(world, answers, engine) for engine in ENGINES}
    for category in CATEGORIES:
        count = sum(judged.category == category for judged in JUDGED)
        cells = ""
        for engine in ENGINES:
            table, _misses = tables[engine]
            if category == NONE:
                empty = sum(
                    not answers[engine, index]["newest"]
                    for index, judged in enumerate(JUDGED)
                    if judged.category == NONE
                )
                cells += f"{f'{empty}/{count} empty':>24}"
            else:
                recall, precision = table[category]
                cells += f"{f'{recall:.3f} / {precision:.3f}':>24}"
        lines.append(f"{category:<22}{count:>8}{cells}")
    for judged, expected, found, hits in tables["database"][1]:
        lines.append(f"  imperfect: {judged.kind}?q={judged.query}: judged {expected}, found {found}, both {hits}")
    return "\n".join(lines), tables


def test_recall_and_precision_per_category(world, answers, capsys):
    text, tables = report(world, answers)
    with capsys.disabled():
        print("\n\nJudged German queries (macro-averaged recall / precision per category)\n" + text)
    for engine, (table, _misses) in tables.items():
        for category, (recall, precision) in table.items():
            assert recall >= MIN_RECALL, f"{engine}: recall of {category} is {recall:.3f}"
            assert precision >= MIN_PRECISION, f"{engine}: precision of {category} is {precision:.3f}"
