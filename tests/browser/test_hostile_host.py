"""The package's pages inside a careless host (tests/templates/hostile_base.html): no container, an h2 rule
larger than its h1, a dark theme. Headings keep their order, text stays readable, content keeps off the edge."""

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, new_page
from .server import MANAGE, REPO_ROOT, free_port, site_environment, wait_until_up

#: Font sizes of the headings, and for every text element the colour and the first opaque background behind it.
READ_PAGE = """() => {
  const root = document.querySelector('.bibnetz');
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const background = el => {
    for (; el; el = el.parentElement) {
      const colour = getComputedStyle(el).backgroundColor;
      if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const texts = [...root.querySelectorAll('h1, h2, h3, p, li, dt, dd, label, summary, td, th')]
    .filter(el => el.offsetParent !== null && el.innerText.trim() && !el.closest('a, button, .bibnetz-chip'));
  return {
    h1: root.querySelector('h1') && size(root.querySelector('h1')),
    h2: [...root.querySelectorAll('h2')].filter(el => el.offsetParent !== null).map(size),
    h3: [...root.querySelectorAll('h3')].filter(el => el.offsetParent !== null).map(size),
    texts: texts.map(el => ({text: el.innerText.trim().slice(0, 40), colour: getComputedStyle(el).color,
                             background: background(el)})),
    heading: document.querySelector('.bibnetz h1').getBoundingClientRect().toJSON(),
    width: window.innerWidth,
  };
}"""


def channels(colour):
    values = colour[colour.index("(") + 1 : colour.index(")")].split(",")
    return [float(value) / 255 for value in values[:3]]


def luminance(colour):
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def hostile_site(site):
    """The example site's content served a second time, with the careless base template."""
    env = site_environment(site.log_path.parent / "db.sqlite3")
    env.update(DJANGO_SETTINGS_MODULE="tests.browser.hostile_settings", PYTHONPATH=str(REPO_ROOT))
    port = free_port()
    log_path = site.log_path.parent / "hostile-server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(MANAGE), "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            env=env,
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/massnahmen/", process, log_path)
        yield type(site)(url=url, process=process, log_path=log_path, pages=site.pages)
    finally:
        process.terminate()
        process.wait(timeout=10)


PAGES = {"measures": "/massnahmen/", "library": "library", "measure": "measure"}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_package_pages_stay_readable_in_a_careless_host(browser, hostile_site, screenshot, name, viewport):
    context, page = new_page(browser, hostile_site, DESKTOP if viewport == "desktop" else PHONE)
    try:
        response = page.goto(hostile_site.pages.get(PAGES[name], PAGES[name]))
        assert response.status == 200
        expect(page.locator(".bibnetz h1")).to_be_visible()
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(17, 17, 17)", "host CSS unused"
        found = page.evaluate(READ_PAGE)
        screenshot(page)
    finally:
        context.close()

    assert found["h2"] and all(size < found["h1"] for size in found["h2"]), found
    assert all(size <= min(found["h2"]) for size in found["h3"]), found
    unreadable = [text for text in found["texts"] if contrast(text["colour"], text["background"]) < 4.5]
    assert not unreadable, f"text below contrast 4.5:1 on {name}: {unreadable[:5]}"
    # Not flush to the viewport's edges although the host has no container.
    assert found["heading"]["left"] >= 12 and found["heading"]["right"] <= found["width"] - 12, found["heading"]
