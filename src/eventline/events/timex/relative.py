"""Rules for expressions relative to the anchor, durations, sets, references and clock times.

"yesterday", "last week", "earlier this month", "the third quarter", "two weeks ago", "the past
few years", "every Monday", "now", "3 p.m.". Calendar-date rules live in `timex.rules`.
"""

from __future__ import annotations

import re

from eventline.events.timex.calendar import ago_value, period_value, quarter_value, shift_days
from eventline.events.timex.rules import Context, TimexCandidate, mod_of

_OFFSETS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "latest": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "this": 0,
    "current": 0,
}
_NOT_CALENDAR = {"second", "minute", "hour", "night", "day"}
_CLAUSE_WORDS = {"after", "before", "of", "when", "that", "which", "following", "he", "she", "they"}
_TWO_DAYS = {"the day before yesterday": -2, "the day after tomorrow": 2}
_SET_UNITS = {
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "quarter": "P3M",
    "year": "P1Y",
    "hour": "PT1H",
    "minute": "PT1M",
    "weekend": "XXXX-WXX-WE",
}
_SPAN_CODES = {"DE": "10Y", "CE": "100Y", "Q": "3M"}
_FRACTIONS = {"a", "an", "one", "three"}
_STRETCH_OF = re.compile(r"\s+of\s+(?!the\b|a\b|an\b|it\b|its\b|this\b|that\b)[a-z]")
_PERIOD_CUES = {"for", "in", "during", "over", "throughout", "through"}
_REPORTED = {"week", "month", "quarter", "year"}
_NOT_REPORTED = {"ago", "earlier", "ahead", "later", "ended", "ending", "ends", "to", "through"}
_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "annual": "P1Y",
    "quarterly": "P3M",
    "weekends": "XXXX-WXX-WE",  # "sold bread at a market on weekends": every weekend
}
_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def relative_day(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "today", "yesterday", "earlier today", "tomorrow morning", "tonight"."""
    word = _fold(m["rd"])
    offset = _TWO_DAYS.get(word, ctx.lexicon.relative_days.get(word, 0))
    value, precision = shift_days(ctx.anchor, offset)
    part = m["part"] or ("night" if word == "tonight" else None)
    if part:
        code = ctx.lexicon.day_parts[part.lower()]
        return [TimexCandidate(m.start(), m.end(), "TIME", f"{value}T{code}", precision)]
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def day_part(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "this morning" (today), "last night" (yesterday)."""
    code = ctx.lexicon.day_parts[m["part"].lower()]
    offset = -1 if m["rel"].lower() == "last" else 0
    value, precision = shift_days(ctx.anchor, offset)
    return [TimexCandidate(m.start(), m.end(), "TIME", f"{value}T{code}", precision)]


def relative_period(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "this year", "last week", "earlier this month", "the end of the year", "the year
    before". A bare unit needs "the" and a part-of-period word ("the start of the month");
    "the weekend" and "(on) the day" are read against the anchor (see `_bare_unit`)."""
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    if unit in _NOT_CALENDAR - {"day"} or rel == "same" or (unit == "day" and rel):
        return []
    stretch = rel == "past" or (rel == "last" and unit in ("decade", "century"))
    if stretch and m["the"] and not (mod_of(m) or m["side"] or m["after"]):
        return _past_unit(m, ctx, unit)
    if rel:
        offset = _OFFSETS[rel]
    elif m["after"] and m["the"]:
        offset = -1
    elif m["the"] and (mod_of(m) or m["side"]):
        offset = 0
    elif m["the"] and not m["after"]:
        return _bare_unit(m, ctx, unit)
    else:
        return []
    if unit == "day" and not mod_of(m):
        return []
    value, precision = period_value(ctx.anchor, unit, offset)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision, mod_of(m))]


def _past_unit(m: re.Match[str], ctx: Context, unit: str) -> list[TimexCandidate]:
    """ "the past year", "over the past week", "the last decade": TimeML reads them as a
    stretch of one unit up to now (P1Y, P10Y), not the calendar year before ("last year")."""
    if unit == "weekend":
        return []
    code = ctx.lexicon.units[unit]
    value = f"P{_SPAN_CODES.get(code, '1' + code)}"
    return [TimexCandidate(m.start(), m.end(), "DURATION", value, None)]


def _bare_unit(m: re.Match[str], ctx: Context, unit: str) -> list[TimexCandidate]:
    """ "the weekend": the one before the anchor in past clauses, the coming one otherwise.
    "the day" after a day cue ("on", "ended"): the anchor's day, as in market reports ("rose
    2% on the day"), unless a clause follows ("the day after", "the day when")."""
    if unit == "weekend":
        weekend_now = ctx.anchor is not None and ctx.anchor.as_date().isoweekday() >= 6
        past = ctx.direction(m, None, present="past") in ("past", "last")
        offset = 0 if weekend_now or not past else -1
        value, precision = period_value(ctx.anchor, "weekend", offset)
        return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]
    if unit in _REPORTED and ctx.word_before(m.start()) in _PERIOD_CUES:
        return _reported_period(m, ctx, unit)
    if unit != "day" or ctx.word_before(m.start()) not in ctx.lexicon.day_cues:
        return []
    if ctx.word_after(m.end()).lower() in _CLAUSE_WORDS:
        return []
    value, precision = shift_days(ctx.anchor, 0)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def _reported_period(m: re.Match[str], ctx: Context, unit: str) -> list[TimexCandidate]:
    """ "profit for the quarter", "sales in the year": the period a report is about. A quarter
    told in the past is the last one closed before the anchor (results follow the quarter);
    the week, month and year are the anchor's own."""
    if ctx.word_after(m.end()).lower() in _CLAUSE_WORDS | _NOT_REPORTED:
        return []  # "the year before", "the week ended Sept. 26" (see `timex.periods.ended`)
    past = unit == "quarter" and ctx.direction(m, None, present="this") in ("past", "last")
    value, precision = period_value(ctx.anchor, unit, -1 if past else 0)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def _amount(ctx: Context, raw: str) -> str:
    return raw if raw.isdigit() else ctx.lexicon.numbers[_fold(raw)]


def ago(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "two weeks ago", "a year from now"; "a few days ago" only says it was in the past."""
    amount, unit = _amount(ctx, m["num"]), m["unit"].lower().replace("night", "day")
    future = _fold(m["dir"]) in ("from now", "hence")
    if unit in ("second", "minute", "hour", "weekend"):
        return []
    if amount == "X":
        value, precision = ("FUTURE_REF" if future else "PAST_REF"), None
    else:
        value, precision = ago_value(ctx.anchor, -int(amount) if future else int(amount), unit)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def duration(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "three days", "the past few years" (PXY), "24 hours" (PT24H). "a day" alone is too
    common ("twice a day") to count without "for", "over", "the past" and the like."""
    raw, unit = _fold(m["num"]), m["unit"].lower()
    amount = _amount(ctx, m["num"])
    wide = unit in ("decade", "century") and raw in ("a", "an")  # "a century" stands alone
    # "a week of fighting", "a month of protests": a stretch of time, not "twice a week"
    wide = wide or (raw in ("a", "an") and _STRETCH_OF.match(ctx.text, m.end()) is not None)
    if unit == "weekend" or (raw in ("a", "an", "some", "many") and not m["qual"] and not wide):
        return []
    if unit == "second" and raw in ("a", "an"):  # "a second attempt"
        return []
    if unit == "quarter" and raw in _FRACTIONS and ctx.word_after(m.end()).lower() == "of":
        return []  # "a quarter of the dealers", "three quarters of the seats": fractions
    if raw.isdigit() and int(raw) > 1000:
        return []
    code = ctx.lexicon.units[unit]
    if code == "DE":
        amount, code = (str(int(amount) * 10) if amount != "X" else "X"), "Y"
    elif code == "CE":
        amount, code = (str(int(amount) * 100) if amount != "X" else "X"), "Y"
    time = "T" if unit in ctx.lexicon.time_units else ""
    qual = _fold(m["qual"] or "")
    start = m.start() if qual.startswith(("the ", "past", "last", "next")) else m.start("span")
    return [TimexCandidate(start, m.end(), "DURATION", f"P{time}{amount}{code}", None)]


def bare_duration(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "for months", "took hours", "the worst in decades", "over centuries": an unspecified
    number of units (TIMEX3 "PXM"), only after a cue word since "hours" is often a noun."""
    unit = "century" if m["cent"] else m["unit"].lower()
    if unit in ("weekend", "night", "second", "quarter"):
        return []
    code = ctx.lexicon.units[unit]
    code = "DE" if code == "DE" else "CE" if code == "CE" else code
    time = "T" if unit in ctx.lexicon.time_units else ""
    return [TimexCandidate(m.start("span"), m.end(), "DURATION", f"P{time}X{code}", None)]


def quarter(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "the third quarter of 2009", "Q2", "the first half of this year", "third-quarter"."""
    is_half = bool(m["h"]) or (m["unit"] or "").lower() == "half"
    if m["q"] or m["h"]:
        number = int(m["q"] or m["h"])
    else:
        word = m["ord"].lower()
        number = int(word[0]) if word[0].isdigit() else ctx.lexicon.ordinals[word]
    if number == -1:
        if not (m["year"] or m["rel"]) and m["ord"].lower() == "last":
            return []
        number = 2 if is_half else 4
    if is_half and number > 2:
        return []
    if m["year"]:
        year: str | None = m["year"]
    elif m["rel"]:
        year = period_value(ctx.anchor, "year", _OFFSETS[m["rel"].lower()])[0]
    else:
        year = None
    if is_half:
        value = f"{year or _nearest_half_year(m, ctx, number)}-H{number}"
        return [TimexCandidate(m.start(), m.end(), "DATE", value, "half")]
    if year:
        return [TimexCandidate(m.start(), m.end(), "DATE", f"{year}-Q{number}", "quarter")]
    value, precision = quarter_value(ctx.anchor, number, ctx.direction(m, None, present="this"))
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def _nearest_half_year(m: re.Match[str], ctx: Context, half: int) -> str:
    value, _ = quarter_value(ctx.anchor, 2 * half, ctx.direction(m, None, present="this"))
    return value[:4]


def reference(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    value = ctx.lexicon.references[_fold(m.group(0))]
    return [TimexCandidate(m.start(), m.end(), "DATE", value, None)]


def frequency(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "every Monday", "each year", "each spring", "every morning", "twice a week", "daily"."""
    if m["adverb"]:
        return [TimexCandidate(m.start(), m.end(), "SET", _ADVERBS[m["adverb"].lower()], None)]
    if m["per"] or m["per2"]:
        unit = (m["per"] or m["per2"]).lower()
        return [TimexCandidate(m.start(), m.end(), "SET", _SET_UNITS[unit], None)]
    unit = _fold(m["unit"])
    if unit in ctx.lexicon.seasons:
        return [
            TimexCandidate(m.start(), m.end(), "SET", f"XXXX-{ctx.lexicon.seasons[unit]}", None)
        ]
    if unit in ctx.lexicon.day_parts:
        code = ctx.lexicon.day_parts[unit]
        return [TimexCandidate(m.start(), m.end(), "SET", f"XXXX-XX-XXT{code}", None)]
    if unit in _SET_UNITS:
        return [TimexCandidate(m.start(), m.end(), "SET", _SET_UNITS[unit], None)]
    return [
        TimexCandidate(m.start(), m.end(), "SET", f"XXXX-WXX-{ctx.lexicon.weekdays[unit]}", None)
    ]


def clock(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "3 p.m.", "10:30 am", "14:00", "noon": a time of an unknown day until merged with a
    neighbouring date (see `timex.find_timexes`)."""
    if m["word"]:
        hhmm = _CLOCK_WORDS[m["word"].lower()]
    elif m["h24"]:
        hhmm = f"{int(m['h24']):02d}:{m['mi24']}"
    elif m["hm"]:
        hhmm = f"{m['hm']}:{m['mm']}"
    else:
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
        if int(m["h"]) > 12:
            return []
        hhmm = f"{hour:02d}:{m['mi'] or '00'}"
    zone = "Z" if m["zone"] else ""
    return [TimexCandidate(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{hhmm}{zone}", "time")]


_PART = re.compile(r"P(?:(?P<date>\d+)(?P<dunit>[YMWD])|T(?P<time>\d+)(?P<tunit>[HMS]))")
_UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
_DURATION_JOIN = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)


def _part(value: str) -> tuple[int, str] | None:
    """(rank of its unit, amount) of a one-unit numeric duration ("PT9M" -> (5, "9"))."""
    m = _PART.fullmatch(value)
    if m is None:
        return None
    unit = m["dunit"] or "T" + m["tunit"]
    return _UNIT_ORDER.index(unit), m["date"] or m["time"]


def join_durations(text: str, kept: list[TimexCandidate]) -> list[TimexCandidate]:
    """ "9 minutes 4 seconds", "two hours and 15 minutes", "three years and six months": counted
    durations side by side, each unit finer than the one before, are one duration (PT9M4S)."""
    out: list[TimexCandidate] = []
    parts: list[tuple[int, str]] = []
    for c in kept:
        prev = out[-1] if out else None
        part = _part(c.value) if c.type == "DURATION" else None
        if (
            prev is not None
            and part is not None
            and parts
            and part[0] > parts[-1][0]
            and _DURATION_JOIN.fullmatch(text[prev.end : c.start])
        ):
            parts.append(part)
            out[-1] = TimexCandidate(prev.start, c.end, "DURATION", _value(parts), None)
            continue
        parts = [part] if part is not None else []
        out.append(c)
    return out


def _value(parts: list[tuple[int, str]]) -> str:
    date = "".join(f"{n}{_UNIT_ORDER[r]}" for r, n in parts if r < 4)
    time = "".join(f"{n}{_UNIT_ORDER[r][1]}" for r, n in parts if r >= 4)
    return f"P{date}" + (f"T{time}" if time else "")
