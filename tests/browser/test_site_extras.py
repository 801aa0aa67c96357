"""The example site's small things around the package's pages: its icon, and Wagtail's userbar on phones."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from .helpers import log_in


def test_the_site_has_an_icon_and_answers_favicon_ico(page, site):
    page.goto("/massnahmen/")
    icon = page.locator('link[rel~="icon"]')
    assert icon.count() == 1, "the base template links no icon"
    declared = page.request.get(icon.get_attribute("href"))
    assert declared.ok
    assert "image/" in declared.headers["content-type"]

    # Browsers and crawlers ask for /favicon.ico whatever the page links: it must not be a 404.
    legacy = page.request.get("/favicon.ico")
    assert legacy.ok, f"/favicon.ico answered {legacy.status}"
    assert urlsplit(legacy.url).path == urlsplit(declared.url).path
    assert legacy.body() == declared.body()


def overlaps(first, second):
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


def test_wagtail_userbar_covers_nothing_at_the_end_of_a_phone_page(phone_page, site):
    page = phone_page
    log_in(page)  # a library's account may edit pages, so Wagtail shows it the userbar
    page.goto(site.pages["measure"])
    trigger = page.locator("#wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_function("Math.ceil(scrollY + innerHeight) >= document.scrollingElement.scrollHeight")
    bar = trigger.bounding_box()
    interactive = page.locator("main a, main button, main summary, main input, main select, main textarea")
    last = [box for box in (element.bounding_box() for element in interactive.all()) if box and box["height"]][-1]
    footer = page.locator("footer p").bounding_box()
    assert not overlaps(bar, last), f"the userbar {bar} covers the last control {last}"
    assert not overlaps(bar, footer), f"the userbar {bar} covers the footer {footer}"


def test_wagtail_userbar_leaves_the_show_results_button_free(phone_page):
    page = phone_page
    log_in(page)
    page.goto("/massnahmen/")
    expect(page.locator(".bibnetz-listing")).to_have_attribute("data-bibnetz-enhanced", "true")
    page.locator(".bibnetz-facets__toggle").tap()
    show = page.locator(".bibnetz-facets__show")
    expect(show).to_be_in_viewport()
    assert not overlaps(page.locator("#wagtail-userbar-trigger").bounding_box(), show.bounding_box())
