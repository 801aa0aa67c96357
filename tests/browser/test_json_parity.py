"""The HTML listing and its ``?format=json`` twin answer the same filtered query with the same results."""

from urllib.parse import urlencode, urlsplit

import pytest

from .helpers import CARD_LINKS, LISTINGS, likeness_values, result_count


def narrowing_filters(data):
    """Two filters from the facets of an unfiltered JSON answer: the largest term value and band value that
    each keep some but not all results."""
    total = data["count"]
    bands = {"population", "area", "fte"}
    chosen = {}
    for key, values in data["facets"].items():
        kind = "band" if key in bands else "term"
        for value in values:
            if 0 < value["count"] < total and (kind not in chosen or value["count"] > chosen[kind][2]):
                chosen[kind] = (key, value["value"], value["count"])
    return [(key, value) for key, value, _count in chosen.values()]


def json_of(page, path):
    response = page.request.get(path)
    assert response.ok, f"{path}: {response.status}"
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_html_and_json_show_the_same_results(page, listing):
    base = LISTINGS[listing]
    filters = narrowing_filters(json_of(page, f"{base}?format=json"))
    assert len(filters) == 2, filters
    path = f"{base}?{urlencode(filters)}"

    page.goto(path)
    data = json_of(page, f"{path}&format=json")
    assert data["count"] > 0
    assert result_count(page) == data["count"]
    assert page.locator(CARD_LINKS).all_inner_texts() == [result["title"] for result in data["results"]]
    html_paths = [urlsplit(href).path for href in page.locator(CARD_LINKS).evaluate_all("els => els.map(e => e.href)")]
    assert html_paths == [urlsplit(result["url"]).path for result in data["results"]]


def test_html_and_json_rank_the_same_libraries_alike(page, site):
    path = f"/bibliotheken/?similar_to={site.pages['library_id']}&per_page=10"
    page.goto(path)
    data = json_of(page, f"{path}&format=json")
    assert page.locator(CARD_LINKS).all_inner_texts() == [result["title"] for result in data["results"]]
    shown = likeness_values(page)
    assert len(shown) == len(data["results"]) == 10
    for percent, result in zip(shown, data["results"]):
        assert abs(percent - 100 * result["likeness"]) <= 0.5 + 1e-9, (percent, result["likeness"])
