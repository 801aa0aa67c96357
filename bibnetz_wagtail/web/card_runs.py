"""Result cards in runs: in the likeness order, consecutive results of one library fold under its first result.

All measures of a library share its likeness, so one library can fill a whole page. The order and the counts
stay those of the listing contract; the page only folds each run („+4 weitere Maßnahmen dieser Bibliothek“)
into a ``<details>`` that opens without JavaScript. The JSON output is not affected.
"""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from ..search.query import SORT_SIMILAR

#: Listings whose results belong to a library other than themselves; a library listing has nothing to fold.
FOLDING_KINDS = ("measures", "tasks")


@dataclass
class CardRun:
    """The first result of a library and the results of the same library right after it."""

    kind: str
    first: object
    more: list = field(default_factory=list)

    @property
    def library(self):
        return self.first.item.library

    @property
    def more_label(self):
        count = len(self.more)
        if self.kind == "tasks":
            text = ngettext("+%(count)s more call of this library", "+%(count)s more calls of this library", count)
        else:
            text = ngettext(
                "+%(count)s more measure of this library", "+%(count)s more measures of this library", count
            )
        return text % {"count": count}


def card_runs(kind, cards, sort):
    """``cards`` as runs, in their order: folded by library in the likeness order, one card per run otherwise."""
    fold = kind in FOLDING_KINDS and sort == SORT_SIMILAR
    runs = []
    for card in cards:
        if fold and runs and runs[-1].library.pk == card.item.library.pk:
            runs[-1].more.append(card)
        else:
            runs.append(CardRun(kind, card))
    return runs
