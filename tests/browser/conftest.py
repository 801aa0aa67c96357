"""Browser tests: the example site served by a subprocess, driven by Playwright in Debian's Chromium.

Everything here is package-scoped: one example site and one browser for all browser tests, and both are gone
before the tests of other folders run. (Playwright's synchronous API keeps an asyncio loop running while it
is started, and Django refuses database queries while a loop runs, so it must not outlive this folder.)
The tests never touch the Django test database: the site in the subprocess has a database of its own.
"""

import os
import re
from pathlib import Path

import pytest

from ..services import missing_service
from .server import REPO_ROOT, start_example_site

try:
    from playwright.sync_api import expect
except ImportError:  # reported by the browser fixture below
    expect = None

CHROMIUM = os.environ.get("BIBNETZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
TIMEOUT_MS = 10_000  # for each action and each expect(): generous for a loaded 2-core machine

if expect is not None:
    expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test: select them with ``-m browser``, leave them out with
    ``-m "not browser"``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def unavailable(message):
    """No browser: a failure in CI and under the test command, a skip elsewhere."""
    message += " (install Debian's package `chromium`, or point BIBNETZ_CHROMIUM at a Chromium binary)"
    missing_service("browser", message)


@pytest.fixture(scope="package")
def playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        unavailable(f"Playwright is not installed ({error})")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="package")
def browser(playwright):
    if not os.path.exists(CHROMIUM):
        unavailable(f"{CHROMIUM} does not exist")
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as error:  # Playwright raises its own Error for any launch failure
        unavailable(f"{CHROMIUM} could not be started: {error}")
    yield browser
    browser.close()


@pytest.fixture(scope="package", autouse=True)
def _browser_first(browser):
    """Every test here needs the browser: without one, skip (or fail) before the example site is built."""


@pytest.fixture(scope="package")
def site(tmp_path_factory, example_database):
    """The example site with demo content (40 libraries, 200 measures, 30 calls, 3 library accounts)."""
    site = start_example_site(tmp_path_factory.mktemp("example-site"), example_database)
    yield site
    site.stop()


def new_page(browser, site, options):
    context = browser.new_context(base_url=site.url, locale="de-DE", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


@pytest.fixture
def page(browser, site):
    """A fresh desktop browser tab (1280×900, own cookies) on the example site; fails on script errors."""
    context, page = new_page(browser, site, DESKTOP)
    yield page
    context.close()
    assert not page.errors, f"JavaScript errors on the page: {page.errors}"


@pytest.fixture
def phone_page(browser, site):
    """A fresh phone-sized tab (390×844, touch) on the example site; fails on script errors."""
    context, page = new_page(browser, site, PHONE)
    yield page
    context.close()
    assert not page.errors, f"JavaScript errors on the page: {page.errors}"


@pytest.fixture
def screenshot(request):
    """``screenshot(page, label)`` keeps a full-page PNG in test-artifacts/screenshots/, named after the test."""

    def take(page, label=""):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
        path = SCREENSHOTS / f"{name}{'-' + label if label else ''}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
