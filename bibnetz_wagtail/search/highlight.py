"""Snippets of a page's text around the words a search found, with those words marked.

A word of the text is found when its term (``analysis.term``) is matched by one of the alternatives of a query
word (``analysis.matches``): the rule both engines search by, so a snippet is the same whichever engine answered.
"""

import re
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .analysis import WORD, matches, term

#: Words a snippet shows at most, and how many of them stand before the first word found.
SNIPPET_WORDS = 30
WORDS_BEFORE = 8
ELLIPSIS = "…"
# Block ends and line breaks of rich text become blanks, so that the words of two paragraphs stay apart.
BLOCK_END = re.compile(r"(?i)(</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>)")
BLANKS = re.compile(r"\s+")


def html_as_text(html):
    """The text of rich text: tags removed, entities decoded."""
    return unescape(strip_tags(BLOCK_END.sub(r"\1 ", html or ""))).strip()


def is_found(word, groups):
    """Whether ``word`` of a text is found by a query given as groups of alternative terms."""
    found = term(word)
    return bool(found) and any(matches(alternative, found) for group in groups for alternative in group)


def snippet(text, groups, size=SNIPPET_WORDS):
    """HTML of about ``size`` words of ``text`` (plain text) around the first word found, every word found in
    ``<mark>`` and everything else escaped; None when no word of the text is found."""
    text = BLANKS.sub(" ", text or "").strip()
    words = list(WORD.finditer(text))
    found = [index for index, word in enumerate(words) if is_found(word.group(), groups)]
    if not found:
        return None
    start = max(0, min(found[0] - WORDS_BEFORE, len(words) - size))
    end = min(len(words), start + size)
    marked = set(found)
    parts = [ELLIPSIS + " "] if start else []
    position = words[start].start()
    for index in range(start, end):
        word = words[index]
        parts.append(escape(text[position : word.start()]))
        parts.append(f"<mark>{escape(word.group())}</mark>" if index in marked else escape(word.group()))
        position = word.end()
    # The punctuation after the last word shown, and an ellipsis when words follow.
    rest = text[position:] if end == len(words) else text[position : words[end].start()].rstrip() + " " + ELLIPSIS
    parts.append(escape(rest))
    return mark_safe("".join(parts))
