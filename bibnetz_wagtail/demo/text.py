"""Small text helpers for the demo content: German slugs, numbers, dates, stream block ids."""

import uuid

from ..models.slugs import german_slug  # noqa: F401  (the pages' own rule, shared with the demo)

MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def unique_slug(slug, taken):
    """``slug``, or ``slug-2``, ``slug-3`` … if it is in ``taken``; the result is added to ``taken``."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def number_de(value):
    """An integer with German thousands separators: 12345 → "12.345"."""
    return f"{value:,}".replace(",", ".")


def month_de(date):
    """ "März 2024" for a date."""
    return f"{MONTHS[date.month - 1]} {date.year}"


def block_id(rng):
    """A StreamField block id (a version-4 UUID) drawn from ``rng``, so that the content stays deterministic."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def fill(template, values):
    """``template`` with ``{name}`` placeholders filled from ``values``."""
    return template.format_map(values)
