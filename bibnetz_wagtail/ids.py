"""Database ids typed into URLs and query parameters: checked against the range a primary key can hold."""

import re

#: The largest value of a 64-bit signed primary key (BigAutoField); anything above can name no row.
MAX_ID = 2**63 - 1

DIGITS = re.compile(r"^\s*[0-9]{1,19}\s*$")


def parse_id(value):
    """``value`` as an id from 1 to ``MAX_ID``, or None when it cannot name a row."""
    if not isinstance(value, str) or not DIGITS.match(value):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    """A URL converter for ids: only numbers a primary key can hold match, so others are a plain 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
