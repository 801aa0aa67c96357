"""Progressive enhancement of the listings by bibnetz.js.

The contract: once bound, the listing root ``.bibnetz-listing`` carries ``data-bibnetz-enhanced="true"``; a
facet click replaces the region ``#bibnetz-listing-body`` in place (no navigation) while it is marked
``aria-busy``, ``#bibnetz-status`` (role=status, aria-live=polite) announces the result sentence, the address
is updated with pushState, and going back restores the previous results.
"""

import re

from playwright.sync_api import expect

from .helpers import card_paths, expect_result_count, pick_facet_value, result_count

WATCH_BUSY = """() => {
  window.__marker = 1;
  window.__busySeen = false;
  new MutationObserver(records => {
    for (const record of records) {
      const nodes = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
      const busy = node => node.nodeType === 1 && node.getAttribute('aria-busy') === 'true';
      if (nodes.some(busy)) window.__busySeen = true;
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy']});
}"""


def open_enhanced(page, path="/massnahmen/"):
    page.goto(path)
    expect(page.locator(".bibnetz-listing")).to_have_attribute("data-bibnetz-enhanced", "true")


def test_listing_is_enhanced_with_a_live_status(page):
    open_enhanced(page)
    expect(page.locator("#bibnetz-listing-body")).to_have_count(1)
    status = page.locator("#bibnetz-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")


def test_facet_click_updates_the_results_in_place_and_back_restores_them(page):
    open_enhanced(page)
    before_count = result_count(page)
    before_cards = card_paths(page)
    history_length = page.evaluate("history.length")
    page.evaluate(WATCH_BUSY)

    link, topic, count, _label = pick_facet_value(page, "topic", below=before_count)
    link.click()
    expect(page).to_have_url(re.compile(rf"[?&]topic={re.escape(topic)}(&|$)"))
    expect_result_count(page, count)
    status = page.locator("#bibnetz-status")
    expect(status).to_contain_text(re.compile(rf"(^|\D){count}(\D|$)"))
    expect(status).not_to_contain_text(re.compile(r"\bresults?\b"))  # in German, like the page
    expect(page.locator("#bibnetz-listing-body")).to_have_count(1)
    expect(page.locator("[aria-busy='true']")).to_have_count(0)
    assert page.evaluate("window.__marker") == 1, "the click loaded a new page instead of updating this one"
    assert page.evaluate("window.__busySeen"), "the results region was never marked aria-busy while loading"
    assert page.evaluate("history.length") == history_length + 1, "the new address was not pushed"
    assert card_paths(page) != before_cards

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"[?&]topic="))
    expect_result_count(page, before_count)
    assert card_paths(page) == before_cards
    expect(page.locator("[aria-busy='true']")).to_have_count(0)


def test_enhanced_listing_keeps_working_across_several_clicks(page):
    """After an in-place update the new facet links are bound too, and a chip removes its filter in place."""
    open_enhanced(page)
    total = result_count(page)
    page.evaluate("window.__marker = 1")

    link, _topic, topic_count, topic_label = pick_facet_value(page, "topic", below=total)
    link.click()
    expect_result_count(page, topic_count)
    link, band, band_count, _band_label = pick_facet_value(page, "population", below=topic_count)
    link.click()
    expect(page).to_have_url(re.compile(rf"[?&]population={re.escape(band)}(&|$)"))
    expect_result_count(page, band_count)

    page.locator(".bibnetz-chip").filter(has_text=topic_label).click()
    expect(page).not_to_have_url(re.compile(r"[?&]topic="))
    expect(page).to_have_url(re.compile(rf"[?&]population={re.escape(band)}(&|$)"))
    assert page.evaluate("window.__marker") == 1, "a later click loaded a new page"
