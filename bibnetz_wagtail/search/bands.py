"""Bands: half-open ranges ``[FROM, TO)`` over a library figure, written ``FROM-TO`` or ``FROM-``."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..models.listing_spec import METRIC_FIELDS  # noqa: F401  (part of this module's interface)

BAND_PATTERN = re.compile(r"^(\d{1,9}(?:\.\d{1,2})?)-(\d{1,9}(?:\.\d{1,2})?)?$")


class BandError(ValueError):
    pass


@dataclass(frozen=True)
class Band:
    low: float
    high: float | None
    code: str

    def contains(self, value):
        return value >= self.low and (self.high is None or value < self.high)

    @property
    def label(self):
        low = format_number(self.low)
        if self.high is None:
            return _("%(low)s and more") % {"low": low}
        return _("%(low)s to under %(high)s") % {"low": low, "high": format_number(self.high)}


def format_number(value):
    """A figure as people write it: 5.000 in German, 1,5 FTE; integers without decimals."""
    from django.utils.formats import number_format

    if float(value).is_integer():
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=None)


def parse_band(text):
    """Parse ``FROM-TO`` or ``FROM-``; raise BandError when it is malformed or empty."""
    match = BAND_PATTERN.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise BandError(text)
    low = float(match.group(1))
    high = float(match.group(2)) if match.group(2) is not None else None
    if high is not None and high <= low:
        raise BandError(text)
    return Band(low=low, high=high, code=canonical_code(low, high))


def canonical_code(low, high):
    def fmt(value):
        return str(int(value)) if float(value).is_integer() else str(value)

    return f"{fmt(low)}-{fmt(high) if high is not None else ''}"


def parse_band_setting(metric, codes):
    if metric not in METRIC_FIELDS:
        raise BandError(f"unknown metric {metric!r}")
    if not isinstance(codes, (list, tuple)) or not codes:
        raise BandError("not a non-empty list")
    return [parse_band(code) for code in codes]


def configured_bands(metric):
    """The bands shown as facet values for one metric, from settings."""
    return parse_band_setting(metric, get_setting("BANDS")[metric])
