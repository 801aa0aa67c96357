"""Printed listings and detail pages: the content in black on white, without filters, forms and navigation."""

import re

from playwright.sync_api import expect

from .helpers import CARD_LINKS

HIDDEN_ON_PAPER = [
    ".bibnetz-facets-area",
    "#bibnetz-search-form",
    ".bibnetz-compare",
    ".bibnetz-pagination",
    ".site-nav",
]


def colours(locator):
    return locator.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el.closest('.bibnetz')).backgroundColor]"
    )


def test_a_printed_listing_shows_the_results_only(page):
    page.goto("/massnahmen/?status=established")
    page.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        locator = page.locator(selector)
        assert locator.count(), f"{selector} is not on the page"
        expect(locator.first).to_be_hidden()
    expect(page.locator(".bibnetz-button").first).to_be_hidden()
    expect(page.locator("#bibnetz-results-heading")).to_be_visible()
    expect(page.locator(CARD_LINKS).first).to_be_visible()
    assert colours(page.locator(".bibnetz-card__summary").first) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_a_printed_detail_page_keeps_its_content_and_shows_where_links_lead(page, site):
    page.goto(site.pages["library"])
    page.emulate_media(media="print")
    expect(page.locator(".bibnetz h1")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".bibnetz-chart__svg").first).to_be_visible()
    assert colours(page.locator(".bibnetz h1")) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    for colour in page.locator(".bibnetz p").evaluate_all("els => els.map(el => getComputedStyle(el).color)"):
        assert colour in ("rgb(0, 0, 0)", "rgb(51, 51, 51)"), f"printed text in {colour}"
    website = page.locator('.bibnetz a[href^="http"]').first
    after = website.evaluate("el => getComputedStyle(el, '::after').content")
    assert re.search(r"https?://", after), f"the printed link does not show its address: {after!r}"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
