"""Story time: anaphoric expressions read against the last date the text mentioned.

"One summer evening in 2009 ... The next morning ... Two days later" tells a story whose time
is set by the text, not by the publication date. Deictic expressions ("yesterday", "next
week") keep the publication date as their anchor, as in HeidelTime's news mode; anaphoric ones
("the following day", "that year", "the same month", "two days later") take the latest
date mentioned before them (HeidelTime's reference time), keeping only the parts of it that
are known; with no date before them, the publication date.
Also here: the words before an expression that point it at the future ("delayed to Friday").
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventline.events.timex.calendar import Anchor, ago_value, period_value, shift_days
from eventline.events.timex.lexicon import TimexLexicon, alternation
from eventline.events.timex.rules import Context, TimexCandidate

_EXPLICIT_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:$|T|-(?:SP|SU|FA|WI)$)"
)
_UNIT_NEEDS = {"day": 3, "week": 3, "weekend": 3, "month": 2, "quarter": 2, "year": 1}
_SAME_UNITS = (
    r"day|week|month|quarter|year|morning|afternoon|evening|night|summer|spring|autumn|winter"
)
#: Every word that can follow "the following", "that", "the same" in an anaphor (the line
#: gate of the rule, `patterns.gates`, asks for one of them).
ANAPHOR_UNITS = frozenset(_SAME_UNITS.split("|"))
_QUARTER_VALUE = re.compile(r"(?P<y>\d{4})-(?P<part>Q[1-4]|H[12])$")
_PART_MONTHS = {"Q": 3, "H": 6}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}
_DIRECTED: dict[int, re.Pattern[str]] = {}  # by id() of the (cached, immutable) lexicon


def anaphor(m: re.Match[str], ctx: Context) -> list[TimexCandidate]:
    """ "the following day", "the next morning", "that year", "the same week", "two days
    later": valued here against the publication date, re-anchored by `reanchor`."""
    if m["num"]:
        unit = m["nunit"].lower()
        raw = " ".join(m["num"].lower().split())
        amount = raw if raw.isdigit() else ctx.lexicon.numbers.get(raw, "X")
        if amount == "X" or unit not in ("day", "week", "month", "year"):
            return []
        sign = 1 if m["dir"].lower() in ("later", "after", "afterwards", "on") else -1
        value, precision = ago_value(ctx.anchor, -sign * int(amount), unit)
        return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]
    unit = m["unit"].lower()
    rel = " ".join(m["rel"].lower().split())
    offset = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
    if unit in _PARTS or unit in _SEASONS:
        base, precision = (
            shift_days(ctx.anchor, offset)
            if unit in _PARTS
            else (period_value(ctx.anchor, "year", offset))
        )
        code = _PARTS.get(unit) or _SEASONS[unit]
        joined = f"{base}T{code}" if unit in _PARTS else f"{base}-{code}"
        kind = "TIME" if unit in _PARTS else "DATE"
        return [TimexCandidate(m.start(), m.end(), kind, joined, precision)]
    value, precision = period_value(ctx.anchor, unit, offset)
    return [TimexCandidate(m.start(), m.end(), "DATE", value, precision)]


def anaphor_pattern(lexicon: TimexLexicon) -> str:
    num = alternation(lexicon.numbers)
    return (
        rf"\b(?P<rel>the\s+following|the\s+next|the\s+previous|that|the\s+same)\s+"
        rf"(?P<unit>{_SAME_UNITS})\b"
        r"(?!\s+(?:a|one|the)\s+year\s+(?:ago|earlier|before)|\s+(?:of\s+)?last\s+year)"
        rf"|(?<![\d,.])\b(?P<num>\d+|{num})[\s-]+(?P<nunit>day|week|month|year)s?\s+"
        r"(?P<dir>later|afterwards|earlier|(?:after|before)(?=\s*(?:[.,;:!?]|$)))\b(?!\s+than\b)"
    )


def _reference(c: TimexCandidate) -> tuple[Anchor, int] | None:
    """The story date a dated candidate sets and how much of it is known (1 year, 2 month,
    3 day). A quarter or half sets its first month, at level 2 for quarters and years only
    (`_revalue`)."""
    if q := _QUARTER_VALUE.match(c.value):
        size = _PART_MONTHS[q["part"][0]]
        return Anchor(c.value, int(q["y"]), size * (int(q["part"][1]) - 1) + 1, 1), 2
    m = _EXPLICIT_VALUE.match(c.value)
    if m is None:
        return None
    level = 3 if m["d"] else 2 if m["m"] else 1
    return Anchor(c.value, int(m["y"]), int(m["m"] or 1), int(m["d"] or 1)), level


def _revalue(
    c: TimexCandidate, text: str, lexicon: TimexLexicon, reference: Anchor, level: int
) -> TimexCandidate:
    """`c` computed again against the story's reference date, when that date is precise
    enough for the expression's unit."""
    words = text.lower().split()
    unit = next((w.rstrip("s") for w in words if w.rstrip("s") in _UNIT_NEEDS), None)
    if words[-1] in _PARTS or words[-1] in _SEASONS:
        unit = "day" if words[-1] in _PARTS else "year"
    if unit is None:
        return c
    if _QUARTER_VALUE.match(reference.text) and unit not in ("quarter", "year"):
        level = 1  # a quarter names no month or day of its own
    if _UNIT_NEEDS[unit] > level:
        return _coarse(c, reference, level, words[-1])
    if words[-1] in ("later", "after", "afterwards", "earlier", "before"):
        sign = 1 if words[-1] in ("later", "after", "afterwards") else -1
        raw = re.split(r"[\s-]+(?:day|week|month|year)", text.lower())[0]
        amount_text = lexicon.numbers.get(" ".join(raw.split()), raw.strip())
        if not amount_text.isdigit():
            return c
        amount = int(amount_text)
        if unit == "year" and (part := _QUARTER_VALUE.match(reference.text)):
            # results "a year earlier" than a quarter are that quarter a year back
            year = int(part["y"]) + sign * amount
            return replace(c, value=f"{year:04d}-{part['part']}", precision="quarter")
        value, precision = ago_value(reference, -sign * amount, unit)
        return replace(c, value=value, precision=precision)
    offset = 1 if words[:2] in (["the", "following"], ["the", "next"]) else 0
    offset = -1 if words[:2] == ["the", "previous"] else offset
    if words[-1] in _PARTS:
        base, precision = shift_days(reference, offset)
        return replace(c, value=f"{base}T{_PARTS[words[-1]]}", precision=precision)
    if words[-1] in _SEASONS:
        base, precision = period_value(reference, "year", offset)
        return replace(c, value=f"{base}-{_SEASONS[words[-1]]}", precision="season")
    value, precision = period_value(reference, unit, offset)
    return replace(c, value=value, precision=precision)


def _coarse(c: TimexCandidate, reference: Anchor, level: int, last: str) -> TimexCandidate:
    """The story's year (and month) with the finer parts unknown: "in 2009 ... the next
    morning" is some morning of 2009, not a day near the publication date."""
    known = f"{reference.year:04d}-" + (f"{reference.month:02d}-XX" if level >= 2 else "XX-XX")
    if c.precision in ("day", "time") or last in _PARTS:
        value = f"{known}T{_PARTS[last]}" if last in _PARTS else known
        return replace(c, value=value, precision=None)
    if c.precision == "week":
        return replace(c, value=f"{reference.year:04d}-WXX", precision=None)
    return replace(c, value=known[:7] if level >= 2 else f"{reference.year:04d}-XX", precision=None)


def reanchor(
    kept: list[TimexCandidate],
    ctx: Context,
    *,
    anaphoric: set[tuple[int, int]],
    months: frozenset[tuple[int, int]] = frozenset(),
) -> list[TimexCandidate]:
    """Anaphoric candidates re-valued against the latest dated expression before them; bare
    months of a past story set in an earlier year (`_story_month`)."""
    out: list[TimexCandidate] = []
    reference: tuple[Anchor, int] | None = None
    written: int | None = None  # the year written in the latest dated expression
    story: tuple[int, int] | None = None  # (year, end offset) of a story set in that year
    for c in kept:
        span = (c.start, c.end)
        if span in anaphoric and reference is not None:
            c = _revalue(c, ctx.text[c.start : c.end], ctx.lexicon, *reference)
            if written is not None and c.value[:4] == f"{written:04d}":
                story = (written, c.end)  # "That year": a story told in that year
        elif span in months and story is not None and (moved := _story_month(c, ctx, story)):
            c = moved
            story = (story[0], c.end)
        elif c.type in ("DATE", "TIME"):
            reference = _reference(c) or reference
            year = _WRITTEN_YEAR.search(ctx.text[c.start : c.end])
            written = int(year[0]) if year and c.value[:4].isdigit() else None
            story = (written, c.end) if written and _sets_scene(ctx.text, c) else None
        out.append(c)
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?\n][\"'”’)]*\s+)(?P<lead>[^.!?\n]*)$")


def _sets_scene(text: str, c: TimexCandidate) -> bool:
    """Whether a dated expression opens its sentence as the scene of what follows ("In 1989,
    ...", "One summer evening in 1989, ..."), rather than dating one detail ("The company was
    founded in 1998.")."""
    m = _SENTENCE_START.search(text, max(0, c.start - 60), c.start)
    if m is None or len(m["lead"].split()) > 3:
        return False
    return text[c.end : c.end + 1] == ","


_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_STORY_SENTENCES = 3  # sentence ends a story month may lie after the year that set it


def _story_month(c: TimexCandidate, ctx: Context, story: tuple[int, int]) -> TimexCandidate | None:
    """ "One summer evening in 1989 ... That year, she says, everything seemed possible. ...
    In September she boarded a bus": a bare month told in the past, a few sentences after a
    written year at least two years before the report, is that year's month, not the one
    nearest the publication date. A present or future clause ("the harvest runs from April")
    and a month more than a few sentences on keep the publication date's reading."""
    year, end = story
    anchor = ctx.anchor
    if anchor is None or anchor.year is None or year > anchor.year - 2:
        return None
    between = ctx.text[end : c.start]
    if len(re.findall(r"[.!?](?:\s|$)", between)) > _STORY_SENTENCES:
        return None
    if ctx.tense(c.start, c.end) != "past" or not re.fullmatch(r"\d{4}-\d{2}", c.value):
        return None
    return replace(c, value=f"{year:04d}{c.value[4:]}")


# "closed since early March ... will stay shut until September": what a state runs from lies
# before the report, whatever the tense of the sentence around it.
_SINCE = re.compile(r"\bsince(?:\s+(?:the|early|mid|late|last))?\s*$")


def directed(text: str, start: int, lexicon: TimexLexicon) -> str | None:
    """ "future" when a future-directed phrase ends just before `start`, "open" after "until"
    and the like (future unless the clause is past), "past" after "since", else None."""
    window = text[max(0, start - 40) : start].lower()
    if _SINCE.search(window):
        return "past"
    key = id(lexicon)
    if key not in _DIRECTED:
        future = alternation(lexicon.future_directed)
        open_ = alternation(lexicon.open_future)
        _DIRECTED[key] = re.compile(
            rf"(?:\b(?P<future>{future})|\b(?P<open>{open_}))(?:\s+(?:the|next|this|early|mid|late))?\s*$"
        )
    m = _DIRECTED[key].search(window)
    if m is None:
        return None
    return "future" if m["future"] else "open"
