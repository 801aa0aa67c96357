"""What the browser tests read from the pages, in one place (selectors of the package's templates)."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from .server import DEMO_PASSWORD

LISTINGS = {"libraries": "/bibliotheken/", "measures": "/massnahmen/", "tasks": "/aufgaben-teilen/"}
RESULT_HEADING = "#bibnetz-results-heading"
CARD_LINKS = ".bibnetz-card__title a"
LIKENESS = ".bibnetz-badge--likeness"
CHIPS = ".bibnetz-chip"


def facet_links(page, key):
    """The value links of one facet group (``topic``, ``population``, …)."""
    return page.locator(f'[data-facet="{key}"] a.bibnetz-facet__link')


def count_of(locator):
    """The number shown on a facet link."""
    return int(locator.locator(".bibnetz-count").inner_text().strip().replace(".", ""))


def label_of(locator):
    return locator.locator(".bibnetz-facet__label").inner_text().strip()


def params_of(url):
    """The query parameters of a URL, each with its list of values."""
    return parse_qs(urlsplit(url).query)


def result_count(page):
    """The number of results the listing says it has ("37 Ergebnisse")."""
    text = page.locator(RESULT_HEADING).inner_text()
    match = re.search(r"(\d[\d.]*)\s+Ergebnis", text)
    assert match, f"no result count in {text!r}"
    return int(match.group(1).replace(".", ""))


def expect_result_count(page, count):
    """Wait until the listing says it has ``count`` results (also after an in-place update by the script)."""
    word = "Ergebnis" if count == 1 else "Ergebnisse"
    expect(page.locator(RESULT_HEADING)).to_have_text(re.compile(rf"(^|\D){count}\s+{word}\b"))


OPEN_DETAILS = """el => {
  for (let details = el.closest('details'); details; details = details.parentElement.closest('details')) {
    if (!details.open) details.querySelector(':scope > summary').click();
  }
}"""


def open_facet(page, key):
    """Unfold the facet group ``key`` (and the filter panel around it) where the layout folds them."""
    group = page.locator(f'[data-facet="{key}"]')
    if not facet_links(page, key).first.is_visible():
        group.locator(".bibnetz-facet__link").first.evaluate(OPEN_DETAILS)
    expect(facet_links(page, key).first).to_be_visible()


def pick_facet_value(page, key, below=None):
    """A facet link of ``key`` with results that is not selected, preferably one that narrows the listing
    (count below ``below``); returns (link, value of its parameter, count, label). Unfolds the group."""
    open_facet(page, key)
    links = facet_links(page, key)
    candidates = []
    for index in range(links.count()):
        link = links.nth(index)
        if link.get_attribute("aria-current") == "true":
            continue
        count = count_of(link)
        if count == 0:
            continue
        candidates.append((link, count))
    assert candidates, f"no facet value with results in {key!r}"
    narrowing = [item for item in candidates if below is None or item[1] < below]
    link, count = max(narrowing or candidates, key=lambda item: item[1])
    value = params_of(link.get_attribute("href"))[key]
    return link, value[-1], count, label_of(link)


def card_paths(page):
    """The paths of the result cards' links, in order."""
    return [urlsplit(href).path for href in page.locator(CARD_LINKS).evaluate_all("els => els.map(e => e.href)")]


def likeness_values(page):
    """The likeness percentages shown on the result cards, in order ("87 % ähnlich" → 87.0)."""
    values = []
    for text in page.locator(LIKENESS).all_inner_texts():
        match = re.search(r"(\d+(?:[.,]\d+)?)\s*%", text)
        assert match, f"no percentage in the likeness badge {text!r}"
        values.append(float(match.group(1).replace(",", ".")))
    return values


def log_in(page, email="bibliothek1@example.org", next_path="/netzwerk/meine-bibliothek/"):
    """Log in through the front-end form as a demo account and land on ``next_path``."""
    page.goto(f"/netzwerk/anmelden/?next={next_path}")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(DEMO_PASSWORD)
    page.locator("form.bibnetz-form").get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
