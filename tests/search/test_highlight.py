"""Snippets around the words a search found: the same rule as the search, HTML-safe, about 30 words."""

import re

from bibnetz_wagtail.search.highlight import html_as_text, snippet
from bibnetz_wagtail.search.text import TextQuery


def marked(html):
    return re.findall(r"<mark>([^<]*)</mark>", html)


def highlight(text, q):
    return snippet(text, TextQuery.exact(q).groups)


def test_umlauts_and_their_spellings_are_found_alike():
    text = "Die Bücherei und die Buecherei öffnen sonntags; die Bucherei auch."

    assert marked(highlight(text, "Bücherei")) == ["Bücherei", "Buecherei", "Bucherei"]
    assert marked(highlight(text, "Buecherei")) == ["Bücherei", "Buecherei", "Bucherei"]


def test_inflections_and_feminine_forms_are_found():
    text = "Wir lesen den Kindern vor. Seniorinnen und Senioren kommen gern; ein Kind bringt Freunde mit."

    assert marked(highlight(text, "Kind")) == ["Kindern", "Kind"]
    assert marked(highlight(text, "Senioren")) == ["Seniorinnen", "Senioren"]


def test_compounds_that_contain_the_word_are_found():
    text = "Das Bilderbuchkino läuft im Lernort; der Sport bleibt draußen."

    assert marked(highlight(text, "Kino")) == ["Bilderbuchkino"]
    assert marked(highlight(text, "Ort")) == ["Lernort"]


def test_every_word_of_the_query_is_marked():
    html = highlight("Vorlesen im Park: Kinder hören zu, Eltern lesen mit.", "lesen Kinder")

    assert marked(html) == ["Vorlesen", "Kinder", "lesen"]


def test_stop_words_are_never_marked():
    assert highlight("Die Bibliothek und das Café", "und die") is None


def test_html_in_a_plain_text_is_escaped_and_never_marked_inside_a_tag():
    html = highlight('Lesen <b class="lesen">fett</b> & <script>lesen()</script>', "lesen")

    assert "<b" not in html and "<script" not in html
    # A plain text is text: what looks like a tag in it is shown as typed, its words marked like any others.
    assert "&lt;b class=&quot;<mark>lesen</mark>&quot;&gt;" in html and "&amp;" in html
    assert str(html).count("<mark>") == 3
    assert re.sub(r"</?mark>", "", str(html)).count("<") == 0


def test_rich_text_is_read_as_text_with_paragraphs_apart():
    text = html_as_text('<p data-block-key="a">Erster <a href="/lesen/">Absatz</a></p><p>Lesen &amp; Spielen</p>')

    assert text == "Erster Absatz Lesen & Spielen"
    assert str(highlight(text, "lesen")) == "Erster Absatz <mark>Lesen</mark> &amp; Spielen"
    # A word in a tag of rich text is no word of its text.
    assert highlight(html_as_text('<p><a href="/kino/" title="Kino">Absatz</a></p>'), "Kino") is None


def test_a_long_text_is_cut_around_the_first_word_found():
    words = [f"Wort{number}" for number in range(100)]
    words[50] = "Makerspace"
    html = str(highlight(" ".join(words) + ".", "Makerspace"))

    shown = re.sub(r"</?mark>", "", html).split()
    assert shown[0] == "…" and shown[-1] == "…"
    assert len(shown) == 32
    assert shown[1] == "Wort42" and shown[9] == "Makerspace"


def test_the_start_and_end_of_a_text_show_no_ellipsis():
    assert str(highlight("Makerspace im Keller.", "Keller")) == "Makerspace im <mark>Keller</mark>."
    words = " ".join(f"Wort{number}" for number in range(40))
    tail = str(highlight(words + " Makerspace!", "Makerspace"))
    assert tail.endswith("<mark>Makerspace</mark>!") and tail.startswith("… Wort11 ")


def test_blanks_are_collapsed():
    assert str(highlight("Lesen\n\n  im   Park", "Park")) == "Lesen im <mark>Park</mark>"


def test_no_word_found_gives_no_snippet():
    assert highlight("Makerspace im Keller", "Vorlesen") is None
    assert highlight("", "Vorlesen") is None
    assert snippet("Makerspace", ()) is None


def test_the_alternatives_of_a_misspelt_word_are_marked():
    assert marked(snippet("Tablet-Sprechstunde im Rathaus", (("xyz", "sprechstund"),))) == ["Sprechstunde"]
