""" "Libraries like ours": ranking by likeness, from a profile and from typed-in figures."""

import re

from playwright.sync_api import expect

from .helpers import CARD_LINKS, LIKENESS, likeness_values, params_of


def assert_ranked(values):
    assert len(values) >= 2, f"expected several ranked results, got likeness {values}"
    assert values == sorted(values, reverse=True), f"likeness not in descending order: {values}"
    assert all(0 <= value <= 100 for value in values), values


def test_libraries_like_this_one_from_a_profile(page, site):
    page.goto(site.pages["library"])
    title = page.locator("h1").inner_text().strip()
    # „Bibliotheken wie diese“: the profile links to the directory ranked by likeness to this library.
    page.locator('a[href*="/bibliotheken/?"][href*="similar_to="]').first.click()

    expect(page).to_have_url(re.compile(rf"/bibliotheken/\?(.*&)?similar_to={site.pages['library_id']}(&|$)"))
    expect(page.locator(LIKENESS).first).to_be_visible()
    values = likeness_values(page)
    assert len(values) == page.locator(CARD_LINKS).count(), "every result shows its likeness"
    assert_ranked(values)
    # The library itself is the most similar one.
    assert values[0] == 100
    expect(page.locator(CARD_LINKS).first).to_have_text(title)


def test_libraries_like_ours_from_typed_figures(page):
    page.goto("/bibliotheken/")
    compare = page.locator(".bibnetz-compare")
    compare.locator("summary").click()
    compare.get_by_label("Einwohnerzahl").fill("12000")
    compare.get_by_label("Fläche (m²)").fill("350")
    compare.get_by_label("Personal (VZÄ)").fill("2,5")
    compare.get_by_role("button", name="Ähnliche zuerst zeigen").click()

    expect(page).to_have_url(re.compile(r"like_population=12000"))
    params = params_of(page.url)
    assert params["like_area"] == ["350"] and params["like_fte"] == ["2,5"]
    expect(page.locator(LIKENESS).first).to_be_visible()
    values = likeness_values(page)
    assert len(values) == page.locator(CARD_LINKS).count(), "every result shows its likeness"
    assert_ranked(values)
