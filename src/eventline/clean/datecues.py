"""Find dates written in news prose: full dates, day-and-month, weekdays, ages.

Pure text readers with no decision about publication: `dates.py` weighs what they find.
Month and weekday names come from `resources/clean/language.yaml` (English, and the Russian and
Arabic month names after a day number: "23 июня 2025", "23 حزيران/يونيو 2025").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cache

from eventline.clean.resources import cues

# Dates written with numbers and script markers: 2025年6月23日 (Chinese, Japanese), 2025년 6월
# 23일 (Korean), 2025/06/23, 2025.06.23 and 23.06.2025 (common on East Asian and European
# pages). The year comes first unless a dotted date ends with it.
NUMERIC_DATE = (
    r"(?:(?:\d{4}|(?:令和|平成)\s*(?:元|\d{1,2}))\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일号]?"
    r"|\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_NUMERIC = re.compile(
    r"(?P<y>\d{4})\s*(?:[年년]\s*|[/.])(?P<m>\d{1,2})\s*(?:[月월]\s*|[/.])(?P<d>\d{1,2})"
    r"(?:\s*[日일号])?(?!\d)"
    r"|(?<![\d.])(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?!\d)"
    r"|(?P<era>令和|平成)\s*(?P<ey>元|\d{1,2})\s*年\s*(?P<m4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*日"
    r"|(?<!\d)(?P<m3>\d{1,2})\s*[月월]\s*(?P<d3>\d{1,2})\s*[日일号]"
)
# Japanese era names: 令和 1 (元年) is 2019, 平成 1 is 1989.
_ERA_START = {"令和": 2018, "平成": 1988}


@dataclass(frozen=True)
class DateMention:
    """A date in the text: year may be None (day and month only). `sentence` is its context."""

    month: int
    day: int
    year: int | None
    start: int
    sentence: str


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = sorted(cues().months, key=len, reverse=True)
    spelled = [n.capitalize() for n in names] + [n for n in names if not n.isascii()]
    # a second name of the same month after a slash ("حزيران/يونيو"), in a script without case
    other = "|".join(n for n in names if not n.isascii() and n.lower() == n.upper())
    mon = "(?P<mon>" + "|".join(spelled) + r")\b\.?" + rf"(?:\s*/\s*(?:{other})\b)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:[,\u060c]?\s+(?P<year>(?:19|20)\d\d))?"
    month_first = re.compile(rf"\b{mon}\s+{day}\b(?![:.]\d){year}(?![\d%])")
    day_first = re.compile(rf"\b{day}\s+{mon}{year}(?![\d%])")
    days = "|".join(d.capitalize() for d in cues().weekdays)
    weekday = re.compile(rf"\b(?P<pre>next|last|this|on|by|until|from)?\s*\b(?P<wd>{days})\b")
    return month_first, day_first, weekday


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


_HAS_DIGIT_DATE = re.compile(r"\d[年년月월./]\d?|元年")
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])|\n")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col"
    r"|Sen|Rep|Gov|No|vs)$"
)


class Sentences:
    """Sentence spans of one text, computed once (abbreviations such as "Oct." or "Mr." do
    not end a sentence), so each date finds its sentence by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for m in _BOUNDARY.finditer(text):
            if m.group() != "\n" and _ABBREV.search(text, max(0, m.start() - 5), m.start()):
                continue
            self.ends.append(m.start() + 1)
            self.starts.append(m.end())
        self.ends.append(len(text))

    def at(self, pos: int) -> str:
        index = bisect_right(self.starts, pos) - 1
        return self.text[self.starts[index] : self.ends[index]]


def _numeric_dates(text: str, sentences: Sentences) -> dict[int, DateMention]:
    """2025年6月23日, 6月23日 (no year), 2025/06/23, 23.06.2025 as mentions."""
    found: dict[int, DateMention] = {}
    for m in _NUMERIC.finditer(text):
        year_raw = m["y"] or m["y2"]
        year = int(year_raw) if year_raw else None
        if m["era"]:
            year = _ERA_START[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"]))
        month = int(m["m"] or m["m2"] or m["m3"] or m["m4"])
        day = int(m["d"] or m["d2"] or m["d3"] or m["d4"])
        if 1 <= month <= 12 and _valid(year, month, day) and (year is None or year >= 1900):
            found[m.start()] = DateMention(month, day, year, m.start(), sentences.at(m.start()))
    return found


#: Arabic-Indic and Eastern Arabic-Indic digits as ASCII ("٢٣" -> "23"), one for one, so that
#: positions in the text stay the same.
_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def find_dates(text: str) -> list[DateMention]:
    """Every day-and-month date in text, with its year when written (digits of Arabic script
    read as ASCII ones)."""
    text = text.translate(_ASCII_DIGITS)
    month_first, day_first, _ = _patterns()
    sentences = Sentences(text)
    found: dict[int, DateMention] = {}
    if _HAS_DIGIT_DATE.search(text):
        found = _numeric_dates(text, sentences)
    for pattern in (month_first, day_first):
        for m in pattern.finditer(text):
            month = cues().months[m.group("mon").casefold()]
            day, year = int(m.group("day")), m.group("year")
            if m.start() in found or not _valid(int(year) if year else None, month, day):
                continue
            found[m.start()] = DateMention(
                month, day, int(year) if year else None, m.start(), sentences.at(m.start())
            )
    return [found[k] for k in sorted(found)]


def find_weekdays(text: str) -> list[tuple[int, str]]:
    """Weekdays the text uses for past events (weekday number, sentence); "next Monday" and
    sentences about the future are left out."""
    _, _, weekday = _patterns()
    sentences = Sentences(text)
    out: list[tuple[int, str]] = []
    for m in weekday.finditer(text):
        sentence = sentences.at(m.start())
        if m.group("pre") == "next" or cues().future.search(sentence):
            continue
        out.append((cues().weekdays[m.group("wd").casefold()], sentence))
    return out


def is_future(sentence: str) -> bool:
    return bool(cues().future.search(sentence))


_AGE_PARTS = re.compile(
    r"(?P<n>\d+|an?|one)\s*(?P<unit>s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|weeks?)\s+ago",
    re.IGNORECASE,
)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def age_delta(text: str) -> dt.timedelta | None:
    """ "5 hours ago" -> 5 hours; "yesterday" -> 1 day; months and years are too vague."""
    lowered = text.strip().casefold()
    if lowered == "yesterday":
        return dt.timedelta(days=1)
    if lowered in {"just now", "today"}:
        return dt.timedelta(0)
    m = _AGE_PARTS.search(lowered)
    if m is None:
        return None
    n = 1 if m.group("n") in {"a", "an", "one"} else int(m.group("n"))
    unit = m.group("unit")
    key = "m" if unit.startswith("min") or unit == "m" else unit[0]
    return dt.timedelta(seconds=n * _UNIT_SECONDS[key])


def parse_timestamp(value: str) -> dt.datetime | dt.date | None:
    """An ISO date/datetime or an RFC 2822 feed date; None when it is neither."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
