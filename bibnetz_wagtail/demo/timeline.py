"""Distinct publication times, spread over the years before a fixed end, during office hours."""

import datetime

DAY_START = 8 * 3600
DAY_END = 18 * 3600


class Timeline:
    """Hands out distinct datetimes between ``end - years`` and ``end``, drawn from ``rng``.

    Timelines that share ``used`` (a set of seconds) never hand out the same time.
    """

    def __init__(self, rng, end, years=3, used=None):
        self.rng = rng
        self.end = end
        self.start = end - datetime.timedelta(days=round(365.25 * years))
        self.days = (self.end - self.start).days
        self.used = used if used is not None else set()

    def moment(self, low=0.0, high=1.0):
        """A new, distinct time in the fraction ``[low, high)`` of the span, on a working day's hours."""
        first = min(int(low * self.days), self.days - 1)
        last = min(max(first + 1, int(high * self.days)), self.days)
        day = self.rng.randrange(first, last)
        second = day * 86400 + self.rng.randrange(DAY_START, DAY_END)
        while second in self.used:
            second += 1
        self.used.add(second)
        return self.start + datetime.timedelta(seconds=second)

    def moment_after(self, earlier):
        """A new, distinct time between ``earlier`` and the end of the span."""
        return self.moment(low=min(self.fraction(earlier) + 0.002, 0.999))

    def recent_moment_after(self, earlier):
        """Like ``moment_after``, but more often in the last months (calls for partners are short-lived)."""
        low = min(self.fraction(earlier) + 0.002, 0.999)
        target = 1 - self.rng.random() ** 2 * (1 - low)
        return self.moment(low=target, high=target)

    def fraction(self, moment):
        """Where ``moment`` lies in the span, from 0 (start) to 1 (end)."""
        return (moment - self.start).total_seconds() / ((self.end - self.start).total_seconds())
