"""Full-page screenshots of the main page types at desktop and phone width, kept in test-artifacts/screenshots/."""

import pytest
from playwright.sync_api import expect

# name: path or a key of site.pages
PAGES = {
    "measures": "/massnahmen/",
    "libraries": "/bibliotheken/",
    "library": "library",
    "measure": "measure",
    "call": "call",
}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(request, site, screenshot, name, viewport):
    page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    path = site.pages.get(PAGES[name], PAGES[name])
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator(".bibnetz h1")).to_be_visible()
    page.evaluate("document.fonts.ready.then(() => true)")
    shot = screenshot(page)
    assert shot.stat().st_size > 10_000
