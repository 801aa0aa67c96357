"""The listing pages over HTTP: HTML, JSON shape, bad input, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..helpers import RESULT_KEYS

pytestmark = pytest.mark.django_db

LISTING_PATHS = ["/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"]


class TestJson:
    def test_shape(self, client, served_by, world):
        data = client.get("/massnahmen/?format=json&topic=lesen&like_population=5000").json()
        assert set(data) == {"count", "page", "pages", "per_page", "results", "facets", "corrections", "partial"}
        assert (data["count"], data["page"], data["pages"], data["per_page"]) == (2, 1, 1, 20)
        assert (data["corrections"], data["partial"]) == ([], None)
        result = data["results"][0]
        assert set(result) == RESULT_KEYS
        assert set(result["library"]) == {
            "id",
            "title",
            "population",
            "floor_area_m2",
            "staff_fte",
            "state",
            "library_type",
        }
        assert isinstance(result["library"]["staff_fte"], float)
        assert set(result["terms"]) == {
            "topic",
            "target_group",
            "toolkit",
            "status",
            "cost",
            "effort",
            "state",
            "library_type",
        }
        assert isinstance(result["likeness"], float)
        assert result["url"].startswith("http://") and "/bibliotheken/" in result["url"]
        facet = data["facets"]["topic"][0]
        assert set(facet) == {"value", "label", "count", "selected"}

    def test_terms_let_a_client_recompute_every_count(self, client, served_by, world):
        data = client.get("/massnahmen/?format=json&per_page=100").json()
        for key, values in data["facets"].items():
            if key in ("population", "area", "fte"):
                continue
            for value in values:
                assert value["count"] == sum(value["value"] in r["terms"][key] for r in data["results"]), key

    def test_library_listing_is_its_own_library(self, client, world):
        data = client.get("/bibliotheken/?format=json").json()
        for result in data["results"]:
            assert result["library"]["id"] == result["id"]
        assert data["results"][0]["likeness"] is None

    def test_out_of_range_page_is_empty(self, client, served_by, world):
        data = client.get("/massnahmen/?format=json&page=50").json()
        assert data["results"] == [] and data["count"] == 4 and data["page"] == 50

    def test_bad_input_is_a_400_with_reasons(self, client, world):
        response = client.get("/massnahmen/?format=json&population=abc&page=-1")
        assert response.status_code == 400
        errors = response.json()["errors"]
        assert len(errors) == 2 and all(error.endswith(".") for error in errors)


class TestHtml:
    def test_facets_chips_and_nofollow(self, client, served_by, world):
        response = client.get("/massnahmen/?topic=lesen")
        html = response.content.decode()
        assert response.status_code == 200
        assert 'href="?topic=lesen&amp;topic=digital" rel="nofollow"' in html
        assert 'class="bibnetz-chip" href="?" rel="nofollow"' in html
        assert "Vorlesepaten für Kitas" in html and "Makerspace im Keller" not in html
        assert 'aria-current="true"' in html

    def test_german_by_default(self, client, world):
        html = client.get("/massnahmen/").content.decode()
        assert "Ergebnisse" in html and "Bibliotheken wie unsere" in html

    def test_out_of_range_page_is_404(self, client, served_by, world):
        assert client.get("/massnahmen/?page=2").status_code == 404
        assert client.get("/massnahmen/?page=99999999999999").status_code == 404
        assert client.get("/massnahmen/?page=99999999999999&format=json").json()["results"] == []
        assert client.get("/massnahmen/?status=idea&state=BY").status_code == 200

    def test_pagination_links_keep_filters(self, client, world):
        html = client.get("/massnahmen/?per_page=1&topic=lesen").content.decode()
        assert "?per_page=1&amp;topic=lesen&amp;page=2" in html

    def test_extends_the_host_base_template(self, client, world, settings):
        assert 'class="host-site"' in client.get("/bibliotheken/").content.decode()

    def test_detail_pages_show_library_figures(self, client, world):
        html = client.get(world.measures["m1"].url).content.decode()
        assert "Bücherei Aheim" in html and "4.999" in html and "100 m²" in html
        html = client.get(world.tasks["k2"].url).content.decode()
        assert "Stadtbibliothek Cestadt" in html and "100.000" in html


BAD_INPUTS = [
    "page=-1",
    "page=0",
    "page=abc",
    "page=1e5",
    "page=99999999999999999999999",
    "per_page=0",
    "per_page=101",
    "per_page=-5",
    "per_page=99999999999999999999",
    "per_page=x",
    "population=abc",
    "population=10-5",
    "population=-5-10",
    "area=5",
    "fte=1.234-2",
    "population=5000-5000",
    "sort=random",
    "similar_to=abc",
    "similar_to=999999",
    "similar_to=-1",
    "like_population=-3",
    "like_fte=viel",
    "like_area=1e9",
    "topic=gibt-es-nicht",
    "state=XX",
    "q=" + "x" * 10000,
    'q="',
    "q=OR+*",
    "q=field:x",
    "q=%5C%5C",
    "q=((((",
    "q=%00%01",
    "format=xml",
    "topic=" + "&topic=".join(f"t{n}" for n in range(300)),
    "status=%3Cscript%3Ealert(1)%3C/script%3E",
    "q=%3Cscript%3Ealert(1)%3C/script%3E",
    "population=%3Cscript%3E",
    "like_population=%3Cimg%20src=x%20onerror=alert(1)%3E",
    "similar_to=%3Cscript%3E",
    "q=%F0%9F%93%9A+B%C3%BCcherei",
    "unknown=1",
    "format=json&page=abc",
]


def bad_input_problem(client, path, querystring):
    """What is wrong with the answer to one bad input (None: 200, 400 or 404, German, nothing reflected raw)."""
    response = client.get(f"{path}?{querystring}")
    if response.status_code not in (200, 400, 404):
        return f"{querystring[:80]}: status {response.status_code}"
    body = response.content.decode()
    if "<script>" in body or "<img src=x" in body:
        return f"{querystring[:80]}: markup reflected raw"
    if response.status_code == 400 and "format=json" not in querystring:
        if "bibnetz-errors" not in body or "Diese Filter" not in body:
            return f"{querystring[:80]}: 400 without the German explanation"
    return None


@pytest.mark.parametrize("path", LISTING_PATHS)
def test_bad_input_never_fails_and_is_never_reflected_raw(client, world, path):
    """Every bad input against one world (building it costs far more than the requests); all problems at once."""
    problems = [problem for query in BAD_INPUTS if (problem := bad_input_problem(client, path, query))]
    assert problems == []


def test_too_long_search_text_says_why_in_german(client, world):
    response = client.get("/massnahmen/?q=" + "x" * 10000)
    assert response.status_code == 400
    assert "Suchtext ist zu lang" in response.content.decode()


def listing_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", LISTING_PATHS)
def test_query_count_is_constant(client, world, path, django_assert_max_num_queries):
    from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TaskSharePageFactory

    for n in range(12):
        # Every page has related rows, so that no prefetch is skipped for being empty.
        library = LibraryProfilePageFactory(
            population=1000 + n * 500, toolkit=[world.toolkit["t1"]], toolkit_results_public=True
        )
        MeasurePageFactory(
            parent=library,
            topics=list(world.topics.values()),
            target_groups=[world.groups["kinder"]],
            toolkit=[world.toolkit["t1"]],
        )
        TaskSharePageFactory(parent=library, topics=[world.topics["lesen"]], toolkit=[world.toolkit["t1"]])
    listing_queries(client, path)  # warms Wagtail's site cache, which the first request fills
    small = listing_queries(client, f"{path}?per_page=1")
    large = listing_queries(client, f"{path}?per_page=100")
    filtered = listing_queries(
        client,
        f"{path}?per_page=100&topic=lesen&topic=digital&target_group=kinder&toolkit=t1&state=BY&state=BW"
        "&population=0-5000&population=5000-10000&area=0-100&fte=1-2&q=Bücherei&similar_to="
        f"{world.libraries['a'].pk}&format=json",
    )
    assert small == large
    assert filtered <= large + 1  # the reference library is looked up once
    with django_assert_max_num_queries(30):
        client.get(f"{path}?per_page=100")


def test_every_bad_input_on_elasticsearch(client, world, elastic, settings):
    """The same bad input through the Elasticsearch engine: 200, 400 or 404, never an error."""
    from ..elastic import INDEXING_ENGINE

    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": INDEXING_ENGINE}
    for path in LISTING_PATHS:
        for querystring in BAD_INPUTS + ["page=501&per_page=20", "q=%22OR+*+field:x+%5C"]:
            response = client.get(f"{path}?{querystring}")
            assert response.status_code in (200, 400, 404), (path, querystring)
            assert "<script>" not in response.content.decode()
