"""Calendar-date rules: each turns one pattern hit into candidate TIMEX3 values.

A handler may refuse a hit (the modal "may", "June Carter", "2000 people") by returning no
candidate; competing candidates are settled later by length in `timex`. Handlers only read;
the anchor and the tense callback come in a `Context`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventline.events.timex.calendar import (
    Anchor,
    Direction,
    Value,
    day_value,
    month_value,
    season_value,
    weekday_value,
)
from eventline.events.timex.lexicon import TimexLexicon
from eventline.events.timex.tense import Tense

_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t'’]*$")
_WORD_AFTER = re.compile(r"^[ \t]*([A-Za-z]+)")
_DROP = {"of", "in", "to", "from", "was", "is", "has", "had"}  # after "fall": a decline
_EDGE_MODS = {"start": "START", "beginning": "START", "outset": "START", "middle": "MID"}


@dataclass(frozen=True)
class TimexCandidate:
    start: int
    end: int
    type: str
    value: str
    precision: str | None
    mod: str | None = None


@dataclass(frozen=True)
class Context:
    text: str
    anchor: Anchor | None
    lexicon: TimexLexicon
    tense: Callable[[int, int], Tense]
    day_first: bool | None = None

    def word_before(self, pos: int) -> str:
        found = _WORD_BEFORE.search(self.text[max(0, pos - 40) : pos])
        return found.group(1).lower() if found else ""

    def word_after(self, pos: int) -> str:
        found = _WORD_AFTER.search(self.text[pos : pos + 40])
        return found.group(1) if found else ""

    def direction(self, m: re.Match[str], rel: str | None, *, present: Direction) -> Direction:
        """ "last"/"next"/"this" in the expression win; otherwise the clause's tense decides."""
        relative = (rel or "").lower()
        if relative in ("last", "past", "previous"):
            return "last"
        if relative in ("next", "coming", "following"):
            return "next"
        if relative in ("this", "current"):
            return "this"
        tense = self.tense(m.start(), m.end())
        return present if tense == "present" else tense


def mod_of(m: re.Match[str]) -> str | None:
    """The TIMEX3 mod of an "early"/"mid-"/"the end of" prefix, if the pattern has one."""
    groups = m.groupdict()
    word = (groups.get("edge") or groups.get("mod") or "").lower()
    if not word:
        return None
    return _EDGE_MODS.get(word) or {"early": "START", "mid": "MID"}.get(word, "END")


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def month_number(ctx: Context, name: str) -> int:
    return ctx.lexicon.months[name.lower().rstrip(".")]


def _year(raw: str | None) -> int | None:
    return int(raw) if raw else None


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _date(year: int | None, month: int, day: int, ctx: Context, m: re.Match[str]) -> Value:
    """A day date; without a year, the year putting it nearest the anchor, where a day on the
    wrong side of the anchor for the clause's tense counts as twice as far; after "since", a
    day after the anchor is no reading at all (the start of a state lies in the past)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return "", None
    anchor = ctx.anchor
    if year is not None or anchor is None or anchor.year is None:
        return day_value(year, month, day), "day"
    tense = ctx.tense(m.start(), m.end())
    since = _SINCE.search(ctx.text[max(0, m.start() - 12) : m.start()]) is not None
    best: tuple[float, int] | None = None
    for option in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            gap = (date(option, month, day) - anchor.as_date()).days
        except ValueError:  # 29 February
            continue
        weight = 2.0 if (gap > 0 and tense == "past") or (gap < 0 and tense == "future") else 1.0
        if gap > 0 and since:
            weight = 100.0  # "strikes since October 7" in June: what a state runs from is past
        if best is None or abs(gap) * weight < best[0]:
            best = (abs(gap) * weight, option)
    return (day_value(best[1], month, day), "day") if best else ("", None)


def iso(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return []
    value = day_value(year, month, day)
    if m["h"]:
        return [TimexCandidate(m.start(), m.end(), "TIME", f"{value}T{m['h']}:{m['mi']}", "time")]
    return [TimexCandidate(m.start(), m.end(), "DATE", value, "day")]


def _month_ok(ctx: Context, name: str) -> bool:
    return capitalised(name) or name.isupper()


def month_day(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "June 23", "Oct. 23, 2023", "Oct. 23–24" (two dates), "Monday, June 23"."""
    if not _month_ok(ctx, m["mon"]):
        return []
    month, year = month_number(ctx, m["mon"]), _year(m["year"])
    return _day_range(m, ctx, month, year)


def day_month(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "23 June 2025", "the 1st of May", "23-24 June"."""
    if not _month_ok(ctx, m["mon"]):
        return []
    return _day_range(m, ctx, month_number(ctx, m["mon"]), _year(m["year"]))


def _day_range(
    m: re.Match[str], ctx: Context, month: int, year: int | None
) -> list[TimexCandidate]:
    first, _ = _date(year, month, int(m["day"]), ctx, m)
    if not first:
        return []
    if not m["range"]:
        return [TimexCandidate(m.start(), m.end(), "DATE", first, "day")]
    second, _ = _date(year, month, int(m["day2"]), ctx, m)
    if not second or int(m["day2"]) <= int(m["day"]):
        return [TimexCandidate(m.start(), m.end("first"), "DATE", first, "day")]
    return [
        TimexCandidate(m.start(), m.end("first"), "DATE", first, "day"),
        TimexCandidate(m.start("day2"), m.end(), "DATE", second, "day"),
    ]


def month_year(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    if not _month_ok(ctx, m["mon"]):
        return []
    value = f"{int(m['year']):04d}-{month_number(ctx, m['mon']):02d}"
    return [TimexCandidate(m.start(), m.end(), "DATE", value, "month", mod_of(m))]


def month_alone(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "in January", "last November", "late July": a bare month is easily a word or a name,
    so ambiguous names need a cue and any name followed by a capitalised word is refused."""
    name = m["mon"]
    if not _month_ok(ctx, name) or name.lower() in ctx.lexicon.month_abbreviations:
        return []
    cued = bool(m["rel"] or mod_of(m))
    ambiguous = name.lower() in ctx.lexicon.ambiguous_months
    if not cued and ambiguous and ctx.word_before(m.start()) not in ctx.lexicon.month_cues:
        return []
    if not cued and capitalised(ctx.word_after(m.end())):
        return []
    direction = ctx.direction(m, m["rel"], present="this")
    value, precision = month_value(ctx.anchor, month_number(ctx, name), direction)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision, mod_of(m))]


def year(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """A four-digit year, unless the next word shows a clock time or a count."""
    if ctx.word_after(m.end()).lower() in ctx.lexicon.year_blockers:
        return []
    number = int(m["year"])
    if number < 1800 or number > 2100:
        return []
    return [TimexCandidate(m.start(), m.end(), "DATE", f"{number:04d}", "year", mod_of(m))]


def _century(ctx: Context, two_digits: int) -> int:
    """The latest year ending in `two_digits` not more than a few years past the anchor."""
    top = (ctx.anchor.year if ctx.anchor and ctx.anchor.year else 2030) + 5
    year = 2000 + two_digits
    return year if year <= top else 1900 + two_digits


def decade(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "the 1990s", "the '80s"; "in his 80s" is an age."""
    if ctx.word_before(m.start()) in ctx.lexicon.decade_blockers:
        return []
    raw = m["dec"].lstrip("'’")
    start_year = int(raw) if len(raw) == 4 else _century(ctx, int(raw))
    spelled = m["dec"][0] in "'’" or m.group(0).lower().startswith("the")
    if len(raw) != 4 and not spelled and ctx.word_before(m.start()) not in ("and", "or"):
        return []
    value = f"{start_year // 10:03d}"
    return [TimexCandidate(m.start(), m.end(), "DATE", value, "decade", mod_of(m))]


def short_year(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "'82" after a date cue word ("in '82", "since '09")."""
    if ctx.word_before(m.start()) not in ctx.lexicon.month_cues:
        return []
    value = f"{_century(ctx, int(m['yy'])):04d}"
    return [TimexCandidate(m.start(), m.end(), "DATE", value, "year")]


def weekday(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "on Saturday", "last Monday", "Friday night"; "Black Monday" is a name, "Mondays" a set."""
    name = m["wd"]
    if not (capitalised(name) or name.isupper()):
        return []
    if ctx.word_before(m.start()) in ctx.lexicon.weekday_blockers:
        return []
    number = ctx.lexicon.weekdays[name.lower()]
    if m["plural"]:
        return [TimexCandidate(m.start(), m.end("plural"), "SET", f"XXXX-WXX-{number}", None)]
    direction = ctx.direction(m, m["rel"], present="present")
    value, precision = weekday_value(ctx.anchor, number, direction)
    if m["part"]:
        part = ctx.lexicon.day_parts[m["part"].lower()]
        return [TimexCandidate(m.start(), m.end(), "TIME", f"{value}T{part}", precision)]
    return [TimexCandidate(m.start(), m.end("wd"), "DATE", value, precision)]


def season(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "this spring", "summer 2024", "in the autumn"; a bare "fall" is a verb."""
    code = ctx.lexicon.seasons[m["season"].lower()]
    after = ctx.word_after(m.end()).lower()
    if not m["year"] and m["season"].lower() == "fall" and after in _DROP:
        return []  # "the fall of the wall", "the fall in prices": a collapse, a decline
    cued = bool(m["rel"] or m["year"] or mod_of(m))
    if not cued and ctx.word_before(m.start()) not in ("the", "in", "during", "this", "by"):
        return []
    if m["year"]:
        return [
            TimexCandidate(m.start(), m.end(), "DATE", f"{m['year']}-{code}", "season", mod_of(m))
        ]
    direction = ctx.direction(m, m["rel"], present="this")
    value, precision = season_value(ctx.anchor, code, direction)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision, mod_of(m))]
