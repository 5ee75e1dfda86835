"""`Intervals` answers as the scans it replaced did: `any(s <= p < e)` and overlap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventline.events.intervals import Intervals

RANGES = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(RANGES, st.integers(-2, 62))
def test_covers_is_membership_in_any_range(ranges: list[tuple[int, int]], pos: int) -> None:
    assert Intervals(ranges).covers(pos) == any(s <= pos < e for s, e in ranges)


@given(RANGES, st.integers(-2, 62), st.integers(1, 20))
def test_overlaps_is_sharing_a_character(
    ranges: list[tuple[int, int]], start: int, length: int
) -> None:
    end = start + length
    expected = any(s < end and start < e for s, e in ranges if s < e)
    assert Intervals(ranges).overlaps(start, end) == expected


def test_ranges_added_one_by_one_merge() -> None:
    spans = Intervals()
    for start, end in ((10, 20), (30, 40), (20, 30), (5, 6)):
        spans.add(start, end)
    assert len(spans) == 2
    assert spans.covers(5) and not spans.covers(6) and spans.covers(39) and not spans.covers(40)
