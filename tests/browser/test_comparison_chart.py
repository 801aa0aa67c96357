"""The notes of the profile's comparison charts („diese Bibliothek“, „Median“), measured in the browser."""

import pytest
from playwright.sync_api import expect

#: Every note with its own bar, the label of the row below it, every other shape of its chart, and the chart.
NOTES = """() => [...document.querySelectorAll('.bibnetz-chart__note')].map(note => {
  const box = element => { const r = element.getBoundingClientRect();
                           return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const row = note.closest('.bibnetz-chart__row');
  const next = row.nextElementSibling;
  const svg = note.closest('svg');
  const others = [...svg.querySelectorAll('text, rect')].filter(el => el !== note && !el.closest('pattern'));
  return {
    text: note.textContent, note: box(note), fontSize: note.getBoundingClientRect().height,
    bar: box(row.querySelector('rect')),
    nextLabel: next ? box(next.querySelector('.bibnetz-chart__label')) : null,
    others: others.map(box), svg: box(svg),
  };
})"""


def overlaps(first, second):
    return not (
        first["right"] <= second["left"]
        or second["right"] <= first["left"]
        or first["bottom"] <= second["top"]
        or second["bottom"] <= first["top"]
    )


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_chart_notes_belong_to_their_bar_and_overlap_nothing(request, site, viewport):
    page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    page.goto(site.pages["library"])
    expect(page.locator(".bibnetz-chart__svg").first).to_be_visible()
    notes = page.evaluate(NOTES)
    assert any("Median" in note["text"] for note in notes), "no chart marks the median"
    for note in notes:
        assert not [other for other in note["others"] if overlaps(note["note"], other)], note["text"]
        assert note["svg"]["left"] <= note["note"]["left"] and note["note"]["right"] <= note["svg"]["right"]
        assert note["note"]["bottom"] <= note["svg"]["bottom"] + 1
        assert note["fontSize"] >= 12, f"{note['text']!r} is too small to read"
        # Visibly below its own bar, and nearer to it than to the next band's label (not read as its title).
        gap_to_bar = note["note"]["top"] - note["bar"]["bottom"]
        assert gap_to_bar >= 4, f"{note['text']!r} touches its bar ({gap_to_bar:.1f} px)"
        if note["nextLabel"]:
            gap_to_next = note["nextLabel"]["top"] - note["note"]["bottom"]
            assert gap_to_next >= 2 * gap_to_bar, f"{note['text']!r} sits as close to the next band as to its own"
