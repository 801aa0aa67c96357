"""German figures: what the parser reads, what it refuses and in which words, and how figures are shown back."""

from decimal import Decimal

import pytest
from django.utils import translation

from bibnetz_wagtail.numbers import FLOOR_AREA, POPULATION, STAFF_FTE, FigureError, format_figure, parse_figure

NBSP, NARROW = "\u00a0", "\u202f"


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8000", 8000),
        ("8.000", 8000),
        ("8 000", 8000),
        (f"8{NBSP}000", 8000),
        (f"8{NARROW}000", 8000),
        ("  8.000 ", 8000),
        ("1.250.000", 1250000),
        ("8,000", 8000),
    ],
)
def test_whole_figures(text, expected):
    assert parse_figure(text, POPULATION) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2,5", "2.5"),
        ("2.5", "2.5"),
        ("2,75", "2.75"),
        ("1.500", "1.5"),  # a single dot in a staff figure is a decimal point (see the module docstring)
        ("0", "0"),
        ("0,5", "0.5"),
        ("1.000,00", "1000"),
        ("12", "12"),
    ],
)
def test_staff_figures(text, expected):
    assert parse_figure(text, STAFF_FTE) == Decimal(expected)


@pytest.mark.parametrize(
    "figure, text, message",
    [
        (POPULATION, "2,5", "Bitte geben Sie eine ganze Zahl ein, z. B. 8.000."),
        (POPULATION, "2.5", "Bitte geben Sie eine ganze Zahl ein, z. B. 8.000."),
        (POPULATION, "-3", "Die Einwohnerzahl muss mindestens 1 betragen."),
        (POPULATION, "0", "Die Einwohnerzahl muss mindestens 1 betragen."),
        (POPULATION, "99.000.000", "Die Einwohnerzahl kann höchstens 10.000.000 betragen."),
        (POPULATION, "viel", "Bitte geben Sie eine Zahl ein, z. B. 8.000."),
        (POPULATION, "1e9", "Bitte geben Sie eine Zahl ein, z. B. 8.000."),
        (POPULATION, "80.00", "Bitte geben Sie eine ganze Zahl ein, z. B. 8.000."),
        (POPULATION, "8.0", "Bitte geben Sie eine ganze Zahl ein, z. B. 8.000."),
        (POPULATION, "8.000,5", "Bitte geben Sie eine Zahl ein, z. B. 8.000."),
        (FLOOR_AREA, "250000", "Die Fläche kann höchstens 100.000 m² betragen."),
        (STAFF_FTE, "-1", "Das Personal in Vollzeitäquivalenten darf nicht negativ sein."),
        (
            STAFF_FTE,
            "2,755",
            "Bitte das Personal in Vollzeitäquivalenten mit höchstens zwei Nachkommastellen angeben, z. B. 2,75.",
        ),
        (STAFF_FTE, "2,5,1", "Bitte geben Sie eine Zahl ein, z. B. 2,5."),
        (STAFF_FTE, "2,", "Bitte geben Sie eine Zahl ein, z. B. 2,5."),
        (STAFF_FTE, "5000", "Das Personal kann höchstens 1.000 Vollzeitäquivalente betragen."),
        (STAFF_FTE, "²", "Bitte geben Sie eine Zahl ein, z. B. 2,5."),
    ],
)
def test_refusals_say_why_in_german(figure, text, message):
    with pytest.raises(FigureError) as caught:
        parse_figure(text, figure)
    assert str(caught.value.message) == message


def test_figures_are_shown_as_german_readers_write_them():
    assert format_figure(8000, POPULATION) == "8.000"
    assert format_figure(Decimal("2.50"), STAFF_FTE) == "2,5"
    assert format_figure(Decimal("3.00"), STAFF_FTE) == "3"
    assert format_figure(None, STAFF_FTE) == ""


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("figure, value", [(POPULATION, 1250000), (STAFF_FTE, Decimal("2.75")), (FLOOR_AREA, 999)])
def test_what_is_shown_reads_back_in_every_language(language, figure, value):
    with translation.override(language):
        assert parse_figure(format_figure(value, figure), figure) == value
