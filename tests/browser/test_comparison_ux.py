"""The comparison in a real browser, on a desktop and on a phone: a mistyped figure keeps its text and the
results, and a library's consecutive measures fold under its first one and open with a click."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import CARD_LINKS


@pytest.fixture(params=["page", "phone_page"])
def any_page(request):
    return request.getfixturevalue(request.param)


def test_a_mistyped_figure_keeps_its_text_and_the_results(any_page, screenshot):
    any_page.goto("/massnahmen/")
    compare = any_page.locator(".bibnetz-compare")
    compare.locator("summary").click()
    compare.get_by_label("Einwohnerzahl").fill("8.000")
    compare.get_by_label("Personal (VZÄ)").fill("zwei")
    compare.get_by_role("button", name="Ähnliche zuerst zeigen").click()

    expect(any_page).to_have_url(re.compile(r"like_fte=zwei"))
    error = any_page.locator("#bibnetz-like-fte-field .bibnetz-field-error")
    expect(error).to_have_text("Bitte geben Sie eine Zahl ein, z. B. 2,5.")
    expect(compare.get_by_label("Personal (VZÄ)")).to_have_value("zwei")
    expect(any_page.locator(CARD_LINKS).first).to_be_visible()
    expect(
        any_page.locator(".bibnetz-chip").filter(has_text="Vergleich mit Ihren Angaben (8.000 Einwohner)")
    ).to_be_visible()
    screenshot(any_page, "figure-error")

    # Corrected, the error goes away in place.
    compare.get_by_label("Personal (VZÄ)").fill("2,5")
    compare.get_by_role("button", name="Ähnliche zuerst zeigen").click()
    expect(error).to_have_count(0)


def test_a_librarys_measures_fold_and_open(any_page, site, screenshot):
    any_page.goto(f"/massnahmen/?similar_to={site.pages['library_id']}")
    more = any_page.locator("details.bibnetz-run__more").first
    expect(more).to_be_visible()
    summary = more.locator("summary")
    expect(summary).to_have_text(re.compile(r"^\+\d+ weitere Maßnahmen? dieser Bibliothek"))
    folded = more.locator(CARD_LINKS).first
    expect(folded).to_be_hidden()
    screenshot(any_page, "folded")
    summary.click()
    expect(folded).to_be_visible()
    screenshot(any_page, "opened")
