"""The listing used with the keyboard alone: search, then filter, with a visible focus at every stop."""

import re

from playwright.sync_api import expect

from .helpers import expect_result_count, params_of, result_count

MAX_TABS = 80

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const facet = el.closest('[data-facet]');
  const count = el.querySelector('.bibnetz-count');
  return {
    describe: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
              (typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') +
              ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"',
    id: el.id,
    tag: el.tagName,
    type: el.type || '',
    inPackage: !!el.closest('.bibnetz'),
    facet: facet ? facet.dataset.facet : null,
    href: el.href || null,
    count: count ? parseInt(count.textContent.replace(/\\D/g, ''), 10) : null,
    folded: el.tagName === 'SUMMARY' && !el.parentElement.open
      ? (el.parentElement.dataset.facet || el.parentElement.dataset.bibnetzDetails || '') : null,
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""


def focus_indicator_missing(focused):
    return not (focused["focusVisible"] and (focused["outline"] or focused["shadow"]))


def tab_until(page, wanted, key="Tab", unfold=()):
    """Press ``key`` until the focused element satisfies ``wanted``; every stop inside the package's markup
    must show a focus indicator. Folded parts named in ``unfold`` (a facet key, or "facets" for the whole
    filter panel) are opened with Enter on the way, as a keyboard user would. Returns the focused element."""
    unmarked = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if focused["inPackage"] and focus_indicator_missing(focused):
            unmarked.append(focused["describe"])
        if focused["folded"] in unfold:
            page.keyboard.press("Enter")
        if wanted(focused):
            assert not unmarked, f"focus is not visible on: {unmarked}"
            return focused
    raise AssertionError(f"not reached with {MAX_TABS} × {key}")


def test_search_and_filter_with_the_keyboard_only(page):
    page.goto("/massnahmen/")
    total = result_count(page)

    tab_until(page, lambda focused: focused["id"] == "bibnetz-q")
    page.keyboard.type("Lesen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Lesen(&|$)"))
    expect(page.locator("#bibnetz-q")).to_have_value("Lesen")
    searched = result_count(page)
    assert 0 < searched < total

    # Shift+Tab goes back the same way: from a facet value to the one before it.
    facet_value = tab_until(
        page, lambda focused: focused["facet"] == "topic" and bool(focused["count"]), unfold=("facets", "topic")
    )
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["describe"] == facet_value["describe"]

    topic = params_of(facet_value["href"])["topic"][-1] if facet_value["href"] else None
    page.keyboard.press("Space" if facet_value["tag"] == "INPUT" else "Enter")
    if topic:
        expect(page).to_have_url(re.compile(rf"[?&]topic={re.escape(topic)}(&|$)"))
    else:
        expect(page).to_have_url(re.compile(r"[?&]topic="))
    assert params_of(page.url)["q"] == ["Lesen"], "the search text stays when a filter is added"
    expect_result_count(page, facet_value["count"])
