"""Rules for the reporting periods of business and economic news, in TimeML's conventions.

"fiscal 1998" (FY1998), "recent years" (a duration of unknown length, PXY), "the coming
months" (FUTURE_REF), "year's end", "3% a year" (a set), "the week ended Sept. 26" (that
week), and "the same period a year earlier" (the period the text just named, a year back).
MEANTIME's Wikinews rarely shows them; wire-service business news (TimeBank, TempEval-3)
is full of them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventline.events.timex.calendar import period_value
from eventline.events.timex.rules import Context, TimexCandidate

_YEARLY_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}
_PERIOD_VALUE = re.compile(r"(?P<y>\d{4})(?P<rest>-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?|W\d{2}))?$")
_ENDED = re.compile(
    r"(?:\bthe\s+)?(?P<unit>week|month|quarter|year|(?P<n>three|six|nine|twelve|\d{1,2})"
    r"\s+months)\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_AMOUNT_BEFORE = re.compile(
    r"(?:%|\b(?:per\s*cent|percent|million|billion|trillion|thousand|dollars|cents|euros"
    r"|pounds|yen|barrels|tons|tonnes))\s+$",
    re.IGNORECASE,
)


def fiscal(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "fiscal 1998", "fiscal year 1999": TIMEX3 writes a fiscal year FY1998, since it need
    not run with the calendar year."""
    return [TimexCandidate(m.start(), m.end(), "DATE", f"FY{m['year']}", "year")]


def vague_period(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "recent years" (PXY: some years up to now) and "the coming months", "the weeks
    ahead" (FUTURE_REF: TimeML gives an open stretch of the future no length)."""
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    if m["recent"]:
        code = ctx.lexicon.units[unit]
        time = "T" if unit in ctx.lexicon.time_units else ""
        return [TimexCandidate(m.start("recent"), m.end(), "DURATION", f"P{time}X{code}", None)]
    return [TimexCandidate(m.start(), m.end(), "DATE", "FUTURE_REF", None)]


def period_end(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "year's end", "year-end", "month's end": the anchor's year (month), mod END."""
    unit = m["unit"].lower()
    value, precision = period_value(ctx.anchor, unit, 0)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision, "END")]


def rate(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "3% a year", "$2 million a month": an amount per period is a TIMEX3 set. The pattern
    finds "a year" alone (a literal start scans fast); the amount before it is checked here."""
    if not _AMOUNT_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return []
    unit = m["unit"].lower()
    return [TimexCandidate(m.start("per"), m.end(), "SET", _YEARLY_UNITS[unit], None)]


def same_period(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "the same period a year earlier", "the same quarter last year": valued here as the
    anchor's own period (for a period or quarter, the last closed quarter) a year back, and
    re-valued by `year_back` against the period the text named before it."""
    unit = (m["unit"] or m["unit2"]).lower()
    if unit in ("period", "quarter"):  # results compare the last closed quarter
        value, precision = period_value(ctx.anchor, "quarter", -1)
    elif unit in ("month", "week"):
        value, precision = period_value(ctx.anchor, unit, 0)
    else:
        value, precision = period_value(ctx.anchor, "year", 0)
    return [TimexCandidate(m.start(), m.end(), "DATE", _year_back(value), precision)]


def _year_back(value: str) -> str:
    m = _PERIOD_VALUE.match(value)
    if m is None:
        return value
    return f"{int(m['y']) - 1:04d}{m['rest'] or ''}"


def year_back(kept: list[TimexCandidate], spans: set[tuple[int, int]]) -> list[TimexCandidate]:
    """Each "same period a year earlier" candidate takes the latest period named before it
    (a quarter, month, half, week or year), one year back; a day is read as its month."""
    out: list[TimexCandidate] = []
    reference: str | None = None
    for c in kept:
        if (c.start, c.end) in spans:
            if reference is not None:
                c = replace(c, value=_year_back(reference))
        elif c.type == "DATE" and (m := _PERIOD_VALUE.match(c.value)):
            rest = m["rest"] or ""
            reference = c.value[:7] if len(rest) == 6 else c.value
        out.append(c)
    return out


def ended(text: str, kept: list[TimexCandidate]) -> list[TimexCandidate]:
    """ "the week ended Sept. 26", "the quarter ending June 30", "the nine months to Sept.
    30": the period that the day closes, spanning the whole phrase (an expression found
    inside the phrase, "nine months", gives way to it)."""
    out: list[TimexCandidate] = []
    for c in kept:
        head = _ENDED.search(text, max(0, c.start - 40), c.start)
        day = _day(c.value) if c.precision == "day" and c.type == "DATE" else None
        if head is None or day is None or head.end() != c.start:
            out.append(c)
            continue
        while out and out[-1].end > head.start():
            out.pop()
        out.append(_closed_period(c, head, day))
    return out


def _closed_period(c: TimexCandidate, head: re.Match[str], day: date) -> TimexCandidate:
    if head["n"]:
        n = _MONTHS.get(head["n"].lower()) or int(head["n"])
        return replace(c, start=head.start(), type="DURATION", value=f"P{n}M", precision=None)
    unit = head["unit"].lower()
    return replace(c, start=head.start(), value=_period_of(day, unit), precision=unit)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _period_of(day: date, unit: str) -> str:
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"FY{day.year:04d}" if (day.month, day.day) != (12, 31) else f"{day.year:04d}"
