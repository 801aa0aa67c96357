"""A member library joins another library's open call from the call's page."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .helpers import log_in

JOIN_BUTTON = "Teilnahme anfragen"


def joinable_call(page):
    """The first open call whose page offers the logged-in member the join form."""
    data = page.request.get("/aufgaben-teilen/?status=open&per_page=100&format=json").json()
    assert data["count"] > 0, "the demo has open calls"
    for result in data["results"]:
        page.goto(result["url"])
        if page.get_by_role("button", name=JOIN_BUTTON).count():
            return result
    raise AssertionError("no open call that bibliothek1 could join")


def test_member_joins_an_open_call(page):
    log_in(page, "bibliothek1@example.org")
    own_library = page.locator(".bibnetz-member-library h2").first.inner_text().strip()

    call = joinable_call(page)
    assert call["library"]["title"] != own_library
    panel = page.locator("#bibnetz-participation")
    found_before = panel.locator(".bibnetz-participation__count").inner_text()
    panel.get_by_label("Nachricht an die Bibliothek").fill(
        "Wir machen gern mit: Frau Beispiel betreut das Thema bei uns und meldet sich."
    )
    panel.get_by_role("button", name=JOIN_BUTTON).click()

    expect(page).to_have_url(re.compile(re.escape(urlsplit(call["url"]).path) + "#bibnetz-participation$"))
    panel = page.locator("#bibnetz-participation")
    sent = f"Ihre Anfrage wurde an „{call['library']['title']}“ geschickt."
    expect(panel.get_by_role("status")).to_have_text(sent)
    own_row = panel.locator(".bibnetz-participants li").filter(has_text=own_library)
    expect(own_row).to_contain_text("Angefragt")
    expect(own_row).to_contain_text("Frau Beispiel betreut das Thema")
    expect(own_row.get_by_role("button", name="Teilnahme zurückziehen")).to_be_visible()
    # The library has asked: no second join form; a request does not count as a partner found yet.
    expect(panel.get_by_role("button", name=JOIN_BUTTON)).to_have_count(0)
    expect(panel.locator(".bibnetz-participation__count")).to_have_text(found_before)
