"""The listing pages as people use them: collapsible facet groups, result cards with figures and the reason
for their likeness, suggestions for an empty result, and the hooks the in-place updates of bibnetz.js use."""

from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bibnetz_wagtail.search.engines.database import DatabaseEngine
from bibnetz_wagtail.search.query import Reference, metric_similarity
from bibnetz_wagtail.web.context import MAX_SUGGESTIONS
from bibnetz_wagtail.web.likeness import SIMILAR_FROM, likeness_reason, similar_figures

from ..helpers import soup_of, text_of

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def groups_of(page):
    return {group["data-facet"]: group for group in page.select("details.bibnetz-facet")}


@pytest.fixture
def searches(monkeypatch):
    """How many times the engine was asked to search during a request."""
    calls = []
    search = DatabaseEngine.search

    def counting(self, query, vocabulary=None):
        calls.append(query)
        return search(self, query, vocabulary=vocabulary)

    monkeypatch.setattr(DatabaseEngine, "search", counting)
    return calls


# --- Facet groups ----------------------------------------------------------------------------------


class TestFacetGroups:
    def test_groups_fold_and_open_where_it_matters(self, client, world):
        groups = groups_of(soup_of(client, "/massnahmen/?state=BY"))
        opened = {key for key, group in groups.items() if group.has_attr("open")}
        # The first two groups, the one with a selection and the size bands; the rest starts folded.
        assert opened == {"topic", "target_group", "state", "population", "area", "fte"}
        assert {"toolkit", "status", "cost", "effort", "library_type"} <= set(groups) - opened

    def test_a_selection_opens_its_group_wherever_it_is(self, client, world):
        groups = groups_of(soup_of(client, "/bibliotheken/?toolkit=t1"))
        assert groups["toolkit"].has_attr("open")
        groups = groups_of(soup_of(client, "/bibliotheken/"))
        assert not groups["toolkit"].has_attr("open")
        assert groups["state"].has_attr("open") and groups["library_type"].has_attr("open")

    def test_every_value_shows_its_count(self, client, served_by, world):
        query = "topic=lesen&population=0-5000"
        facets = client.get(f"/massnahmen/?{query}&format=json").json()["facets"]
        groups = groups_of(soup_of(client, f"/massnahmen/?{query}"))
        for key, values in facets.items():
            shown = {
                link["data-value"]: int(link.select_one(".bibnetz-count").get_text())
                for link in groups[key].select("a.bibnetz-facet__link")
            }
            assert shown == {value["value"]: value["count"] for value in values}, key

    def test_summary_says_how_many_values_are_selected(self, client, world):
        page = soup_of(client, "/massnahmen/?topic=lesen&topic=digital&cost=low", **ENGLISH)
        groups = groups_of(page)
        assert text_of(groups["topic"].select_one(".bibnetz-facet__selected")) == "2 selected"
        assert groups["status"].select_one(".bibnetz-facet__selected") is None
        toggle = page.select_one(".bibnetz-facets__toggle")
        assert text_of(toggle.select_one(".bibnetz-facets__active")) == "(3)"
        assert text_of(toggle.select_one(".bibnetz-visually-hidden")) == "(3 active)"

    def test_facets_sit_in_one_panel_that_is_open_without_script(self, client, world):
        panel = soup_of(client, "/massnahmen/").select_one("details.bibnetz-facets")
        assert panel.has_attr("open") and panel["data-bibnetz-details"] == "facets"
        assert panel.find_parent("aside")["aria-label"]
        assert panel.select_one("h2.bibnetz-facets__heading")

    def test_headings_are_in_order(self, client, world):
        page = soup_of(client, "/massnahmen/?like_population=5000")
        levels = [int(heading.name[1]) for heading in page.select("h1, h2, h3, h4, h5, h6")]
        assert levels[0] == 1
        assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:]))


# --- Result cards ---------------------------------------------------------------------------------


class TestResultCards:
    def test_cards_show_the_three_figures(self, client, world):
        card = soup_of(client, "/massnahmen/?topic=maker").select_one(".bibnetz-card")
        figures = text_of(card.select_one(".bibnetz-figures"))
        assert "Einwohnerzahl 100.000" in figures and "Fläche 1.000 m²" in figures and "10 VZÄ" in figures

    def test_without_reference_there_is_no_badge(self, client, world):
        page = soup_of(client, "/massnahmen/")
        assert page.select(".bibnetz-card") and not page.select(".bibnetz-likeness")

    def test_badge_has_percent_and_reason(self, client, world):
        # Like Aheim (4,999 inhabitants, 100 m², 1 FTE) in population and area, not in staff.
        page = soup_of(client, "/bibliotheken/?like_population=5000&like_area=110&like_fte=3", **ENGLISH)
        cards = {text_of(card.select_one(".bibnetz-card__title")): card for card in page.select(".bibnetz-card")}
        aheim = cards["Bücherei Aheim"].select_one(".bibnetz-likeness")
        assert text_of(aheim.select_one(".bibnetz-badge--likeness")).endswith("% similar")
        assert text_of(aheim.select_one(".bibnetz-likeness__reason")) == "similar population, similar floor area"
        cestadt = cards["Stadtbibliothek Cestadt"].select_one(".bibnetz-likeness__reason")
        assert text_of(cestadt) == "different size"

    def test_reason_for_a_library_compared_with_itself(self, client, world):
        library = world.libraries["c"]
        page = soup_of(client, f"/massnahmen/?similar_to={library.pk}", **ENGLISH)
        first = page.select_one(".bibnetz-card")
        assert "Makerspace im Keller" in text_of(first)
        assert text_of(first.select_one(".bibnetz-likeness__reason")) == (
            "similar population, similar floor area, similar staffing"
        )
        assert "100 % similar" in text_of(first.select_one(".bibnetz-badge--likeness"))

    def test_reasons_cost_no_queries(self, client, world):
        def queries(url):
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            return len(context.captured_queries)

        queries("/massnahmen/")  # fills Wagtail's site cache
        assert queries("/massnahmen/?like_population=5000&like_area=100&like_fte=1") == queries("/massnahmen/")


def library(population, area, fte):
    return SimpleNamespace(population=population, floor_area_m2=area, staff_fte=Decimal(str(fte)))


class TestLikenessReason:
    @pytest.fixture(autouse=True)
    def english(self):
        with translation.override("en"):
            yield

    def test_names_each_similar_figure(self):
        reference = Reference(population=10000, area=300, fte=3)
        assert likeness_reason(library(10000, 300, 3), reference) == (
            "similar population, similar floor area, similar staffing"
        )
        assert likeness_reason(library(13000, 600, 3), reference) == "similar population, similar staffing"

    def test_says_so_when_nothing_is_similar(self):
        assert likeness_reason(library(100000, 20, 40), Reference(population=5000, area=300, fte=2)) == "different size"

    def test_only_the_figures_of_the_reference_count(self):
        reference = Reference(population=5000)
        assert similar_figures(library(5200, 5000, 40), reference) == ["population"]
        assert likeness_reason(library(5200, 5000, 40), reference) == "similar population"

    @pytest.mark.parametrize(
        ("value", "similar"),
        # Reference 999: ln(1 + x) is compared, so 1 + x is 1,000 and the limit lies near a factor of 1.48.
        [(999, True), (1449, True), (1519, False), (689, True), (649, False), (1998, False), (499, False)],
    )
    def test_similar_means_within_about_forty_percent(self, value, similar):
        assert (metric_similarity(value, 999) >= SIMILAR_FROM) is similar
        assert (similar_figures(library(value, 0, 0), Reference(population=999)) == ["population"]) is similar

    def test_twice_as_large_is_not_similar(self):
        assert metric_similarity(2 * 1000 + 1, 1000) == pytest.approx(0.5, abs=1e-3)
        assert likeness_reason(library(2001, 300, 3), Reference(population=1000)) == "different size"


# --- Empty results ---------------------------------------------------------------------------------


def suggestions_of(page):
    """(text, link query as a dict or None) of each suggestion, in order."""
    items = []
    for item in page.select(".bibnetz-suggestions li"):
        link = item.find("a")
        items.append((text_of(item), parse_qs(urlsplit(link["href"]).query) if link else None))
    return items


class TestEmptyState:
    def test_each_filter_with_what_is_left_without_it(self, client, served_by, world):
        # Nothing is both a makerspace and established: two established measures, one makerspace.
        page = soup_of(client, "/massnahmen/?topic=maker&status=established&like_population=5000", **ENGLISH)
        assert not page.select(".bibnetz-card")
        assert suggestions_of(page) == [
            ("Without Topic: Makerspace – 2 results", {"status": ["established"], "like_population": ["5000"]}),
            ("Without Status: Established – 1 result", {"topic": ["maker"], "like_population": ["5000"]}),
        ]

    def test_search_text_and_bands_too_and_dead_ends_are_no_links(self, client, world):
        page = soup_of(client, "/massnahmen/?q=Ort&topic=maker&status=established&population=0-5000", **ENGLISH)
        assert suggestions_of(page) == [
            (
                "Without Topic: Makerspace – 1 result",
                {"q": ["Ort"], "status": ["established"], "population": ["0-5000"]},
            ),
            ("Without Search: “Ort” – 0 results", None),
            ("Without Status: Established – 0 results", None),
            ("Without Population: 0 to under 5,000 – 0 results", None),
        ]

    def test_the_suggested_counts_are_what_the_links_give(self, client, world):
        page = soup_of(client, "/massnahmen/?q=e&topic=maker&status=established")
        for link in page.select(".bibnetz-suggestions a"):
            shown = int(text_of(link).rsplit("–", 1)[1].split()[0])
            assert client.get("/massnahmen/" + link["href"] + "&format=json").json()["count"] == shown

    def test_remove_all_filters_keeps_the_comparison(self, client, world):
        page = soup_of(client, "/massnahmen/?topic=maker&status=established&q=Keller&like_area=100&per_page=5")
        reset = page.select_one(".bibnetz-empty a.bibnetz-empty__reset")
        assert parse_qs(urlsplit(reset["href"]).query) == {"like_area": ["100"], "per_page": ["5"]}
        assert page.select_one(".bibnetz-chips__reset")["href"] == reset["href"]

    def test_one_search_per_active_filter_and_only_when_empty(self, client, world, searches):
        client.get("/massnahmen/?topic=lesen&status=established")
        assert len(searches) == 1
        searches.clear()
        client.get("/massnahmen/?q=e&topic=maker&status=established")
        assert len(searches) == 1 + 3
        # Counts only: no facets, no ranking.
        assert all(not query.facets and query.per_page == 1 and query.reference is None for query in searches[1:])

    def test_at_most_a_few_extra_searches(self, client, world, searches):
        many = "q=e&topic=maker&status=established&cost=low&effort=low&state=BY&library_type=town&population=0-5000"
        page = soup_of(client, f"/massnahmen/?{many}")
        assert len(searches) == 1 + MAX_SUGGESTIONS
        assert len(page.select(".bibnetz-suggestions li")) == MAX_SUGGESTIONS

    def test_query_count(self, client, world, django_assert_max_num_queries):
        client.get("/massnahmen/")  # fills Wagtail's site cache
        with CaptureQueriesContext(connection) as context:
            client.get("/massnahmen/?topic=lesen&status=established")
        found = len(context.captured_queries)
        # Per left-out filter one count: the view restrictions, the count and (with results) one id.
        with django_assert_max_num_queries(found + 3 * 3):
            assert client.get("/massnahmen/?q=e&topic=maker&status=established").status_code == 200

    def test_an_empty_listing_without_filters_says_so_and_searches_once(self, client, index_pages, searches):
        page = soup_of(client, "/massnahmen/", **ENGLISH)
        assert text_of(page.select_one(".bibnetz-empty")) == "Nothing has been published here yet."
        assert len(searches) == 1

    def test_only_a_comparison_is_no_filter(self, client, world):
        page = soup_of(client, "/massnahmen/?like_population=5000")
        assert page.select(".bibnetz-chip") and page.select_one(".bibnetz-chips__reset") is None


# --- The hooks of bibnetz.js -----------------------------------------------------------------------


class TestScriptHooks:
    @pytest.fixture
    def page(self, client, world):
        return soup_of(client, "/massnahmen/?per_page=1&topic=lesen&like_population=5000")

    def test_script_is_deferred_from_the_static_files(self, page):
        scripts = [tag for tag in page.find_all("script") if tag.get("src") == static("bibnetz_wagtail/bibnetz.js")]
        assert len(scripts) == 1 and scripts[0].has_attr("defer")
        assert finders.find("bibnetz_wagtail/bibnetz.js")

    def test_root_body_and_live_region(self, page):
        root = page.select_one(".bibnetz-listing")
        body = root.select_one("#bibnetz-listing-body")
        status = root.select_one("#bibnetz-status")
        assert status["role"] == "status" and status["aria-live"] == "polite"
        assert "bibnetz-visually-hidden" in status["class"] and not status.get_text(strip=True)
        assert body not in status.parents and status not in body.descendants
        assert not root.has_attr("data-bibnetz-enhanced") and not body.has_attr("aria-busy")

    def test_everything_that_depends_on_the_query_is_in_the_body(self, page):
        body = page.select_one("#bibnetz-listing-body")
        parts = (".bibnetz-chip", "details.bibnetz-facet", ".bibnetz-card", ".bibnetz-pagination", "#bibnetz-sort")
        for selector in parts:
            assert body.select_one(selector), selector
        # The search field stays outside, so that typing is never interrupted by an update.
        assert page.select_one("#bibnetz-q") not in body.descendants
        assert page.select_one("#bibnetz-q").has_attr("data-bibnetz-live-search")

    def test_results_heading_takes_focus_and_has_the_sentence_to_announce(self, client, world):
        heading = soup_of(client, "/massnahmen/?topic=maker", **ENGLISH).select_one("#bibnetz-results-heading")
        assert heading["tabindex"] == "-1"
        assert heading["data-bibnetz-announce"] == "1 result found"
        assert text_of(heading) == "1 result"

    def test_forms_work_without_script(self, page):
        sort = page.select_one("#bibnetz-sort-form")
        assert sort.has_attr("data-bibnetz-autosubmit") and sort.select_one("button[type=submit]")
        assert page.select_one("label[for=bibnetz-sort]")
        for form_id in ("bibnetz-search-form", "bibnetz-compare-form", "bibnetz-sort-form"):
            form = page.select_one(f"#{form_id}")
            assert form["method"] == "get" and form.select_one("[type=submit]"), form_id
        hidden = {(field["name"], field["value"]) for field in page.select("#bibnetz-search-form input[type=hidden]")}
        assert hidden == {("topic", "lesen"), ("like_population", "5000"), ("per_page", "1")}

    def test_facet_links_name_their_value(self, page):
        link = page.select_one('[data-facet="topic"] a.bibnetz-facet__link[aria-current="true"]')
        assert link["data-value"] == "lesen"

    def test_every_collapsible_part_has_a_key(self, page):
        keys = [details.get("data-bibnetz-details") for details in page.select("#bibnetz-listing-body details")]
        assert all(keys) and len(keys) == len(set(keys))

    def test_script_binds_the_contract(self):
        with open(finders.find("bibnetz_wagtail/bibnetz.js"), encoding="utf-8") as script:
            source = script.read()
        for hook in (
            "bibnetz-listing-body",
            "bibnetz-status",
            "bibnetzEnhanced",
            "aria-busy",
            "pushState",
            "popstate",
            "DOMParser",
            "location.assign",
            "data-bibnetz-autosubmit",
            "data-bibnetz-live-search",
        ):
            assert hook in source, hook
