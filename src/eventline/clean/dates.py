"""Publication date of an article, from the strongest evidence the input offers.

The chain, strongest first (trafilatura-style explicit fallbacks, each stating its evidence):

1. metadata - `Hints.published` (HTML meta, feed and JSONL fields, ``--published``);
2. a date line printed with the story ("Published October 27, 2024", or the header under the
   headline as the HTML reader found it, `Hints.printed_date`), then a full date in the
   dateline or an in-text cue ("MOSCOW, June 23, 2025 (Reuters)");
3. an age ("5 hours ago") counted back from the capture time `Hints.captured`, then an
   "Updated ..." line (`Hints.printed_updated`), then a date the HTML page states elsewhere
   (`Hints.page_date`);
4. a day and month from the dateline or an in-text cue ("today (June 23)", "on Monday
   (Jun 23)"), the year taken from internal evidence when the text bounds it, else from the
   capture time (the latest such day not after capture), else unknown (``--MM-DD``: never a
   guessed year; `is_yearless` lets callers count and report those);
5. internal evidence - the latest dated event the text describes as past bounds the date from
   below, and a weekday the text uses for a past event ("told reporters Tuesday") is the first
   such day on or after that bound.

Nothing found means None: an undated article is honest, a guessed date is an error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventline.clean.datecues import (
    DateMention,
    age_delta,
    find_dates,
    find_weekdays,
    is_future,
    parse_timestamp,
)
from eventline.model import Hints, Published

_TODAY = re.compile(r"\btoday\s*\(([^)]{3,20})\)", re.IGNORECASE)
_WEEKDAY_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:\(([^)]{3,20})\)|,\s*([A-Z][a-z]{2,8}\.?"
    r"\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))"
)
_SLACK = dt.timedelta(days=14)
_UPDATED = re.compile(r"\s*(?:(?:last )?(?:updated|modified)|更新|수정|обновлено)", re.IGNORECASE)


@dataclass(frozen=True)
class DateInputs:
    """What one article offers as date evidence."""

    hints: Hints
    body: str
    captions: str = ""
    dateline_date: str | None = None
    date_lines: tuple[str, ...] = ()
    age: str | None = None
    context_floor: dt.date | None = None


def _day(value: dt.date) -> str:
    return value.isoformat()


def _jsonld_published(blocks: tuple[str, ...]) -> str | None:
    """datePublished of the page's own top-level JSON-LD object (never of a reviewed claim)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes if isinstance(nodes, list) else []:
            if isinstance(node, dict) and isinstance(node.get("datePublished"), str):
                return str(node["datePublished"])
    return None


def from_metadata(hints: Hints) -> Published | None:
    """Hints.published, else the datePublished of the page's JSON-LD."""
    value = hints.published or _jsonld_published(hints.jsonld)
    if not value:
        return None
    stamp = parse_timestamp(value)
    if stamp is None:
        return None
    day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    return Published(value=_day(day), precision="day", evidence="metadata", source="hints")


def _local_day(meta: Published, printed: Published | None, stamp: str | None) -> Published:
    """The metadata date, or the date printed with the story when it is one day off: a
    timestamp in UTC (or in the server's zone) falls on the day before or after the local
    day that the page prints and its readers go by. When both carry a time of day, the gap
    between them must be a UTC offset (at most 14 hours, in quarter hours)."""
    if printed is None or printed.value == meta.value:
        return meta
    gap = abs((dt.date.fromisoformat(printed.value) - dt.date.fromisoformat(meta.value)).days)
    if gap != 1:
        return meta
    if not _offset_explains(stamp, printed.evidence):
        return meta
    evidence = f"{printed.evidence}, one day from the metadata {meta.value} (time zone)"
    return printed.model_copy(update={"evidence": evidence})


def _offset_explains(stamp: str | None, printed_at: str) -> bool:
    """False only when the metadata instant and the printed local time are both known and no
    time zone turns one into the other."""
    moment = parse_timestamp(stamp) if stamp else None
    local = re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", printed_at)
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None or local is None:
        return True
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    minutes = (dt.datetime.fromisoformat(local.group()) - utc).total_seconds() / 60
    return abs(minutes) <= 14 * 60 and round(minutes) % 15 == 0


def from_printed(value: str | None, *, updated: bool) -> Published | None:
    """The stamp printed in the page's header under the headline (`Hints.printed_date`, or
    `printed_updated` when `updated`), read by the HTML reader in the page's local time."""
    stamp = parse_timestamp(value) if value else None
    if stamp is None or value is None:
        return None
    day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    label = "updated-date line" if updated else "date line"
    evidence = f"{label} under the headline ({value})"
    return Published(value=_day(day), precision="day", evidence=evidence, source="text")


def _page_date(value: str | None) -> Published | None:
    stamp = parse_timestamp(value) if value else None
    if stamp is None:
        return None
    day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    return Published(value=_day(day), precision="day", evidence="date on the page", source="page")


def from_age(age: str | None, hints: Hints) -> Published | None:
    if not age or not hints.captured:
        return None
    delta, captured = age_delta(age), parse_timestamp(hints.captured)
    if delta is None or captured is None:
        return None
    if not isinstance(captured, dt.datetime):
        captured = dt.datetime.combine(captured, dt.time(12))
    day = (captured - delta).date()
    evidence = f"age {age.strip()!r} before capture {hints.captured}"
    return Published(value=_day(day), precision="day", evidence=evidence, source="age")


def _date_line_value(text: str) -> dt.date | None:
    found = [m for m in find_dates(text) if m.year is not None]
    if found:
        return dt.date(found[0].year or 0, found[0].month, found[0].day)
    iso = re.search(r"\d{4}-\d{2}-\d{2}", text)
    return _iso_day(iso.group()) if iso else None


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def from_date_lines(lines: tuple[str, ...], *, updated: bool) -> Published | None:
    """A date printed on its own line near the story ("Published October 27, 2024"); an
    "Updated" line only when `updated` (it may be later than first publication)."""
    for text in lines:
        is_update = bool(_UPDATED.match(text))
        if is_update != updated:
            continue
        value = _date_line_value(text)
        if value is not None:
            evidence = "updated-date line" if updated else "date line"
            return Published(value=_day(value), precision="day", evidence=evidence, source="text")
    return None


def latest_past(mentions: list[DateMention]) -> dt.date | None:
    """The latest fully dated event described as past: a lower bound on publication."""
    full = [
        dt.date(m.year, m.month, m.day)
        for m in mentions
        if m.year is not None and not is_future(m.sentence)
    ]
    base = max(full, default=None)
    if base is None:
        return None
    # A day and month without a year, told as past beside a dated event, is its next occurrence
    # after that event (editors write the year only when it is not the current one).
    resolved = [
        _next_occurrence(m.month, m.day, base)
        for m in mentions
        if m.year is None and not is_future(m.sentence)
    ]
    return max([base, *resolved])


def _next_occurrence(month: int, day: int, floor: dt.date) -> dt.date:
    for year in (floor.year, floor.year + 1, floor.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= floor:
            return candidate
    return floor


def _in_text_cue(inputs: DateInputs) -> tuple[DateMention, str] | None:
    """The day and month an explicit cue gives: dateline, "today (...)", "Monday (...)"."""
    if inputs.dateline_date:
        found = find_dates(inputs.dateline_date)
        if found:
            return found[0], "dateline"
    # "today (June 23)" anywhere; "on Monday (June 23)" only in the lede, where it dates the news
    lede = "\n".join(inputs.body.split("\n\n")[:3])
    searches = ((_TODAY, inputs.body, "in-text 'today'"), (_WEEKDAY_DATE, lede, "in-text weekday"))
    for pattern, text, label in searches:
        for m in pattern.finditer(text):
            found = find_dates(next(g for g in m.groups() if g))
            if found:
                return found[0], label
    return None


def is_yearless(value: str | None) -> bool:
    """True for a date whose year is unknown ("--08-15", "XXXX-08-15"): such dates drop out
    of `--since` filters and timelines, so callers count them and tell the user how to supply
    the year (``--published`` or ``--captured``)."""
    return value is not None and value.startswith(("--", "XXXX"))


def count_yearless(values: Iterable[str | None]) -> int:
    """How many of `values` (publication or event dates) lack their year."""
    return sum(is_yearless(v) for v in values)


def _year_from_capture(month: int, day: int, captured: str | None) -> dt.date | None:
    """The latest `month`-`day` on or before the capture day (a page shows news already
    published), allowing two days for time zones; None without a usable capture time."""
    stamp = parse_timestamp(captured) if captured else None
    if stamp is None:
        return None
    limit = (stamp.date() if isinstance(stamp, dt.datetime) else stamp) + dt.timedelta(days=2)
    for year in (limit.year, limit.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _from_cue(
    cue: DateMention, label: str, floor: dt.date | None, captured: str | None = None
) -> Published:
    if cue.year is not None:
        value = dt.date(cue.year, cue.month, cue.day)
        return Published(value=_day(value), precision="day", evidence=label, source="text")
    if floor is not None:
        value = _next_occurrence(cue.month, cue.day, floor - _SLACK)
        evidence = f"{label}; year from internal evidence (dated event {floor.isoformat()})"
        return Published(value=_day(value), precision="day", evidence=evidence, source="text")
    from_capture = _year_from_capture(cue.month, cue.day, captured)
    if from_capture is not None:
        evidence = f"{label}; year from capture time {captured}"
        value = from_capture
        return Published(value=_day(value), precision="day", evidence=evidence, source="text")
    value_md = f"--{cue.month:02d}-{cue.day:02d}"
    return Published(
        value=value_md, precision="monthday", evidence=f"{label}; year unknown", source="text"
    )


def earliest_future(mentions: list[DateMention], floor: dt.date) -> dt.date | None:
    """The earliest date the text puts in the future ("the upcoming summit on Oct. 23"): an
    upper bound on publication."""
    ahead = [
        dt.date(m.year, m.month, m.day) if m.year else _next_occurrence(m.month, m.day, floor)
        for m in mentions
        if is_future(m.sentence)
    ]
    return min((d for d in ahead if d > floor), default=None)


def _from_weekday(body: str, floor: dt.date | None, ceiling: dt.date | None) -> Published | None:
    """The weekday cue read as its first occurrence on or after the floor. When a ceiling leaves
    room for several such weekdays the day is unknown: the month is kept if they share it."""
    if floor is None:
        return None
    cued = {weekday for weekday, _sentence in find_weekdays(body)}
    if not cued:
        return None
    days = [floor + dt.timedelta(days=(w - floor.weekday()) % 7) for w in cued]
    value = max(days)
    bound = f"after dated event {floor.isoformat()}"
    if ceiling is not None and value + dt.timedelta(days=7) < ceiling:
        last = value + dt.timedelta(days=7 * ((ceiling - value).days // 7))
        if last.strftime("%Y-%m") != value.strftime("%Y-%m"):
            return None
        evidence = f"internal: a {value.strftime('%A')} {bound}, before {ceiling.isoformat()}"
        return Published(
            value=value.strftime("%Y-%m"), precision="month", evidence=evidence, source="internal"
        )
    evidence = f"internal: {value.strftime('%A')} {bound}"
    return Published(value=_day(value), precision="day", evidence=evidence, source="internal")


def publication(inputs: DateInputs) -> Published | None:
    """The publication date from the strongest evidence available (see module docstring)."""
    hints = inputs.hints
    meta = from_metadata(hints)
    printed = from_date_lines(inputs.date_lines, updated=False) or from_printed(
        hints.printed_date, updated=False
    )
    if meta is not None:
        return _local_day(meta, printed, hints.published or _jsonld_published(hints.jsonld))
    if printed is not None:
        return printed
    mentions = find_dates(inputs.body) + find_dates(inputs.captions)
    own = latest_past(mentions)
    floor = max((d for d in (own, inputs.context_floor) if d is not None), default=None)
    cue = _in_text_cue(inputs)
    if cue is not None and cue[0].year is not None:
        return _from_cue(*cue, floor, inputs.hints.captured)
    aged = from_age(inputs.age, inputs.hints)
    if aged is not None:
        return aged
    updated = from_date_lines(inputs.date_lines, updated=True) or from_printed(
        hints.printed_updated, updated=True
    )
    if updated is not None:
        return updated
    page = _page_date(inputs.hints.page_date)
    if page is not None:
        return page
    if cue is not None:
        return _from_cue(*cue, floor, inputs.hints.captured)
    ceiling = earliest_future(mentions, floor) if floor is not None else None
    return _from_weekday(inputs.body, floor, ceiling)
