"""Regular expressions of the temporal-expression rules, built from the lexicon.

Each pattern finds one family of expressions; the handlers in `timex.rules` decide whether a
hit is a date and compute its value. The fragments below are the shared vocabulary of those
patterns (month names, weekdays, number words, part-of-period prefixes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from eventline.events.timex.holidays import load_holidays
from eventline.events.timex.lexicon import alternation, load_lexicon
from eventline.events.timex.story import ANAPHOR_UNITS, anaphor_pattern

_FLAGS = re.IGNORECASE
YEAR = r"(?:1[5-9]|20)\d{2}"
_SUFFIX = r"(?:st|nd|rd|th)?"
_REL = r"last|next|this|coming|past|previous|following|current|same|latest"


@dataclass(frozen=True)
class Patterns:
    iso: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    month_alone: re.Pattern[str]
    year: re.Pattern[str]
    decade: re.Pattern[str]
    short_year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    day_part: re.Pattern[str]
    relative_period: re.Pattern[str]
    ago: re.Pattern[str]
    duration: re.Pattern[str]
    quarter: re.Pattern[str]
    season: re.Pattern[str]
    reference: re.Pattern[str]
    frequency: re.Pattern[str]
    clock: re.Pattern[str]
    numeric_date: re.Pattern[str]
    year_range: re.Pattern[str]
    century: re.Pattern[str]
    anaphor: re.Pattern[str]
    bare_duration: re.Pattern[str]
    fiscal: re.Pattern[str]
    vague_period: re.Pattern[str]
    period_end: re.Pattern[str]
    rate: re.Pattern[str]
    same_period: re.Pattern[str]
    holiday: re.Pattern[str]


def _mod_prefix() -> str:
    """ "early", "mid-", "late" or "the start/end/... of (the)" before a period."""
    edges = r"start|beginning|middle|end|close|outset"
    return (
        rf"(?:(?:the\s+)?(?:very\s+)?(?P<edge>{edges})\s+of\s+"
        r"|(?P<mod>early|mid|late)(?:\s+|-))"
    )


@cache
def patterns() -> Patterns:
    """All rule patterns, compiled once."""
    lex = load_lexicon()
    mon = alternation(lex.months)
    wd_full = alternation(w for w in lex.weekdays if w not in lex.weekday_abbreviations)
    wd = alternation(lex.weekdays)
    num = alternation(lex.numbers)
    units = alternation(lex.units)
    seasons = alternation(lex.seasons)
    parts = alternation(lex.day_parts)
    ordinal = alternation(lex.ordinals)
    mod = _mod_prefix()
    weekday_prefix = rf"(?:(?:{wd})\.?,?\s+(?:the\s+)?)?"
    day = rf"(?P<day>\d{{1,2}}){_SUFFIX}\b"
    day2 = rf"(?P<range>\s*(?:[-–—]|\band\b|\bto\b)\s*(?P<day2>\d{{1,2}}){_SUFFIX}\b)?"
    year_tail = rf"(?:\s*,?\s*(?P<year>{YEAR})\b)?"
    compiled = {
        "iso": r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?\b",
        "month_day": rf"\b(?P<first>{weekday_prefix}(?P<mon>{mon})\b\.?\s*{day}){day2}{year_tail}",
        "day_month": (
            rf"\b(?P<first>{weekday_prefix}{day}){day2}(?:\s+of)?\s+(?P<mon>{mon})\b\.?"
            rf"(?:,?\s*(?P<year>{YEAR})\b)?"
        ),
        "month_year": rf"\b{mod}?(?P<mon>{mon})\b\.?,?\s+(?:of\s+)?(?P<year>{YEAR})\b",
        "month_alone": rf"\b{mod}?(?:(?P<rel>last|next|this|coming)\s+)?(?P<mon>{mon})\b",
        "year": (
            rf"(?<![\w$€£#.,/'’])(?<!\d-)(?:{mod}|(?:the\s+)?year\s+)?(?P<year>{YEAR})"
            r"(?![\w%]|[.,]\d|\s*(?:%|per\s*cent))"
        ),
        "decade": (
            r"(?<![\w'’])(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s+|-))?"
            r"(?P<dec>(?:1[5-9]|20)?\d0|['’]\d0)['’]?s\b"
        ),
        "short_year": r"(?<![\w'’])['’](?P<yy>\d{2})\b(?!['’]?s)",
        "weekday": (
            rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{wd_full})(?P<plural>s)?\b"
            rf"(?:\s+(?P<part>{parts}))?"
        ),
        "relative_day": (
            r"\b(?:(?P<edge>earlier|later)\s+)?"
            r"(?P<rd>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday"
            rf"|the\s+day\s+after\s+tomorrow)\b(?:\s+(?P<part>{parts}))?"
        ),
        "day_part": rf"\b(?P<rel>this|last)\s+(?P<part>{parts})\b",
        "relative_period": (
            rf"\b(?:{mod}|(?P<side>earlier|later)\s+(?:in\s+)?)?"
            rf"(?:(?P<the>the)\s+)?(?:(?P<rel>{_REL})\s+)?(?P<unit>{units})\b"
            r"(?:\s+(?P<after>previous|before|earlier))?"
        ),
        "ago": (
            rf"(?<![\d,.])\b(?P<num>\d+|{num})[\s-]+(?P<unit>{units})s?\s+"
            r"(?P<dir>ago|back|from\s+now|hence)\b"
        ),
        "duration": (
            r"(?<![\d,.])(?:(?P<qual>(?:the\s+)?(?:past|last|next|previous|coming|following|first)"
            r"|for|over|within|nearly|almost|about|around|more\s+than|less\s+than|up\s+to)\s+)?"
            rf"(?P<span>(?P<num>\d+|{num})(?:\s+|-)"
            r"(?:(?:straight|consecutive|successive|full|long|whole)\s+)?"
            rf"(?P<unit>{units})s?)\b(?![-\s]+old\b)"
        ),
        "quarter": (
            rf"\b(?:the\s+)?(?:(?P<ord>{ordinal}|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
            rf"|Q(?P<q>[1-4])|H(?P<h>[12]))\b(?:(?:\s+of\s+(?:the\s+)?|\s+)"
            rf"(?:(?P<year>{YEAR})\b|(?P<rel>this|last|next|current|previous)\s+year\b))?"
        ),
        "season": (
            rf"\b{mod}?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>{seasons})\b"
            rf"(?:(?:\s+(?:{parts}|day))?(?:\s+(?:of|in)\s+|\s+)(?P<year>{YEAR})\b)?"
        ),
        "reference": rf"\b(?:{alternation(lex.references)})\b",
        "frequency": (
            rf"\b(?:(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|quarter|year|hour"
            rf"|minute|weekend|{wd_full}"
            rf"|{seasons}|{parts})"
            r"|(?P<times>once|twice|(?:three|four|five|\d+)\s+times)\s+(?:a|an|per|each)\s+"
            r"(?P<per>day|week|month|year)|\bper\s+(?P<per2>day|week|month|year)"
            r"|(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly|annual|quarterly"
            r"|(?:(?<=on\s)|(?<=at\s)|(?<=over\s)|(?<=during\s))weekends))\b"
        ),
        "clock": (
            r"(?:\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?|[ap]m)(?!\w)"
            r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)\b(?!:)"
            r"|\b(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:UTC|GMT)\b)"
            r"|\b(?P<word>noon|midday|midnight)\b)"
            r"(?:\s*(?P<zone>UTC|GMT)\b(?!\s*[+-]\d))?"
        ),
    }
    compiled |= {
        "numeric_date": (
            r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d)"
        ),
        "year_range": (
            rf"(?<![\w$€£#.,/'’-])(?P<y1>{YEAR})\s*[-–—/]\s*(?P<y2>\d{{4}}|\d{{2}})\b"
            r"(?![-/.]\d|%)"
        ),
        "century": (
            rf"\b(?:the\s+)?{mod}?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)"
            rf"|{alternation(lex.century_ordinals)})[\s-]+century\b"
        ),
        "anaphor": anaphor_pattern(lex),
        "bare_duration": (
            rf"\b(?P<cue>{alternation(lex.bare_duration_cues)})\s+(?:the\s+)?"
            rf"(?P<span>(?P<unit>{units})s|(?P<cent>centuries))\b(?![-\s]+old\b)(?!\s+(?:of\s+)?(?:ago|later|earlier|before)\b)"
        ),
    }
    compiled |= _period_patterns()
    compiled["holiday"] = _holiday_pattern()
    return Patterns(**{name: re.compile(rx, _FLAGS) for name, rx in compiled.items()})


def _holiday_names() -> list[str]:
    return sorted(load_holidays().rules, key=len, reverse=True)


def _holiday_pattern() -> str:
    """ "Christmas Eve", "last Thanksgiving", "Easter 1998"; an apostrophe straight or curly."""
    names = "|".join(
        r"\s+".join(re.escape(part).replace("'", "['’]") for part in name.split())
        for name in _holiday_names()
    )
    return (
        rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>{names})(?![\w'’])"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR})\b)?"
    )


def _period_patterns() -> dict[str, str]:
    """The patterns of `timex.periods` (reporting periods of business news)."""
    units = r"day|week|month|year|decade|hour|minute"
    return {
        "fiscal": rf"\bfiscal\s+(?:year\s+)?(?P<year>{YEAR})\b",
        "vague_period": (
            rf"(?:\b(?P<recent>recent)\s+(?P<unit>{units})s"
            rf"|\b(?:the\s+)?(?:coming|upcoming)\s+(?P<unit2>{units})s"
            rf"|\bthe\s+(?P<unit3>{units})s\s+ahead)\b"
        ),
        "period_end": r"\b(?P<unit>year|month)(?:['’]s\s+|-)end\b",
        "rate": r"\b(?P<per>an?)\s+(?P<unit>day|week|month|year)\b",
        "same_period": (
            r"\bthe\s+(?:same\s+(?P<unit>period|quarter|month|week|time)\s+(?:of\s+)?"
            r"(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:the\s+)?(?:last|previous|prior)"
            r"\s+year|the\s+year\s+before)"
            r"|year[-\s](?:earlier|ago)\s+(?P<unit2>period|quarter|month|week))\b"
        ),
    }


#: Letters that Python's case-insensitive matching equates with an ASCII letter although their
#: `lower()` is not that letter ("İ" and "ı" match "i", "ſ" matches "s", the Kelvin sign "k"):
#: a line holding one is scanned by every rule.
_ODD_CASE = ("İ", "ı", "ſ", "\u212a")
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
#: Punctuation some rules cannot match without (clock ":", ISO and range dashes, numeric-date
#: separators, the apostrophe of "'90s"); a line's `LineFacts.words` holds those it contains.
_MARKS = (":", "-", "–", "—", "/", ".", "'", "’")


@dataclass(frozen=True)
class Gate:
    """What a line must hold for a rule's pattern to match in it: one of `words` (a lower-case
    run of ASCII letters that every match contains as a whole run), and/or a digit. `digit` is
    "and" (both), "or" (either), or "no" (words only); `words` None: a digit alone decides.
    `needs` are further sets of which the line must hold one each (a run of letters, a mark of
    `_MARKS`, or "#N" for a run of exactly N digits): "1990s" needs the run "s" and "#4"."""

    words: frozenset[str] | None
    digit: str = "no"
    needs: tuple[frozenset[str], ...] = ()

    def admits(self, line: LineFacts) -> bool:
        if line.odd:
            return True
        has_words = self.words is None or not self.words.isdisjoint(line.words)
        if self.digit == "and":
            passed = line.digit and has_words
        elif self.digit == "or":
            passed = line.digit or (self.words is not None and has_words)
        else:
            passed = has_words
        return passed and all(not need.isdisjoint(line.words) for need in self.needs)


@dataclass(frozen=True)
class LineFacts:
    """The runs of ASCII letters of a line (lower case), with the marks and digit-run lengths
    it holds ("#4" for "2024"), and whether it holds a digit."""

    words: frozenset[str]
    digit: bool
    odd: bool

    @classmethod
    def of(cls, line: str) -> LineFacts:
        words = set(_WORD.findall(line.lower()))
        words.update(f"#{len(run)}" for run in _DIGITS.findall(line))
        words.update(mark for mark in _MARKS if mark in line)
        return cls(
            words=frozenset(words),
            digit=_DIGIT.search(line) is not None,
            odd=any(c in line for c in _ODD_CASE),
        )


def _keys(words: Iterable[str], *, plural: bool = False) -> frozenset[str]:
    """One run of letters of each key, its longest (every match holds the whole key); with
    `plural`, also that run plus "s" (patterns that allow "days", "Mondays")."""
    out = set()
    for key in words:
        runs = _WORD.findall(key.lower())
        if not runs:
            raise ValueError(f"timex key without letters: {key!r}")
        run = max(runs, key=len)
        out.add(run)
        if plural and runs[-1] == run:
            out.add(run + "s")
    return frozenset(out)


@cache
def gates() -> dict[str, Gate]:
    """Per rule, a condition every line that the rule's pattern matches in fulfils: lines
    that fail it are not scanned (most lines hold no month, weekday or digit; the patterns
    scanning every line were two thirds of the date step). Derived from the same lexicon as
    the patterns; tests/events/test_timex_gates.py checks that no match is lost.

    A 4-digit year is a run of exactly four digits in every pattern (no word character is
    allowed on either side of it), so "#4" gates the year rules; a clock time needs "am",
    "pm", the "m" of "a.m.", ":", "UTC"/"GMT" or a word like "noon"."""
    lex = load_lexicon()
    months = _keys(lex.months)
    units = _keys(lex.units, plural=True)
    weekdays = _keys((w for w in lex.weekdays if w not in lex.weekday_abbreviations), plural=True)
    year4 = frozenset({"#4"})
    noon = frozenset({"noon", "midday", "midnight"})
    dashes = frozenset({"-", "–", "—", "/"})
    calendar_units = frozenset({"day", "week", "month", "year"})
    return {
        "iso": Gate(None, "and", (year4, frozenset({"-"}))),
        "numeric_date": Gate(None, "and", (frozenset({"/", "."}),)),
        "month_day": Gate(months, "and"),
        "day_month": Gate(months, "and"),
        "month_year": Gate(months, "and", (year4,)),
        "quarter": Gate(frozenset({"quarter", "half", "q", "h"})),
        "ago": Gate(frozenset({"ago", "back", "now", "hence"}), needs=(units,)),
        "relative_day": Gate(frozenset({"today", "yesterday", "tomorrow", "tonight"})),
        "day_part": Gate(frozenset({"this", "last"}), needs=(_keys(lex.day_parts),)),
        "relative_period": Gate(_keys(lex.units)),
        "weekday": Gate(weekdays),
        "month_alone": Gate(months),
        "season": Gate(_keys(lex.seasons)),
        "century": Gate(frozenset({"century"})),
        "anaphor": Gate(
            frozenset({"following", "next", "previous", "that", "same"})
            | {"later", "afterwards", "earlier", "after", "before"},
            needs=(ANAPHOR_UNITS | calendar_units | {u + "s" for u in calendar_units},),
        ),
        "decade": Gate(None, "and", (frozenset({"s"}), frozenset({"#2", "#4"}))),
        "year_range": Gate(None, "and", (year4, dashes)),
        "short_year": Gate(None, "and", (frozenset({"'", "’"}), frozenset({"#2"}))),
        "year": Gate(None, "and", (year4,)),
        "duration": Gate(units),
        "bare_duration": Gate(
            _keys(lex.bare_duration_cues),
            needs=(frozenset(u + "s" for u in _keys(lex.units)) | {"centuries"},),
        ),
        "frequency": Gate(
            frozenset({"every", "each", "once", "twice", "times", "per", "daily", "weekly"})
            | {"monthly", "annually", "yearly", "hourly", "nightly", "annual", "quarterly"}
            | {"weekends"}
        ),
        "reference": Gate(_keys(lex.references)),
        "clock": Gate(noon, "or", (noon | {"am", "pm", "m", "utc", "gmt", ":"},)),
        "fiscal": Gate(frozenset({"fiscal"}), "and"),
        "vague_period": Gate(frozenset({"recent", "coming", "upcoming", "ahead"})),
        "period_end": Gate(frozenset({"end"}), needs=(frozenset({"year", "month"}),)),
        "rate": Gate(frozenset({"day", "week", "month", "year"}), needs=(frozenset({"a", "an"}),)),
        "same_period": Gate(frozenset({"same", "earlier", "ago"}), needs=(frozenset({"year"}),)),
        "holiday": Gate(_keys(_holiday_names())),
    }


#: The characters a `duration` match is made of (words, digits, white space, hyphens): each of
#: its matches lies inside one run of them, and holds a unit word ("three straight days").
_PLAIN_RUN = re.compile(r"[\w\s-]+")
#: Rules scanned only in the plain runs of a line that hold one of their unit words.
WINDOWED = frozenset({"duration"})


@cache
def _unit_finder() -> re.Pattern[str]:
    """Where the `duration` pattern's unit group can match (the same alternation and flags)."""
    return re.compile(alternation(load_lexicon().units), _FLAGS)


def unit_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of word characters, white space and hyphens in text[start:end] that hold a
    unit word: a duration matches nowhere else, and long lines of prose hold few of them
    (a comma or a full stop ends a run), so the costly pattern scans those runs alone."""
    hits = [m.start() for m in _unit_finder().finditer(text, start, end)]
    if not hits:
        return []
    out: list[tuple[int, int]] = []
    for run in _PLAIN_RUN.finditer(text, start, end):
        if any(run.start() <= h < run.end() for h in hits):
            out.append(run.span())
    return out
