"""Rules for dates written with digits or ordinals that the calendar rules do not read.

Numeric dates ("7/8/07", "08.07.2007"), year ranges ("1914-18", "2015–2016") and centuries
("the 19th century"). A numeric date is ambiguous between month-first and day-first; a part
above 12 settles it, otherwise the caller's locale hint (`Context.day_first`) does, and
without a hint slashes read month-first (US news) and dots day-first (European usage).
"""

from __future__ import annotations

import re
from datetime import date

from eventline.events.timex.rules import Context, TimexCandidate, mod_of

_MAX_RANGE_YEARS = 100


def _full_year(ctx: Context, raw: str) -> int:
    """A two-digit year as the latest year ending so, not more than a few years past the
    anchor ("07" in 2007 news is 2007, "98" is 1998)."""
    if len(raw) == 4:
        return int(raw)
    top = (ctx.anchor.year if ctx.anchor and ctx.anchor.year else 2030) + 5
    year = 2000 + int(raw)
    return year if year <= top else 1900 + int(raw)


def _order(first: int, second: int, sep: str, day_first: bool | None) -> tuple[int, int] | None:
    """(month, day) of a numeric date, or None when neither order is a date."""
    if first > 12 and second > 12:
        return None
    if first > 12:
        return second, first
    if second > 12:
        return first, second
    dmy = day_first if day_first is not None else sep in ".-"
    return (second, first) if dmy else (first, second)


def numeric_date(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "7/8/07", "08.07.2007", "23/06/2025": a day date in the text's numeric convention."""
    order = _order(int(m["a"]), int(m["b"]), m["sep"], ctx.day_first)
    if order is None:
        return []
    year = _full_year(ctx, m["y"])
    try:
        day = date(year, order[0], order[1])
    except ValueError:
        return []
    return [TimexCandidate(m.start(), m.end(), "DATE", day.isoformat(), "day")]


def year_range(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "1914-18", "2015–2016", "the 2019/20 season": two years, each its own DATE, as
    TIMEX3 marks the two ends of a range."""
    first = int(m["y1"])
    raw = m["y2"]
    second = int(str(first)[:2] + raw) if len(raw) == 2 else int(raw)
    if not (first < second <= first + _MAX_RANGE_YEARS) or not 1800 <= first <= 2100:
        return []
    if ctx.word_after(m.end()).lower() in ctx.lexicon.year_blockers:
        return []
    return [
        TimexCandidate(m.start(), m.end("y1"), "DATE", f"{first:04d}", "year"),
        TimexCandidate(m.start("y2"), m.end(), "DATE", f"{second:04d}", "year"),
    ]


def century(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "the 19th century", "the early twentieth century": TIMEX3 writes a century by its
    first two digits ("18" for the 1800s)."""
    raw = m["ord"].lower()
    number = int(raw[:-2]) if raw[0].isdigit() else ctx.lexicon.century_ordinals.get(raw, 0)
    if not 1 <= number <= 21:
        return []
    return [TimexCandidate(m.start(), m.end(), "DATE", f"{number - 1:02d}", "century", mod_of(m))]
