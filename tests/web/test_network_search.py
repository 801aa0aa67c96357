"""„Suche im Netzwerk“: one search text in every listing, with the same counts as the listings themselves."""

from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import (
    LibraryProfilePageFactory,
    MeasurePageFactory,
    TaskSharePageFactory,
    ToolkitResultFactory,
)

pytestmark = pytest.mark.django_db

URL = "/netzwerk/suche/"
LISTING_PATHS = {"libraries": "/bibliotheken/", "measures": "/massnahmen/", "tasks": "/aufgaben-teilen/"}
QUERIES = ["Bücherei", "Kinder lesen", "Tablet", "Ort", "Buecherei Aheim", "nichts davon"]


def network(client, q, **params):
    response = client.get(URL, {"q": q, "format": "json", **params})
    assert response.status_code == 200, response.content
    return response.json()


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_counts_are_the_listings_counts(client, served_by, world):
    for q in QUERIES:
        listings = network(client, q)["listings"]
        for kind, path in LISTING_PATHS.items():
            own = client.get(path, {"q": q, "format": "json"}).json()
            assert listings[kind]["count"] == own["count"], (q, kind)
            assert [result["id"] for result in listings[kind]["results"]] == [
                result["id"] for result in own["results"][:3]
            ], (q, kind)


def test_json_shape(client, served_by, world):
    data = network(client, "Bücherei")

    assert set(data) == {"q", "listings"} and data["q"] == "Bücherei"
    assert set(data["listings"]) == {"libraries", "measures", "tasks"}
    assert {kind: listing["count"] for kind, listing in data["listings"].items()} == {
        "libraries": 2,
        "measures": 3,
        "tasks": 1,
    }
    for listing in data["listings"].values():
        assert set(listing) == {"count", "url", "results"}
        assert len(listing["results"]) == min(listing["count"], 3)
    listing_result = client.get("/massnahmen/", {"q": "Bücherei", "format": "json"}).json()["results"][0]
    assert data["listings"]["measures"]["results"][0] == listing_result


def test_links_lead_to_each_listing_with_the_search_text(client, world):
    data = network(client, "Kinder & lesen")

    for kind, path in LISTING_PATHS.items():
        url = urlparse(data["listings"][kind]["url"])
        assert (url.scheme, url.netloc, url.path) == ("http", "testserver", path)
        assert parse_qs(url.query) == {"q": ["Kinder & lesen"]}


def test_the_page_shows_each_listing_with_its_first_results(client, world):
    for n in range(4):
        MeasurePageFactory(parent=world.libraries["a"], title=f"Vorlesen {n}", summary="Wir lesen Kindern vor.")
    page = soup(client.get(URL, {"q": "lesen"}))

    assert page.select_one("h1").get_text(strip=True) == "Suche im Netzwerk"
    field = page.select_one("form[role=search] input[name=q]")
    assert field["value"] == "lesen"
    assert page.select_one(f"label[for={field['id']}]").get_text(strip=True)
    sections = {section.h2.get_text(" ", strip=True): section for section in page.select("section.bibnetz-results")}
    assert list(sections) == ["Maßnahmen (5)", "Aufrufe zum Aufgabenteilen (0)", "Bibliotheken (0)"]
    measures = sections["Maßnahmen (5)"]
    assert len(measures.select("article.bibnetz-card")) == 3
    assert measures.select_one(".bibnetz-card__highlight mark").get_text() == "lesen"
    link = measures.select_one(".bibnetz-network-search__all a")
    assert link.get_text() == "Alle 5 Maßnahmen anzeigen"
    assert link["href"] == "http://testserver/massnahmen/?q=lesen"
    assert sections["Bibliotheken (0)"].select_one(".bibnetz-network-search__all") is None
    assert "Hier wurde nichts gefunden." in sections["Bibliotheken (0)"].get_text()


def test_without_a_search_text_only_the_form_shows(client, world):
    response = client.get(URL)

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("form[role=search] input[name=q]")
    assert not page.select("section.bibnetz-results") and not page.select("article")
    assert network(client, "") == {"q": "", "listings": {}}
    assert network(client, "   ") == {"q": "", "listings": {}}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x" * 201}, "Der Suchtext ist zu lang"),
        ({"q": "lesen", "format": "xml"}, "Unbekanntes Format"),
    ],
)
def test_bad_input_is_a_german_400(client, world, params, message):
    response = client.get(URL, params)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert soup(response).select_one("form[role=search]")


def test_bad_input_in_json_is_a_german_400(client, world):
    response = client.get(URL, {"q": "x" * 201, "format": "json"})

    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("Der Suchtext ist zu lang")


@pytest.mark.parametrize("q", ["\x00lesen\x1f", "<script>alert(1)</script>", "OR * field:x \\", "ä" * 200])
def test_odd_search_texts_are_answered(client, served_by, world, q):
    assert client.get(URL, {"q": q}).status_code == 200
    assert client.get(URL, {"q": q, "format": "json"}).status_code == 200


def queries(client, q):
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, {"q": q}).status_code == 200
    return len(context.captured_queries)


def test_the_number_of_queries_is_constant(client, world, django_assert_max_num_queries):
    queries(client, "Bücherei")  # fills Wagtail's site cache and the corpus of terms
    few = queries(client, "Bücherei")
    for n in range(6):
        library = LibraryProfilePageFactory(
            title=f"Bücherei Nummer {n}", toolkit=[world.toolkit["t1"]], toolkit_results_public=True
        )
        MeasurePageFactory(parent=library, topics=list(world.topics.values()), target_groups=[world.groups["kinder"]])
        TaskSharePageFactory(parent=library, topics=[world.topics["lesen"]], toolkit=[world.toolkit["t1"]])
    queries(client, "Bücherei")
    assert queries(client, "Bücherei") == few
    with django_assert_max_num_queries(40):
        client.get(URL, {"q": "Bücherei", "format": "json"})


@pytest.fixture
def secrets(world):
    """A library that keeps its toolkit result private, with a measure carrying that result."""
    hidden = ToolkitResultFactory(slug="verborgen", name="Verborgenes Ergebnis")
    library = LibraryProfilePageFactory(
        title="Geheimbücherei",
        toolkit_results_public=False,
        toolkit=[hidden],
        contact_person="Gerda Vertraulich",
        contact_email="gerda@geheim.example",
        contact_phone="+49 30 99999",
    )
    MeasurePageFactory(parent=library, title="Stilles Projekt", toolkit=[hidden])
    return library


def test_nothing_private_is_found_or_shown(client, served_by, secrets):
    for q in ("Verborgenes Ergebnis", "Vertraulich", "gerda", "99999"):
        data = network(client, q)
        assert all(listing["count"] == 0 for listing in data["listings"].values()), q

    for q in ("Geheimbücherei", "Stilles Projekt"):
        html = client.get(URL, {"q": q}).content.decode()
        text = client.get(URL, {"q": q, "format": "json"}).content.decode()
        assert "Geheimbücherei" in html and "Geheimbücherei" in text
        for secret in ("Verborgen", "verborgen", "Vertraulich", "gerda@geheim.example", "99999"):
            assert secret not in html and secret not in text, (q, secret)
