"""The German analysis both engines share: folding, stems, feminine and loan-word forms, stop words, compounds."""

import pytest

from bibnetz_wagtail.models.content import html_text, stream_text
from bibnetz_wagtail.search.analysis import (
    MAX_WORDS,
    as_stored,
    fold,
    matches,
    query_terms,
    query_words,
    term,
    terms,
    word_terms,
)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Bücherei", "bucherei"),
        ("ÖFFNUNGSZEITEN", "offnungszeiten"),
        ("Lesecafé", "lesecafe"),
        ("Straße", "strasse"),
        ("Ärger", "arger"),
        ("Crème", "creme"),
        ("naïve", "naive"),
    ],
)
def test_fold_lowers_and_drops_accents(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize(
    "spellings",
    [
        ("Bücherei", "Buecherei", "Bucherei", "BÜCHEREI"),
        ("Lesecafé", "Lesecafe", "LESECAFÉ"),
        ("Förderung", "Foerderung"),
        ("Straße", "Strasse"),
        ("Thüringen", "Thueringen", "Thuringen"),
    ],
)
def test_spellings_with_and_without_umlauts_and_accents_are_one_term(spellings):
    assert len({term(spelling) for spelling in spellings}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        ("Kind", "Kinder", "Kindern", "Kindes"),
        ("Bibliothek", "Bibliotheken"),
        ("Buch", "Bücher", "Büchern"),
        ("Lesung", "Lesungen"),
        ("Familie", "Familien"),
        ("Veranstaltung", "Veranstaltungen"),
        ("Workshop", "Workshops"),
    ],
)
def test_inflected_forms_share_a_stem(forms):
    assert len({term(form) for form in forms}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        ("Senioren", "Seniorinnen", "Seniorin"),
        ("Lehrer", "Lehrerinnen", "Lehrerin"),
        ("Nutzer", "Nutzerinnen"),
        ("Besucher", "Besucherinnen", "Besucherin"),
        ("Autoren", "Autorinnen", "Autorin"),
    ],
)
def test_feminine_forms_are_reduced_to_the_base_form(forms):
    assert len({term(form) for form in forms}) == 1


def test_words_merely_ending_in_in_keep_their_ending():
    assert term("Medizin") != term("Mediz")
    assert term("Berlin") == "berlin"
    assert term("Termin") == "termin"


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("Kitas", "Kita"), ("Fotos", "Foto"), ("Handys", "Handy"), ("Comics", "Comic"), ("Tipps", "Tipp")],
)
def test_loan_word_plurals_in_s_are_the_singular(plural, singular):
    assert term(plural) == term(singular)


@pytest.mark.parametrize("word", ["Ergebnis", "Status", "Chaos", "Apps", "News", "Kompass"])
def test_words_that_only_look_like_s_plurals_keep_their_s(word):
    assert term(word).endswith("s")


@pytest.mark.parametrize("word", ["der", "die", "und", "für", "Für", "über", "während", "können"])
def test_stop_words_have_no_term(word):
    assert term(word) == ""
    assert terms(f"{word} {word}") == []


def test_terms_keep_order_and_repetitions_and_leave_out_stop_words():
    assert terms("Die Kinder lesen, die Kinder spielen.") == [term("Kinder"), term("lesen"), term("Kinder"), "spiel"]
    assert terms("") == terms(None) == []


def test_a_compound_stores_the_suffix_the_stemmer_cuts_off_long_words_only():
    # „Abend“ keeps its „end“ and „Lesung“ its „ung“; in a long compound the stemmer removes them.
    assert term("Abend") == "abend" and term("Lesung") == "lesung"
    assert word_terms("Gesprächsabende") == (term("Gesprächsabende"), "gesprachsabend")
    assert word_terms("Autorenlesungen") == (term("Autorenlesungen"), "autorenlesung")
    assert any(matches(term("Abend"), stored) for stored in word_terms("Gesprächsabende"))
    assert any(matches(term("Lesungen"), stored) for stored in word_terms("Autorenlesungen"))
    assert word_terms("Kinder") == ("kind",)


def test_as_stored_frames_unique_terms_with_blanks():
    assert as_stored(["kind", "les", "kind"]) == " kind les "
    assert as_stored([]) == ""


def test_query_words_are_distinct_terms_with_the_word_as_typed_and_at_most_max_words():
    assert query_words("Kinder kindern und Lesung") == [("Kinder", "kind"), ("Lesung", "lesung")]
    assert query_terms("die der das") == []
    many = " ".join(f"Wort{number}x" for number in range(MAX_WORDS + 5))
    assert len(query_terms(many)) == MAX_WORDS


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("kind", "kind"),
        ("kino", "bilderbuchkino"),  # inside a compound, after a modifier of three letters or more
        ("buch", "bilderbuch"),
        ("buch", "buchtipp"),  # at the start of a term
        ("forder", "leseforderung"),
        ("ort", "lernort"),  # a short term as the end of a compound
        ("ort", "ort"),
    ],
)
def test_matches_finds_words_and_compounds(query, document):
    assert matches(query, document)


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("tablet", "etabliert"),  # inside after fewer than three letters: no compound
        ("ort", "sport"),  # a short term needs three letters before it
        ("ort", "ortschron"),  # and must end the term
        ("ort", "orte"),
        ("kind", "kin"),
        ("spiel", "gespielt"),
    ],
)
def test_matches_does_not_find_what_only_contains_the_letters(query, document):
    assert not matches(query, document)


def test_rich_text_blocks_end_words():
    html = (
        "<p>Aus der eigenen Bibliothek</p><ul><li>eine Ansprechperson</li><li>Räume</li></ul><p>a<br/>b <b>fe</b>tt</p>"
    )
    assert html_text(html).split() == [
        "Aus",
        "der",
        "eigenen",
        "Bibliothek",
        "eine",
        "Ansprechperson",
        "Räume",
        "a",
        "b",
        "fett",
    ]
    assert stream_text([{"type": "paragraph", "value": "<p>eins</p><p>zwei</p>"}]).split() == ["eins", "zwei"]
