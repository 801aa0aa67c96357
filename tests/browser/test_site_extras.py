"""The example site's small things around the package's pages: its icon, and Wagtail's userbar on phones."""

from urllib.parse import urlsplit


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
