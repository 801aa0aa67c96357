"""The words of a full-text query, as every engine reads them."""

import re

WORD = re.compile(r"\w+", re.UNICODE)
#: Words beyond this many are ignored: each one costs a pass over every text field.
MAX_WORDS = 10


def words(text):
    return WORD.findall(text or "")[:MAX_WORDS]
