"""The way in, as a person uses it: the header's account menu from visitor to member and back, and the call to join."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import DEMO_PASSWORD


def account_menu(page):
    return page.get_by_role("navigation", name="Zugang zum Netzwerk")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_visitor_logs_in_from_the_header_and_out_again(request, screenshot, viewport):
    page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    page.goto("/massnahmen/")
    menu = account_menu(page)
    expect(menu.get_by_role("link", name="Zugang beantragen")).to_have_attribute("href", "/netzwerk/zugang-beantragen/")
    expect(page.locator(".bibnetz-join-call")).to_be_visible()
    screenshot(page, "visitor")

    menu.get_by_role("link", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/netzwerk/anmelden/\?next=%2Fmassnahmen%2F$"))
    expect(page.locator(".bibnetz h1")).to_have_text("Anmelden")
    page.get_by_label("E-Mail-Adresse").fill("bibliothek1@example.org")
    page.get_by_label("Passwort", exact=True).fill(DEMO_PASSWORD)
    page.locator("form.bibnetz-form").get_by_role("button", name="Anmelden").click()

    expect(page).to_have_url(re.compile(r"/massnahmen/$"))
    menu = account_menu(page)
    expect(menu.get_by_role("link", name="Meine Bibliothek")).to_be_visible()
    expect(menu.get_by_role("link", name="Redaktion")).to_be_visible()
    expect(page.locator(".bibnetz-join-call")).to_have_count(0)
    screenshot(page, "member")

    menu.get_by_role("button", name="Abmelden").click()
    expect(page.locator(".bibnetz h1")).to_have_text("Abgemeldet")
    expect(account_menu(page).get_by_role("link", name="Anmelden")).to_be_visible()


def test_the_account_menu_is_reachable_by_keyboard_with_a_visible_focus(page):
    page.goto("/")
    link = account_menu(page).get_by_role("link", name="Zugang beantragen")
    for _ in range(12):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    outline = link.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("none", "")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_toolkit_facet_explains_its_values_on_touch_and_links_to_the_toolkit_page(request, screenshot, viewport):
    page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    page.goto("/massnahmen/")
    facet = page.locator('details[data-facet="toolkit"]')
    if not facet.is_visible():  # the phone layout folds the whole filter panel: tap „Filter“ as a person would
        page.locator("summary.bibnetz-facets__toggle").click()
    if facet.get_attribute("open") is None:
        facet.locator("summary").first.click()
    explain = facet.locator("details.bibnetz-facet-help")
    explain.locator("summary").click()
    expect(explain.locator("dd").first).to_be_visible()
    screenshot(page, "facet")

    explain.get_by_role("link", name="Mehr über das Toolkit").click()
    expect(page.locator(".bibnetz h1")).to_have_text("Das Toolkit")
    expect(page.locator(".bibnetz-toolkit__description").first).to_be_visible()
    screenshot(page, "page")
