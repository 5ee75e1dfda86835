"""Character ranges of one text with membership and overlap answered in O(log n).

The quote finder and the coder ask, for every verb, sentence or event of an article, whether
it lies inside a quote already found. A scan of every quote per question made coding
quadratic in the article's length (a 100,000-character chunk of a long article spent more
time in these scans than in spaCy's parse). `Intervals` keeps the union of the ranges as
sorted, disjoint [start, end) pairs, so each question is a binary search.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Intervals:
    """The union of half-open character ranges [start, end); empty ranges add nothing."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Add [start, end), merged with every range it overlaps or touches."""
        if end <= start:
            return
        first = bisect_left(self._ends, start)  # first range ending at or after `start`
        last = bisect_right(self._starts, end)  # ranges starting at or before `end`
        if first < last:
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def covers(self, position: int) -> bool:
        """Whether some range holds `position` (start <= position < end)."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range shares a character with [start, end)."""
        index = bisect_right(self._ends, start)  # first range ending after `start`
        return index < len(self._starts) and self._starts[index] < end

    def __len__(self) -> int:
        return len(self._starts)
