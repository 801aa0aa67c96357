"""A comparison that does not mislead: examples that do not look like values, a chip that names what is compared,
the member's own library first, and a library's consecutive results folded in the likeness order."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bibnetz_wagtail.models import Membership

from ..factories import MeasurePageFactory, TaskSharePageFactory
from ..helpers import RESULT_KEYS, soup_of, text_of

pytestmark = pytest.mark.django_db


def chip_texts(page):
    return [text_of(chip).removesuffix(" × (Filter entfernen)") for chip in page.select(".bibnetz-chip")]


class TestForm:
    def test_examples_are_placeholders_with_a_hint_and_no_value(self, client, world):
        page = soup_of(client, "/massnahmen/")
        population = page.select_one("#bibnetz-like-population")
        assert population["placeholder"] == "z. B. 8.000" and population["value"] == ""
        assert page.select_one("#bibnetz-like-fte")["placeholder"] == "z. B. 2,5"
        hint = page.select_one(f"#{population['aria-describedby']}")
        assert text_of(hint) == "Einwohner der Gemeinde"
        assert population["inputmode"] == "numeric" and page.select_one("#bibnetz-like-fte")["inputmode"] == "decimal"

    def test_typed_figures_are_named_in_the_chip(self, client, world):
        page = soup_of(client, "/massnahmen/?like_population=8000&like_area=250&like_fte=2.5")
        assert "Vergleich mit Ihren Angaben (8.000 Einwohner, 250 m², 2,5 VZÄ)" in chip_texts(page)
        assert "Vergleich mit einer Bibliothek" not in page.decode()
        # The typed text stays as typed in the form.
        assert page.select_one("#bibnetz-like-fte")["value"] == "2.5"

    def test_a_chosen_library_is_named_in_the_chip(self, client, world):
        page = soup_of(client, f"/massnahmen/?similar_to={world.libraries['b'].pk}")
        assert "Vergleich mit Bücherei Behausen" in chip_texts(page)

    def test_anonymous_visitors_get_no_own_library(self, client, world):
        page = soup_of(client, "/massnahmen/")
        assert not page.select("#bibnetz-similar-to optgroup[label='Unsere Bibliothek']")

    def test_members_get_their_library_as_the_first_choice(self, client, world):
        user = get_user_model().objects.create_user("leitung", "leitung@cestadt.example", "Lesesaal-im-Dorf-2025")
        Membership.objects.create(user=user, library=world.libraries["c"])
        client.force_login(user)
        page = soup_of(client, f"/massnahmen/?similar_to={world.libraries['c'].pk}")
        options = page.select("#bibnetz-similar-to option")
        assert options[0]["value"] == ""
        assert text_of(options[1]) == "Unsere Bibliothek (Stadtbibliothek Cestadt)"
        assert options[1].find_parent("optgroup")["label"] == "Unsere Bibliothek"
        assert [option["value"] for option in options if option.has_attr("selected")] == [str(world.libraries["c"].pk)]
        assert "Vergleich mit Stadtbibliothek Cestadt" in chip_texts(page)


# --- Folding a library's consecutive results --------------------------------------------------------------


@pytest.fixture
def crowded(world):
    """Library a gets four more measures: with a reference like a, its six measures come first."""
    for number in range(4):
        MeasurePageFactory(parent=world.libraries["a"], title=f"Weitere Idee {number}", summary="Noch eine.")
    return world


def runs_of(page):
    """(title of the first card, [titles folded under it]) per run, in page order."""
    runs = []
    for item in page.select("ol.bibnetz-cards > li"):
        if item.find_parent("details"):
            continue
        first = text_of(item.select_one(".bibnetz-card__title"))
        folded = [text_of(title) for title in item.select("details.bibnetz-run__more .bibnetz-card__title")]
        runs.append((first, folded))
    return runs


def contract_titles(client, querystring):
    return [result["title"] for result in client.get(f"/massnahmen/?format=json&{querystring}").json()["results"]]


class TestFolding:
    def test_consecutive_results_of_a_library_fold_under_the_first(self, client, served_by, crowded):
        querystring = f"similar_to={crowded.libraries['a'].pk}"
        page = soup_of(client, f"/massnahmen/?{querystring}")
        runs = runs_of(page)
        # The order is exactly the contract's; only the display folds it.
        assert [title for first, folded in runs for title in [first, *folded]] == contract_titles(client, querystring)
        assert [len(folded) for _first, folded in runs] == [5, 0, 0]
        summary = page.select_one("details.bibnetz-run__more > summary")
        assert text_of(summary) == "+5 weitere Maßnahmen dieser Bibliothek (Bücherei Aheim)"
        assert not page.select_one("details.bibnetz-run__more").has_attr("open")  # opens without a script
        assert text_of(page.select_one(".bibnetz-results__count")) == "8 Ergebnisse"

    def test_one_more_is_singular(self, client, world):
        page = soup_of(client, f"/massnahmen/?similar_to={world.libraries['a'].pk}")
        summary = page.select_one("details.bibnetz-run__more > summary")
        assert text_of(summary).startswith("+1 weitere Maßnahme dieser Bibliothek")

    def test_calls_fold_too(self, client, world):
        TaskSharePageFactory(parent=world.libraries["a"], title="Zweiter Aufruf")
        page = soup_of(client, "/aufgaben-teilen/?like_population=4999&like_area=100&like_fte=1")
        assert text_of(page.select_one("details.bibnetz-run__more > summary")).startswith(
            "+1 weiterer Aufruf dieser Bibliothek"
        )

    @pytest.mark.parametrize("querystring", ["", "sort=newest&like_population=4999"])
    def test_other_orders_do_not_fold(self, client, crowded, querystring):
        page = soup_of(client, f"/massnahmen/?{querystring}")
        assert not page.select("details.bibnetz-run__more")
        assert len(runs_of(page)) == 8

    def test_a_run_ends_where_the_page_ends(self, client, crowded):
        page = soup_of(client, f"/massnahmen/?similar_to={crowded.libraries['a'].pk}&per_page=4")
        assert [len(folded) for _first, folded in runs_of(page)] == [3]

    def test_library_listing_never_folds(self, client, crowded):
        page = soup_of(client, f"/bibliotheken/?similar_to={crowded.libraries['a'].pk}")
        assert not page.select("details.bibnetz-run__more")

    def test_json_is_unchanged(self, client, crowded):
        data = client.get(f"/massnahmen/?format=json&similar_to={crowded.libraries['a'].pk}").json()
        assert set(data["results"][0]) == RESULT_KEYS

    def test_folding_costs_no_queries(self, client, crowded):
        def queries(url):
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            return len(context.captured_queries)

        reference = "like_population=4999&like_area=100&like_fte=1"
        queries("/massnahmen/")  # fills Wagtail's site cache
        assert queries(f"/massnahmen/?{reference}") == queries(f"/massnahmen/?{reference}&sort=newest")
