"""Result cards and JSON results quote the page's text around the words a search found, on either engine."""

import pytest
from bs4 import BeautifulSoup

from ..elastic import INDEXING_ENGINE
from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TaskSharePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts(world):
    """Pages whose words sit in the summary, the outcome, a rich-text description and a call's summary."""
    library = LibraryProfilePageFactory(
        title="Gemeindebücherei Dehausen",
        description=(
            '<p>Unser <b>Lesecafé</b> hat <a href="/kino/">sonntags</a> geöffnet.</p><p>Mit Bilderbuchkino.</p>'
        ),
    )
    measure = MeasurePageFactory(
        parent=library,
        title="Kino für Kinder",
        summary="Ein Film im Monat <für> alle & jeden.",
        outcome="Viele Kinder kamen zum Bilderbuchkino; die Kinos der Umgebung staunten.",
    )
    call = TaskSharePageFactory(parent=library, title="Kinonacht planen", summary="Wer plant die Kinonacht mit uns?")
    return {"library": library, "measure": measure, "call": call}


def cards(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {card.select_one(".bibnetz-card__title").get_text(strip=True): card for card in soup.select("article")}


def test_measure_cards_quote_the_first_field_with_a_find(client, served_by, texts):
    card = cards(client, "/massnahmen/?q=Kino")["Kino für Kinder"]

    highlight = card.select_one(".bibnetz-card__highlight")
    assert [mark.get_text() for mark in highlight.select("mark")] == ["Bilderbuchkino", "Kinos"]
    assert "Ein Film im Monat" not in card.get_text()


def test_the_summary_is_quoted_when_it_has_a_find_and_stays_escaped(client, served_by, texts):
    card = cards(client, "/massnahmen/?q=Film")["Kino für Kinder"]

    highlight = card.select_one(".bibnetz-card__highlight")
    assert str(highlight) == (
        '<p class="bibnetz-card__summary bibnetz-card__highlight">Ein <mark>Film</mark> im Monat &lt;für&gt; '
        "alle &amp; jeden.</p>"
    )


def test_a_find_in_the_title_only_shows_the_summary(client, served_by, world):
    card = cards(client, "/massnahmen/?q=Makerspace")["Makerspace im Keller"]

    assert card.select_one(".bibnetz-card__highlight") is None
    assert card.select_one(".bibnetz-card__summary").get_text() == "3D-Druck und Löten."


def test_library_cards_quote_their_description_as_text(client, served_by, texts):
    card = cards(client, "/bibliotheken/?q=Lesecafe")["Gemeindebücherei Dehausen"]

    highlight = card.select_one(".bibnetz-card__highlight")
    assert highlight.decode_contents() == ("Unser <mark>Lesecafé</mark> hat sonntags geöffnet. Mit Bilderbuchkino.")


def test_call_cards_quote_their_summary(client, served_by, texts):
    card = cards(client, "/aufgaben-teilen/?q=Kinonacht")["Kinonacht planen"]

    assert card.select_one(".bibnetz-card__highlight mark").get_text() == "Kinonacht"


def test_without_a_search_text_no_card_quotes(client, texts):
    for path in ("/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"):
        assert not any(card.select(".bibnetz-card__highlight") for card in cards(client, path).values())


def test_json_results_carry_the_highlight(client, served_by, texts):
    found = client.get("/massnahmen/?format=json&q=Kinder").json()["results"]
    plain = client.get("/massnahmen/?format=json").json()["results"]

    by_title = {result["title"]: result for result in found}
    assert by_title["Kino für Kinder"]["highlight"] == (
        "Viele <mark>Kinder</mark> kamen zum Bilderbuchkino; die Kinos der Umgebung staunten."
    )
    assert by_title["Kino für Kinder"]["summary"] == "Ein Film im Monat <für> alle & jeden."
    assert all(result["highlight"] is None for result in plain)


def highlights(client):
    """(listing, id, highlight) of every result of a few searches on every listing."""
    found = []
    for path in ("/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"):
        for q in ("Kino", "Kinder lesen", "Lesecafe", "Bilderbuchkinno", "Ort"):
            data = client.get(path, {"format": "json", "q": q}).json()
            found += [(path, q, result["id"], result["highlight"]) for result in data["results"]]
    return found


def test_highlights_are_the_same_on_both_engines(client, elastic, texts, settings):
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": "database"}
    on_database = highlights(client)
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": INDEXING_ENGINE}
    on_elasticsearch = highlights(client)

    # The same results in the same order (ties break by newest, then id), each with the same snippet.
    assert on_database == on_elasticsearch
    assert sum(highlight is not None for *_found, highlight in on_database) >= 6
