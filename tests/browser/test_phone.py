"""At phone width (390 px): no sideways scrolling, the filters within reach, results that open."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import CARD_LINKS, LISTINGS, expect_result_count, facet_links, pick_facet_value, result_count

WIDTH = 390
OVERFLOW = """() => {
  const width = document.scrollingElement.scrollWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
    .map(el => el.tagName.toLowerCase() +
               (typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : ''))
    .slice(0, 8);
  return {width, wide};
}"""


def assert_no_sideways_scroll(page):
    overflow = page.evaluate(OVERFLOW)
    assert overflow["width"] <= WIDTH, f"{page.url} scrolls sideways ({overflow['width']} px): {overflow['wide']}"


def reveal_facets(page, key):
    """Bring the facet group ``key`` into view with taps: open the filter panel and the group where the
    phone layout folds them."""
    first = facet_links(page, key).first
    if not first.is_visible():
        toggle = page.get_by_role("button", name=re.compile(r"^\s*Filter")).or_(
            page.locator("summary").filter(has_text=re.compile(r"^\s*Filter"))
        )
        toggle.first.tap()
    if not first.is_visible():
        page.locator(f'[data-facet="{key}"] > summary').tap()
    first.scroll_into_view_if_needed()
    expect(first).to_be_visible()
    expect(first).to_be_in_viewport()


def test_listing_fits_the_phone_and_works(phone_page):
    page = phone_page
    page.goto("/massnahmen/")
    assert_no_sideways_scroll(page)
    total = result_count(page)

    reveal_facets(page, "topic")
    link, topic, count, _label = pick_facet_value(page, "topic", below=total)
    link.tap()
    expect(page).to_have_url(re.compile(rf"[?&]topic={re.escape(topic)}(&|$)"))
    expect_result_count(page, count)
    assert_no_sideways_scroll(page)

    first_result = page.locator(CARD_LINKS).first
    title = first_result.inner_text().strip()
    first_result.scroll_into_view_if_needed()
    first_result.tap()
    expect(page.locator(".bibnetz h1")).to_have_text(title)
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("name", ["libraries", "tasks", "library", "measure", "call"])
def test_page_fits_the_phone(phone_page, site, name):
    path = LISTINGS.get(name) or site.pages[name]
    phone_page.goto(path)
    expect(phone_page.locator(".bibnetz h1")).to_be_visible()
    assert_no_sideways_scroll(phone_page)
