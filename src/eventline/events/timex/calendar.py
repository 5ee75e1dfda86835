"""Calendar arithmetic for TIMEX3 values, relative to an anchor that may lack its year or day.

An article often gives its day and month but not its year ("--10-01"). Arithmetic then runs on
month and day alone, and a value keeps `XXXX` for the year rather than a silent guess; where the
answer would depend on whether the year is a leap year, the value falls back to the month. A
weekday is read against such an anchor only when the text says which weekday a date of the
article is ("on Sunday (June 22)": `Anchor.weekday`).

An article known only to its month ("2024-10") still anchors years and months ("last year",
"earlier this month", "in August") and "today" (its month); an expression that needs the day
("yesterday", "on Friday") stays unresolved rather than get a guessed day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from eventline.errors import InputError

Direction = Literal["past", "future", "present", "last", "next", "this"]
Value = tuple[str, str | None]  # TIMEX3 value and its precision

_ANCHOR = re.compile(r"(?:(?P<year>\d{4})|-)-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_LEAP, _COMMON = 2000, 2001  # reference years for anchors without a year
_MID_MONTH = 15
_SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


@dataclass(frozen=True)
class Anchor:
    """The publication date the expressions are read against; `year` None when unknown, `day`
    None for an anchor known to its month. `weekday` (ISO, Monday 1) is the anchor's weekday
    when the year is unknown but the text ties a weekday to a date ("Sunday (June 22)")."""

    text: str
    year: int | None
    month: int
    day: int | None
    weekday: int | None = None

    def as_date(self) -> date:
        """The anchor as a date; a year-less anchor uses a reference year where it is valid, a
        month anchor the middle of its month (for choosing years only, never as a value)."""
        day = self.day or _MID_MONTH
        try:
            return date(self.year or _COMMON, self.month, day)
        except ValueError:  # --02-29
            return date(_LEAP, self.month, day)

    @property
    def month_only(self) -> bool:
        return self.day is None

    def month_text(self) -> Value:
        """The anchor's month, the value of day expressions read against a month anchor."""
        return f"{_year(self.year)}-{self.month:02d}", "month"


def parse_anchor(anchor: str | None) -> Anchor | None:
    """Read "YYYY-MM-DD", "--MM-DD" or "YYYY-MM"; None stays None. Anything else is an input
    error."""
    if anchor is None:
        return None
    match = _ANCHOR.fullmatch(anchor.strip())
    try:
        if match is None or (match["day"] is None and match["year"] is None):
            raise ValueError("expected YYYY-MM-DD, --MM-DD or YYYY-MM")
        year = int(match["year"]) if match["year"] else None
        day = int(match["day"]) if match["day"] else None
        parsed = Anchor(anchor.strip(), year, int(match["month"]), day)
        parsed.as_date()
    except ValueError as exc:
        raise InputError("anchor", f"{anchor!r} is not a date: {exc}") from exc
    return parsed


def day_value(year: int | None, month: int, day: int) -> str:
    return f"{_year(year)}-{month:02d}-{day:02d}"


def _year(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def shift_days(anchor: Anchor | None, days: int) -> Value:
    """The day `days` after the anchor (before, when negative). Against a month anchor, the
    anchor's own day ("today") is its month; any other day is unknown."""
    if anchor is None or (anchor.day is None and days):
        return "XXXX-XX-XX", "day"
    if anchor.day is None:
        return anchor.month_text()
    if anchor.year is not None:
        return (anchor.as_date() + timedelta(days=days)).isoformat(), "day"
    results = set()
    for reference in (_LEAP, _COMMON):
        try:
            start = date(reference, anchor.month, anchor.day or _MID_MONTH)
        except ValueError:
            continue
        shifted = start + timedelta(days=days)
        results.add((shifted.month, shifted.day))
    if len(results) == 1:
        month, day = results.pop()
        return day_value(None, month, day), "day"
    return "XXXX-XX-XX", "day"


def days_between(month: int, day: int, anchor: Anchor) -> int | None:
    """Days from a month-day to the anchor's month-day in one year, when under half a year
    apart (None when the count depends on a leap day, or a date is invalid)."""
    if anchor.day is None:
        return None
    gaps = set()
    for reference in (_LEAP, _COMMON):
        try:
            there = date(reference, month, day)
            here = date(reference, anchor.month, anchor.day)
        except ValueError:
            return None
        gaps.add((here - there).days)
    gap = gaps.pop() if len(gaps) == 1 else None
    return gap if gap is not None and abs(gap) <= 183 else None


def weekday_value(anchor: Anchor | None, weekday: int, direction: Direction) -> Value:
    """The date of ISO `weekday` (Monday 1) nearest the anchor in `direction`.

    past: on or before the anchor; future: on or after; last: strictly before; next: strictly
    after; present/this: the nearest occurrence, the past one on a tie. Not against a month
    anchor; against a year-less anchor only when its weekday is known."""
    if anchor is None or anchor.month_only or (anchor.year is None and anchor.weekday is None):
        return f"XXXX-WXX-{weekday}", None
    own = anchor.as_date().isoweekday() if anchor.weekday is None else anchor.weekday
    back = (own - weekday) % 7
    ahead = (weekday - own) % 7
    if direction == "past":
        delta = -back
    elif direction == "last":
        delta = -(back or 7)
    elif direction == "future":
        delta = ahead
    elif direction == "next":
        delta = ahead or 7
    else:
        delta = -back if back <= ahead else ahead
    return shift_days(anchor, delta)


def _pick_year(year: int, index: int, current: int, direction: Direction) -> int:
    """Which year a recurring period (month, quarter, season) at `index` falls in."""
    if direction == "past":
        return year if index <= current else year - 1
    if direction == "future":
        return year if index >= current else year + 1
    if direction == "last":
        return year if index < current else year - 1
    if direction == "next":
        return year if index > current else year + 1
    return year


def month_value(anchor: Anchor | None, month: int, direction: Direction) -> Value:
    """A month named without a year, read as the one nearest the anchor in `direction`."""
    if anchor is None or anchor.year is None:
        return f"XXXX-{month:02d}", "month"
    return f"{_pick_year(anchor.year, month, anchor.month, direction):04d}-{month:02d}", "month"


def quarter_value(anchor: Anchor | None, quarter: int, direction: Direction) -> Value:
    if anchor is None or anchor.year is None:
        return f"XXXX-Q{quarter}", "quarter"
    current = (anchor.month - 1) // 3 + 1
    return f"{_pick_year(anchor.year, quarter, current, direction):04d}-Q{quarter}", "quarter"


def season_value(anchor: Anchor | None, season: str, direction: Direction) -> Value:
    """Seasons as TIMEX3 codes; winter YYYY runs from December YYYY, so January is last year's."""
    if anchor is None or anchor.year is None:
        return f"XXXX-{season}", "season"
    year = anchor.year - 1 if anchor.month < 3 else anchor.year
    current = 3 if anchor.month in (12, 1, 2) else (anchor.month - 3) // 3
    picked = _pick_year(year, _SEASON_INDEX[season], current, direction)
    return f"{picked:04d}-{season}", "season"


def period_value(anchor: Anchor | None, unit: str, offset: int) -> Value:
    """The calendar `unit` (week, weekend, month, quarter, year, decade, century) containing
    the anchor, moved by `offset` units: "last month" is ("month", -1)."""
    if unit == "day":
        return shift_days(anchor, offset)
    if anchor is None or (anchor.year is None and unit not in ("month", "quarter")):
        return _unknown_period(unit)
    if unit in ("week", "weekend"):
        if anchor.month_only:
            return _unknown_period(unit)
        iso_year, week, _ = (anchor.as_date() + timedelta(weeks=offset)).isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else ""), "week"
    if unit in ("month", "quarter"):
        size = 1 if unit == "month" else 3
        index = (anchor.month - 1) // size + offset
        year = None if anchor.year is None else anchor.year + index // (12 // size)
        index %= 12 // size
        if unit == "month":
            return f"{_year(year)}-{index + 1:02d}", "month"
        return f"{_year(year)}-Q{index + 1}", "quarter"
    assert anchor.year is not None
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}", "century"
    return f"{anchor.year + offset:04d}", "year"


def _unknown_period(unit: str) -> Value:
    if unit in ("week", "weekend"):
        return "XXXX-WXX" + ("-WE" if unit == "weekend" else ""), "week"
    if unit == "month":
        return "XXXX-XX", "month"
    if unit == "quarter":
        return "XXXX-QX", "quarter"
    if unit == "decade":
        return "XXX", "decade"
    if unit == "century":
        return "XX", "century"
    return "XXXX", "year"


def ago_value(anchor: Anchor | None, amount: int, unit: str) -> Value:
    """`amount` units before the anchor (after, when negative): "two weeks ago", "a year later".

    Days and weeks give a day; months a month; years a year; decades and centuries their
    decade or century ("two decades ago" in 1998 is the 1970s, "197")."""
    if unit in ("day", "week"):
        return shift_days(anchor, -amount * (7 if unit == "week" else 1))
    if unit in ("month", "quarter"):
        return period_value(anchor, "month", -amount * (3 if unit == "quarter" else 1))
    if unit in ("decade", "century"):
        return period_value(anchor, unit, -amount)
    return period_value(anchor, "year", -amount)
