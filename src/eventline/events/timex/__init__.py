"""Find temporal expressions in text and normalise them to TIMEX3 values.

    >>> [(t.text, t.value) for t in find_timexes("Talks resumed on Monday.", anchor="2025-06-25")]
    [('Monday', '2025-06-23')]

Pure Python, no parser: patterns built from the vocabulary in resources/timex/ find the
expressions, and each is read against the article's publication date (`anchor`). Expressions
whose meaning depends on tense ("on Monday", "in January") ask `tense_hint` when the caller has
a parser, and otherwise a lexical guess from the nearby words (`timex.tense`).

An anchor without a year ("--10-01") never gets a guessed one: values keep `XXXX`. Expressions
that are relative to something other than the publication date ("two days after the vote")
stay durations ("P2D") rather than becoming a wrong date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Literal

from eventline.events.timex import holidays, numeric, periods, relative, rules, story
from eventline.events.timex.calendar import Anchor, days_between, parse_anchor
from eventline.events.timex.lexicon import load_lexicon
from eventline.events.timex.patterns import WINDOWED, LineFacts, gates, patterns, unit_windows
from eventline.events.timex.rules import Context, TimexCandidate
from eventline.events.timex.tense import Tense, cue_tense

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Handler = Callable[[re.Match[str], Context], list[TimexCandidate]]

# Rule order breaks ties between candidates of equal length: earlier rules win.
_RULES: tuple[tuple[str, Handler], ...] = (
    ("iso", rules.iso),
    ("fiscal", periods.fiscal),
    ("same_period", periods.same_period),
    ("numeric_date", numeric.numeric_date),
    ("month_day", rules.month_day),
    ("day_month", rules.day_month),
    ("month_year", rules.month_year),
    ("quarter", relative.quarter),
    ("ago", relative.ago),
    ("relative_day", relative.relative_day),
    ("day_part", relative.day_part),
    ("relative_period", relative.relative_period),
    ("weekday", rules.weekday),
    ("month_alone", rules.month_alone),
    ("season", rules.season),
    ("holiday", holidays.holiday),
    ("century", numeric.century),
    ("anaphor", story.anaphor),
    ("decade", rules.decade),
    ("year_range", numeric.year_range),
    ("short_year", rules.short_year),
    ("year", rules.year),
    ("duration", relative.duration),
    ("bare_duration", relative.bare_duration),
    ("frequency", relative.frequency),
    ("reference", relative.reference),
    ("clock", relative.clock),
    ("vague_period", periods.vague_period),
    ("period_end", periods.period_end),
    ("rate", periods.rate),
)
_ANAPHORIC = {"anaphor"}  # rules whose values story time may change (`timex.story`)
_JOIN_TIME = re.compile(r"\s*(?:,\s*)?(?:at|on|,)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class TimexMatch:
    """One temporal expression: its span in the text, TIMEX3 type and value, and precision
    ("day", "month", "year", "week", "quarter", "half", "season", "decade", "century", "time";
    None for durations, sets and PRESENT_REF-style references). `mod` is the TIMEX3 modifier
    of "early"/"mid"/"late"/"the end of" (START, MID, END); the value is the whole period."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    precision: str | None
    anchor: str | None
    mod: str | None = None


def _tense_function(text: str, hint: Callable[[int], str] | None) -> Callable[[int, int], Tense]:
    lexicon = load_lexicon()

    def tense(start: int, end: int) -> Tense:
        pointed = story.directed(text, start, lexicon)
        if pointed == "future":
            return "future"
        if pointed == "past":  # "since early March": a start lies before the report
            return "past"
        told = hint(start) if hint is not None else None
        found: Tense | None = None
        if told in ("past", "future", "present"):
            found = told  # type: ignore[assignment]
        else:
            found = cue_tense(text, start, end, lexicon)
        if pointed == "open" and found in (None, "present"):
            return "future"
        return found or "past"

    return tense


def _lines(text: str) -> list[tuple[int, int]]:
    """Line spans: an expression never runs across a line break (title, dateline, body)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _candidates(ctx: Context) -> list[tuple[int, TimexCandidate]]:
    """Every rule's candidates, rule by rule and line by line; a rule skips the lines that
    lack what all its matches hold (`patterns.gates`)."""
    compiled, gated = patterns(), gates()
    lines = [(start, end, LineFacts.of(ctx.text[start:end])) for start, end in _lines(ctx.text)]
    found: list[tuple[int, TimexCandidate]] = []
    for rank, (name, handler) in enumerate(_RULES):
        pattern: re.Pattern[str] = getattr(compiled, name)
        gate = gated[name]
        for start, end, facts in lines:
            if not gate.admits(facts):
                continue
            for m in _matches(pattern, ctx.text, start, end, windowed=name in WINDOWED):
                found.extend((rank, c) for c in handler(m, ctx) if c.value and c.end > c.start)
    return found


def _matches(
    pattern: re.Pattern[str], text: str, start: int, end: int, *, windowed: bool
) -> Iterator[re.Match[str]]:
    """The pattern's matches in the line text[start:end]; a `windowed` rule's are looked for
    in its unit windows alone (`patterns.unit_windows`), the same matches: none crosses a
    window's edge, and the character after a window (punctuation) is one that the pattern's
    lookaheads and word boundaries treat as they treat the end of the text."""
    if not windowed:
        yield from pattern.finditer(text, start, end)
        return
    for w_start, w_end in unit_windows(text, start, end):
        yield from pattern.finditer(text, w_start, w_end)


def _select(found: list[tuple[int, TimexCandidate]]) -> list[TimexCandidate]:
    """Longest candidates first, then earlier rules; a candidate overlapping a kept one goes."""
    kept: list[TimexCandidate] = []
    taken: list[tuple[int, int]] = []
    for _, c in sorted(found, key=lambda rc: (-(rc[1].end - rc[1].start), rc[0], rc[1].start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _merge_clock(
    text: str, kept: list[TimexCandidate], anchor: Anchor | None
) -> list[TimexCandidate]:
    """A clock time next to a day date takes that day: "Monday at 3 p.m." is one TIME. A clock
    time with no day beside it is read on the publication day, as news reports its own day's
    times ("trading closed at 16:00 UTC")."""
    merged: list[TimexCandidate] = []
    for c in kept:
        prev = merged[-1] if merged else None
        joinable = prev is not None and _JOIN_TIME.fullmatch(text[prev.end : c.start])
        if prev and joinable and prev.type == "SET" and _daily(prev) and _clock(c):
            # "every evening at 6 p.m.": the set of that time of every day
            merged[-1] = TimexCandidate(prev.start, c.end, "SET", "XXXX-XX-XX" + c.value[10:], None)
        elif prev and joinable and c.value.startswith("XXXX-XX-XXT") and prev.precision == "day":
            value = prev.value[:10] + c.value[10:]
            merged[-1] = TimexCandidate(prev.start, c.end, "TIME", value, "time")
        elif prev and joinable and prev.value.startswith("XXXX-XX-XXT") and c.precision == "day":
            merged[-1] = TimexCandidate(
                prev.start, c.end, "TIME", c.value[:10] + prev.value[10:], "time"
            )
        else:
            merged.append(c)
    if anchor is None or anchor.year is None or anchor.month_only:
        return merged
    day = anchor.as_date().isoformat()
    return [
        replace(c, value=day + c.value[10:])
        if c.type == "TIME" and c.value.startswith("XXXX-XX-XXT")
        else c
        for c in merged
    ]


def _daily(c: TimexCandidate) -> bool:
    """A set of every day or of one part of every day ("every day", "each evening")."""
    return c.value == "P1D" or c.value.startswith("XXXX-XX-XXT")


def _clock(c: TimexCandidate) -> bool:
    """A clock time of no known day ("6 p.m.")."""
    return c.type == "TIME" and c.value.startswith("XXXX-XX-XXT") and ":" in c.value


def _normalised(ctx: Context) -> list[TimexCandidate]:
    found = _candidates(ctx)
    anaphoric = {(c.start, c.end) for r, c in found if _RULES[r][0] in _ANAPHORIC}
    year_back = {(c.start, c.end) for r, c in found if _RULES[r][0] == "same_period"}
    months = frozenset((c.start, c.end) for r, c in found if _RULES[r][0] == "month_alone")
    closed = periods.ended(ctx.text, _select(found))  # "the quarter ended Sept. 30" first
    selected = story.reanchor(closed, ctx, anaphoric=anaphoric, months=months)
    selected = periods.year_back(selected, year_back)
    selected = relative.join_durations(ctx.text, selected)
    return _merge_clock(ctx.text, selected, ctx.anchor)


_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
_PAIR_JOIN = re.compile(r"\s*[(,]?\s*(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def anchor_weekday(text: str, kept: list[TimexCandidate], anchor: Anchor) -> int | None:
    """The ISO weekday of a year-less `anchor` when the text ties a weekday to a month-day
    next to it ("on Sunday (June 22)", "Sunday, June 22", "June 22 (Sunday)"): counted from
    that day to the anchor. None when there is no such pair, or pairs disagree."""
    found: set[int] = set()
    for a, b in pairwise(kept):
        if not _PAIR_JOIN.fullmatch(text[a.end : b.start]):
            continue
        for wd, day in ((a, b), (b, a)):
            w = _WEEKDAY_VALUE.fullmatch(wd.value)
            if w is None or (m := _MONTHDAY.fullmatch(day.value)) is None:
                continue
            gap = days_between(int(m[1]), int(m[2]), anchor)
            if gap is not None:
                found.add((int(w[1]) - 1 + gap) % 7 + 1)
    return found.pop() if len(found) == 1 else None


def find_timexes(
    text: str,
    *,
    anchor: str | None,
    tense_hint: Callable[[int], str] | None = None,
    day_first: bool | None = None,
) -> list[TimexMatch]:
    """Every temporal expression in `text`, in order, normalised against `anchor`.

    `anchor` is the publication date, "YYYY-MM-DD", "--MM-DD" (year unknown) or None; a
    malformed anchor raises `InputError`. `tense_hint(offset)` may return "past", "future" or
    "present" for the clause at a character offset; anything else falls back to the guess.
    `day_first` is the locale hint for numeric dates ("07/08/2007"): True for day-month-year,
    False for month-day-year, None to read slashes month-first and dots day-first."""
    parsed = parse_anchor(anchor)
    tense = _tense_function(text, tense_hint)
    kept = _normalised(Context(text, parsed, load_lexicon(), tense, day_first))
    if parsed is not None and parsed.year is None and parsed.weekday is None:
        weekday = anchor_weekday(text, kept, parsed)
        if weekday is not None:  # "Sunday (June 22)": the year-less anchor's weekday is known
            parsed = replace(parsed, weekday=weekday)
            kept = _normalised(Context(text, parsed, load_lexicon(), tense, day_first))
    return [
        TimexMatch(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            type=c.type,  # type: ignore[arg-type]
            value=c.value,
            precision=c.precision,
            anchor=parsed.text if parsed else None,
            mod=c.mod,
        )
        for c in kept
    ]


def normalise(text: str, *, anchor: str | None) -> list[TimexMatch]:
    """`find_timexes` with the lexical tense guess; the short name for the common call."""
    return find_timexes(text, anchor=anchor)


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTHDAY = re.compile(r"XXXX-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_YEARLY = re.compile(r"(\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?")


def date_of(value: str) -> tuple[str | None, str | None]:
    """A TIMEX3 value as (ISO date, precision) for an event's date, or (None, None).

    Days and times give the day ("day"); "XXXX-06-23" gives "--06-23" ("monthday"); months
    "YYYY-MM" ("month"); weeks the ISO date of their Monday ("week"); quarters, halves and
    seasons the year that contains them ("year"); references, durations, decades and values
    with an unknown part give (None, None) because no calendar date is known."""
    if m := _DAY.fullmatch(value):
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if m := _MONTHDAY.fullmatch(value):
        return f"--{m[1]}-{m[2]}", "monthday"
    if m := _MONTH.fullmatch(value):
        return value, "month"
    if m := _WEEK.fullmatch(value):
        try:
            return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat(), "week"
        except ValueError:
            return None, None
    if m := _YEARLY.fullmatch(value):
        return m[1], "year"
    return None, None
