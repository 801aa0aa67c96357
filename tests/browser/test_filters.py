"""Filtering a listing by facets and size bands, as a visitor clicks through it."""

import re

from playwright.sync_api import expect

from .helpers import CHIPS, expect_result_count, facet_links, params_of, pick_facet_value, result_count


def test_topic_and_population_band_filter_and_chip_removal(page):
    page.goto("/massnahmen/")
    total = result_count(page)

    link, topic, topic_count, topic_label = pick_facet_value(page, "topic", below=total)
    link.click()
    expect(page).to_have_url(re.compile(rf"[?&]topic={re.escape(topic)}(&|$)"))
    expect_result_count(page, topic_count)
    expect(page.locator(CHIPS).filter(has_text=topic_label)).to_be_visible()
    expect(facet_links(page, "topic").filter(has_text=topic_label)).to_have_attribute("aria-current", "true")

    # The band counts are now counted within the topic: the number on the link is what the click gives.
    link, band, band_count, band_label = pick_facet_value(page, "population", below=topic_count)
    link.click()
    expect(page).to_have_url(re.compile(rf"[?&]population={re.escape(band)}(&|$)"))
    expect_result_count(page, band_count)
    params = params_of(page.url)
    assert params["topic"] == [topic] and params["population"] == [band]
    band_chip = page.locator(CHIPS).filter(has_text=band_label)
    expect(band_chip).to_be_visible()
    expect(page.locator(CHIPS)).to_have_count(2)

    band_chip.click()
    expect(page).not_to_have_url(re.compile(r"[?&]population="))
    expect_result_count(page, topic_count)
    assert params_of(page.url)["topic"] == [topic]
    expect(page.locator(CHIPS)).to_have_count(1)
    expect(page.locator(CHIPS).filter(has_text=band_label)).to_have_count(0)
