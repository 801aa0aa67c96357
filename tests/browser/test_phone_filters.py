"""Filters on a phone (390 px): one „Filter (n)“ control, results on the first screen, one tap back to them."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, new_page
from .helpers import RESULT_HEADING, expect_result_count, facet_links, pick_facet_value, result_count

PANEL = "details.bibnetz-facets"
TOGGLE = ".bibnetz-facets__toggle"
SHOW_RESULTS = ".bibnetz-facets__show"


def enhanced_listing(page, path="/massnahmen/"):
    page.goto(path)
    expect(page.locator(".bibnetz-listing")).to_have_attribute("data-bibnetz-enhanced", "true")


def top_of(page, selector):
    return page.locator(selector).evaluate("el => el.getBoundingClientRect().top")


def open_filters(page, key):
    page.locator(TOGGLE).tap()
    expect(page.locator(PANEL)).to_have_js_property("open", True)
    if not facet_links(page, key).first.is_visible():
        page.locator(f'[data-facet="{key}"] > summary').tap()


def test_results_start_on_the_first_screen_and_filters_are_one_control(phone_page):
    page = phone_page
    enhanced_listing(page, "/massnahmen/?status=established&cost=low")
    expect(page.locator(PANEL)).to_have_js_property("open", False)
    expect(page.locator(TOGGLE)).to_have_text(re.compile(r"^\s*Filter\s+\(2\)"))
    expect(page.locator(TOGGLE)).to_be_in_viewport()
    bottom = page.locator(RESULT_HEADING).evaluate("el => el.getBoundingClientRect().bottom")
    assert bottom < PHONE["viewport"]["height"] - 40, "the results start below the first screen"
    expect(page.locator(".bibnetz-card").first).to_be_in_viewport()


def test_a_tapped_facet_shows_its_count_without_scrolling_and_the_button_leads_to_the_results(phone_page):
    page = phone_page
    enhanced_listing(page)
    total = result_count(page)
    open_filters(page, "topic")
    show = page.locator(SHOW_RESULTS)
    expect(show).to_be_in_viewport()
    expect(show).to_have_text(re.compile(rf"^\s*{total} Ergebnisse anzeigen\s*$"))

    link, _topic, count, _label = pick_facet_value(page, "topic", below=total)
    link.scroll_into_view_if_needed()
    link.tap()
    # The panel stays open where the person was, and its sticky button says what the choice gives.
    expect(show).to_have_text(re.compile(rf"^\s*{count} Ergebnis(se)? anzeigen\s*$"))
    expect(show).to_be_in_viewport()
    expect(page.locator(TOGGLE)).to_have_text(re.compile(r"^\s*Filter\s+\(1\)"))
    expect(page.locator(PANEL)).to_have_js_property("open", True)

    show.tap()
    expect(page.locator(PANEL)).to_have_js_property("open", False)
    expect_result_count(page, count)
    expect(page.locator(RESULT_HEADING)).to_be_in_viewport()
    expect(page.locator(RESULT_HEADING)).to_be_focused()
    assert 0 <= top_of(page, RESULT_HEADING) < 200


@pytest.fixture
def phone_page_without_script(browser, site):
    context, page = new_page(browser, site, {**PHONE, "java_script_enabled": False})
    yield page
    context.close()


def test_without_script_the_open_filters_have_a_link_to_the_results(phone_page_without_script):
    page = phone_page_without_script
    page.goto("/massnahmen/?topic=lesefoerderung")
    expect(page.locator(PANEL)).to_have_js_property("open", True)
    expect(page.locator(TOGGLE)).to_have_text(re.compile(r"^\s*Filter\s+\(1\)"))
    show = page.locator(SHOW_RESULTS)
    expect(show).to_have_text(re.compile(rf"^\s*{result_count(page)} Ergebnis(se)? anzeigen\s*$"))
    show.tap()
    expect(page.locator(RESULT_HEADING)).to_be_in_viewport()


def test_desktop_keeps_the_open_filter_column(page):
    enhanced_listing(page)
    expect(page.locator(PANEL)).to_have_js_property("open", True)
    expect(page.locator(TOGGLE)).to_be_hidden()
    expect(page.locator(SHOW_RESULTS)).to_be_hidden()
    expect(facet_links(page, "topic").first).to_be_visible()
