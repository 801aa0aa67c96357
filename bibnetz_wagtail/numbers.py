"""Library figures as people in Germany type them („8.000“, „8 000“, „2,5“), read into numbers, and shown back.

The rule, one for every place where a figure is typed (comparison form, listing parameters, join form, admin):

- Spaces of any kind (also non-breaking and narrow ones) and dots group thousands when every group after the
  first has exactly three digits: „8.000“, „8 000“, „1.250.000“. A comma is the decimal separator: „2,5“.
- Whole figures (population, floor area) also read a comma before exactly three digits as grouping („8,000“),
  since they have no decimals; „2,5“ or „2.5“ there is an error („whole number“), never 25.
- Staff (FTE) has decimals: a single dot without a comma is a decimal point („2.5“ = 2,5; so „1.500“ = 1,5 –
  a staff of 1 500 is not a library of this network); with a comma, dots group thousands („1.000,5“).

Django's own ``sanitize_separators`` is not enough: for German it reads „2.5“ as 25 and rejects „8 000“.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

#: Every space a keyboard, a word processor or a spreadsheet puts between thousands.
SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
PLAIN = re.compile(r"[0-9]+")
MINUS = ("-", "−", "–")


@dataclass(frozen=True)
class Figure:
    """What one figure accepts, with the messages a library's staff understands."""

    decimals: int
    minimum: Decimal
    maximum: Decimal
    #: A typical value, shown in hints and messages in the active language's writing.
    example: Decimal
    too_small: str
    too_large: str


POPULATION = Figure(
    decimals=0,
    minimum=Decimal(1),
    maximum=Decimal(10_000_000),
    example=Decimal(8000),
    too_small=_("The population must be at least 1."),
    too_large=_("The population can be at most 10,000,000."),
)
FLOOR_AREA = Figure(
    decimals=0,
    minimum=Decimal(1),
    maximum=Decimal(100_000),
    example=Decimal(250),
    too_small=_("The floor area must be at least 1 m²."),
    too_large=_("The floor area can be at most 100,000 m²."),
)
STAFF_FTE = Figure(
    decimals=2,
    minimum=Decimal(0),
    maximum=Decimal(1_000),
    example=Decimal("2.5"),
    too_small=_("Staff in full-time equivalents cannot be negative."),
    too_large=_("Staff can be at most 1,000 full-time equivalents."),
)


class FigureError(ValueError):
    """The text is no valid figure; ``message`` says why in one sentence."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def parse_figure(text, figure):
    """The figure in ``text`` as a Decimal; FigureError with a clear sentence when it is not one."""
    compact = SPACES.sub(" ", str(text)).strip()
    if compact.startswith(MINUS):
        raise FigureError(figure.too_small, "min_value")
    canonical = canonical_number(compact, figure.decimals)
    if canonical is None:
        example = format_figure(figure.example, figure)
        raise FigureError(_("Please enter a number, e.g. %(example)s.") % {"example": example}, "invalid")
    value = Decimal(canonical)
    check_figure(value, figure)
    return value


def check_figure(value, figure):
    """Raise FigureError when ``value`` has too many decimals or lies outside the figure's range."""
    # A whole figure refuses „80.00“ (did they mean 8.000?); staff reads „2,50“ as 2,5.
    digits = value.normalize() if figure.decimals else value
    places = -digits.as_tuple().exponent if value else 0
    if places > figure.decimals:
        if figure.decimals == 0:
            example = format_figure(figure.example, figure)
            raise FigureError(_("Please enter a whole number, e.g. %(example)s.") % {"example": example}, "whole")
        raise FigureError(
            _("Give staff in full-time equivalents with at most two decimal places, e.g. 2.75."), "max_decimal_places"
        )
    if value < figure.minimum:
        raise FigureError(figure.too_small, "min_value")
    if value > figure.maximum:
        raise FigureError(figure.too_large, "max_value")


def canonical_number(text, decimals):
    """``text`` as ``1234.5`` by the rule in the module docstring, or None when it is no number at all."""
    if decimals == 0:
        whole = grouped_digits(text, ". ,")
        if whole is None and re.fullmatch(r"[0-9]+[.,][0-9]+", text):
            return text.replace(",", ".")  # a decimal for a whole figure: parsed, then refused as such
        return whole
    if text.count(",") == 1:
        whole, fraction = text.split(",")
        separators = ". "
    elif "," not in text and text.count(".") == 1:
        whole, fraction = text.split(".")
        separators = " "
    elif "," not in text:
        whole, fraction = text, ""
        separators = ". "
    else:
        return None
    whole = grouped_digits(whole, separators)
    if whole is None or (fraction and not PLAIN.fullmatch(fraction)) or text.endswith((",", ".")):
        return None
    return f"{whole}.{fraction}" if fraction else whole


def grouped_digits(text, separators):
    """Digits, plain or grouped by threes with one of ``separators``; None otherwise."""
    if PLAIN.fullmatch(text):
        return text
    for separator in separators:
        if re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}})+", text):
            return text.replace(separator, "")
    return None


def format_figure(value, figure):
    """``value`` as the active language writes it: „8.000“ and „2,5“ in German; '' for None."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    if figure.decimals == 0 or number == number.to_integral():
        return number_format(int(number), force_grouping=True)
    # No grouping with decimals: a staff figure stays below 1 000, and „1,000.5“ would not read back.
    return number_format(number.normalize(), decimal_pos=None)


class FigureInput(forms.TextInput):
    """A text field, not ``type=number``: browsers would drop „8.000“ or „2,5“ before the server sees it."""

    def __init__(self, figure, attrs=None):
        self.figure = figure
        mode = "numeric" if figure.decimals == 0 else "decimal"
        super().__init__({"inputmode": mode, "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, str):
            return value  # typed text comes back exactly as typed
        return format_figure(value, self.figure) or None


class FigureField(forms.Field):
    """A form field for one library figure; it gives an int for whole figures and a Decimal otherwise."""

    def __init__(self, figure, **kwargs):
        self.figure = figure
        kwargs.setdefault("widget", FigureInput(figure))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return None
        try:
            number = parse_figure(value, self.figure)
        except FigureError as error:
            raise ValidationError(error.message, code=error.code) from None
        return int(number) if self.figure.decimals == 0 else number


def figure_field_like(field, figure):
    """A FigureField that keeps ``field``'s label, help text and whether it is required."""
    return FigureField(figure, label=field.label, help_text=field.help_text, required=field.required)


def use_figure_fields(form, figures):
    """Replace the number fields of ``form`` named in ``figures`` (name -> Figure) by FigureFields."""
    for name, figure in figures.items():
        if name in form.fields:
            form.fields[name] = figure_field_like(form.fields[name], figure)
