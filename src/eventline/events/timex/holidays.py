"""Holidays as day dates: "on Christmas Eve", "over the Thanksgiving weekend", "Easter 1998".

News dates events by holidays as often as by calendar dates, and TimeML marks them as DATEs
with their day's value. The names and their rules (a fixed month-day, the n-th weekday of a
month, days from Easter) are data in resources/timex/holidays.yaml. Without a year, the
holiday's year is the one putting it nearest the anchor, a day on the wrong side of the anchor
for the clause's tense counting twice as far, as for "June 23" (`timex.rules`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventline.errors import ResourceError
from eventline.events.timex.rules import Context, TimexCandidate, capitalised

_RESOURCE = "resources/timex/holidays.yaml"
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
DayRule = Callable[[int], date | None]
_DATE_WORDS = {"eve", "day", "morning", "afternoon", "evening", "night", "weekend"}


@dataclass(frozen=True)
class Holidays:
    """Holiday name (lower case, straight apostrophes, single spaces) -> its day in a year."""

    rules: dict[str, DayRule]


def fold(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _fixed(month: int, day: int) -> DayRule:
    def rule(year: int) -> date | None:
        try:
            return date(year, month, day)
        except ValueError:
            return None

    return rule


def _nth(month: int, weekday: int, n: int) -> DayRule:
    def rule(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)

    return rule


def _from_easter(offset: int) -> DayRule:
    return lambda year: easter(year) + timedelta(days=offset)


def _build(data: Any) -> Holidays:
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(_RESOURCE, "expected a mapping with version: 1")
    rules: dict[str, DayRule] = {}
    for name, value in (data.get("fixed") or {}).items():
        m = _MONTH_DAY.fullmatch(str(value))
        if m is None or _fixed(int(m[1]), int(m[2]))(2000) is None:
            raise ResourceError(_RESOURCE, f"fixed: {name!r} needs a valid MM-DD")
        rules[fold(name)] = _fixed(int(m[1]), int(m[2]))
    for name, spec in (data.get("nth_weekday") or {}).items():
        try:
            month, weekday, n = int(spec["month"]), int(spec["weekday"]), int(spec["n"])
        except (TypeError, KeyError, ValueError) as exc:
            raise ResourceError(_RESOURCE, f"nth_weekday: {name!r}: {exc}") from exc
        if not (1 <= month <= 12 and 1 <= weekday <= 7 and n in (-1, 1, 2, 3, 4)):
            raise ResourceError(_RESOURCE, f"nth_weekday: {name!r} out of range")
        rules[fold(name)] = _nth(month, weekday, n)
    for name, offset in (data.get("easter") or {}).items():
        if not isinstance(offset, int):
            raise ResourceError(_RESOURCE, f"easter: {name!r} needs a day offset")
        rules[fold(name)] = _from_easter(offset)
    if not rules:
        raise ResourceError(_RESOURCE, "no holidays")
    return Holidays(rules)


@cache
def load_holidays() -> Holidays:
    """The packaged holidays, parsed and validated on first use."""
    try:
        text = resources.files("eventline").joinpath(_RESOURCE).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(_RESOURCE, f"cannot read: {exc}") from exc
    return _build(data)


def holiday(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "Christmas Eve", "last Thanksgiving", "Easter 1998": the holiday's day."""
    name = m["name"]
    after = ctx.word_after(m.end())
    if not capitalised(name) or (capitalised(after) and fold(after) not in _DATE_WORDS):
        return []  # "christmas" in lower case; "Easter Island", "Memorial Day Parade"
    rule = load_holidays().rules[fold(name)]
    before = max(0, m.start() - 12)
    every = _EVERY.search(ctx.text[before : m.start()])
    if (
        every is not None
        and not m["year"]
        and (found := _yearly(rule, before + every.start(), m.end()))
    ):
        return found
    day = rule(int(m["year"])) if m["year"] else _nearest(rule, m, ctx)
    if day is None:
        return []
    return [TimexCandidate(m.start(), m.end(), "DATE", day.isoformat(), "day")]


_EVERY = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


def _yearly(rule: DayRule, start: int, end: int) -> list[TimexCandidate]:
    """ "visits every Christmas": a SET of the holiday's month-day, when that is the same
    in every year (not Easter or Thanksgiving, whose day moves)."""
    days = {(d.month, d.day) for y in (2001, 2002, 2003) if (d := rule(y)) is not None}
    if len(days) != 1:
        return []
    month, day = days.pop()
    return [TimexCandidate(start, end, "SET", f"XXXX-{month:02d}-{day:02d}", None)]


def _nearest(rule: DayRule, m: re.Match[str], ctx: Context) -> date | None:
    anchor = ctx.anchor
    if anchor is None or anchor.year is None or anchor.month_only:
        return None
    today = anchor.as_date()
    direction = ctx.direction(m, m["rel"], present="present")
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := rule(y))]
    if direction == "last":
        before = [d for d in options if d < today]
        return max(before) if before else None
    if direction == "next":
        after = [d for d in options if d > today]
        return min(after) if after else None

    def cost(day: date) -> float:
        gap = (day - today).days
        wrong = (gap > 0 and direction == "past") or (gap < 0 and direction == "future")
        return abs(gap) * (2.0 if wrong else 1.0)

    return min(options, key=cost) if options else None
