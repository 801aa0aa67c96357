"""German full-text search through the listings' URLs, on both engines: what a librarian types finds what she
means, and a search that finds nothing still offers corrections and the pages with some of its words."""

import pytest

from bibnetz_wagtail.search.text_index import corpus

from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TopicFactory
from ..helpers import soup_of, text_of


def found(client, path, q):
    response = client.get(path, {"q": q, "format": "json"})
    assert response.status_code == 200
    return response.json()


def titles(client, path, q):
    return {result["title"] for result in found(client, path, q)["results"]}


@pytest.fixture
def library(index_pages):
    return LibraryProfilePageFactory(title="Gemeindebibliothek Uhlstädt", municipality="Uhlstädt")


@pytest.fixture
def measures(library):
    reading = TopicFactory(slug="lesefoerderung", name="Leseförderung")
    pages = {
        "kino": MeasurePageFactory(parent=library, title="Bilderbuchkino am Nachmittag", summary="Für Kinder."),
        "cafe": MeasurePageFactory(parent=library, title="Lesecafé für Seniorinnen", summary="Jeden Dienstag."),
        "lesen": MeasurePageFactory(
            parent=library, title="Vorlesen mit Paten", summary="Ehrenamtliche lesen Kindern vor.", topics=[reading]
        ),
        "tablet": MeasurePageFactory(parent=library, title="Tablet-Sprechstunde", summary="Etablierte Hilfe."),
        "rallye": MeasurePageFactory(parent=library, title="Rallye durch die Bücherei", summary="Mit Fragebogen."),
    }
    return pages


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Kindern", {"kino", "lesen"}),  # inflection: „Kinder“ and „Kindern“
        ("Kind", {"kino", "lesen"}),
        ("Seniorinnen", {"cafe"}),
        ("Senioren", {"cafe"}),  # the feminine plural is found by the common form
        ("Lesecafe", {"cafe"}),  # accent folding
        ("LESECAFÉ", {"cafe"}),
        ("Kino", {"kino"}),  # a word finds the compounds it ends
        ("Buch", {"kino", "rallye"}),  # … and those it is part of („Bücherei“ too: the ü is folded)
        ("Tablet", {"tablet"}),  # but not any word that happens to contain it („Etablierte“)
        ("Buecherei", {"rallye"}),  # umlaut written out
        ("Bucherei", {"rallye"}),
        ("Uhlstaedt", {"kino", "cafe", "lesen", "tablet", "rallye"}),  # the library's municipality
        ("Leseförderung", {"lesen"}),  # the label of a topic
        ("Lesefoerderung", {"lesen"}),
        ("Vorlesn", {"lesen"}),  # one typo in a word of five letters or more
        ("Vorlseen", {"lesen"}),  # a transposition is one typo
        ("Bilderbuchkino Nachmittag", {"kino"}),  # every word
        ("Quantenphysik", set()),
    ],
)
def test_what_a_librarian_types_finds_what_she_means(client, served_by, measures, q, expected):
    assert titles(client, "/massnahmen/", q) == {measures[key].title for key in expected}


def test_a_title_match_ranks_before_a_summary_match(client, served_by, measures):
    results = found(client, "/massnahmen/", "Kinder")["results"]
    # „Bilderbuchkino“ is newer, but „Kindern“ is only in the other one's summary and so is „Kinder“ in its.
    assert [result["title"] for result in found(client, "/massnahmen/", "Paten Kinder")["results"]] == [
        measures["lesen"].title
    ]
    assert len(results) == 2


class TestNothingFound:
    def test_a_misspelt_word_gets_corrections_with_counts_as_links(self, client, served_by, measures):
        answer = found(client, "/massnahmen/", "Bilderbuchkinno Nachmitag")
        assert answer["count"] == 1  # both words within one edit: corrected without asking
        answer = found(client, "/massnahmen/", "Bilderbukino")  # two edits: nothing, but a suggestion
        assert answer["count"] == 0
        assert answer["corrections"] == [{"q": "Bilderbuchkino", "word": "Bilderbuchkino", "count": 1}]
        page = soup_of(client, "/massnahmen/?q=Bilderbukino")
        [link] = page.select(".bibnetz-corrections a")
        assert text_of(link) == "Bilderbuchkino" and "q=Bilderbuchkino" in link["href"]
        assert "Meinten Sie" in text_of(page.select_one(".bibnetz-corrections"))

    def test_several_words_offer_the_pages_with_most_of_them_in_a_section_of_their_own(
        self, client, served_by, measures
    ):
        answer = found(client, "/massnahmen/", "Lesecafé Kinder Dienstag")
        assert answer["count"] == 0 and answer["results"] == []
        assert answer["partial"]["count"] == 3
        # Two of the three words first, then one each (newest first among equals).
        partial = [result["title"] for result in answer["partial"]["results"]]
        assert partial[0] == measures["cafe"].title
        assert set(partial[1:]) == {measures["kino"].title, measures["lesen"].title}
        page = soup_of(client, "/massnahmen/?q=Lesecaf%C3%A9+Kinder+Dienstag")
        section = page.select_one(".bibnetz-partial")
        assert "Ergebnisse mit einem Teil der Wörter" in text_of(section)
        assert len(section.select(".bibnetz-card")) == 3
        assert "Kein Ergebnis enthält alle Wörter der Suche." in text_of(page.select_one(".bibnetz-empty"))

    def test_results_or_one_word_have_no_partial_section(self, client, served_by, measures):
        assert found(client, "/massnahmen/", "Lesecafé Dienstag")["partial"] is None
        assert found(client, "/massnahmen/", "Quantenphysik")["partial"] is None
        assert found(client, "/massnahmen/", "Quantenphysik")["corrections"] == []


def test_private_toolkit_results_are_not_searchable_and_never_suggested(client, served_by, world):
    # Library B keeps its toolkit results (Schulkooperation) to itself; library C publishes the same result.
    assert titles(client, "/bibliotheken/", "Schulkooperation") == {world.libraries["c"].title}
    assert titles(client, "/massnahmen/", "Schulkooperation") == set()  # m3 of library B carries it
    assert found(client, "/massnahmen/", "Schulkooperatio")["count"] == 0
    assert "schulkooperation" not in corpus("measures")


def test_labels_of_terms_are_searched_state_and_type_too(client, served_by, world):
    assert titles(client, "/bibliotheken/", "Niedersachsen") == {world.libraries["c"].title}
    assert titles(client, "/massnahmen/", "Dritter Ort") == {world.measures["m1"].title}
    assert titles(client, "/aufgaben-teilen/", "Dritter Ort") == {world.tasks["k2"].title}
