"""Years a time expression's value lacks, filled from the publication date (`dating.py`): a
month in an article known only to its month, a yearless day told in the past."""

from __future__ import annotations

import re
from datetime import date

_YEARLESS = re.compile(r"XXXX-(?P<month>\d\d)(-\d\d)?$")
_MONTH_ANCHOR = re.compile(r"\d{4}-\d\d$")


def year_from_month(value: str, published: str | None) -> str:
    """A month or calendar date without a year ("XXXX-08") in an article known only to its
    month ("2024-10"): the latest such date not after the publication month (news reports the
    past), since the normaliser takes no month-precision anchor."""
    match = _YEARLESS.match(value)
    if match is None or published is None or not _MONTH_ANCHOR.match(published):
        return value
    year, month = int(published[:4]), int(published[5:7])
    if int(match["month"]) > month:
        year -= 1
    return f"{year:04d}{value[4:]}"


_DAY = re.compile(r"(\d{4})(-\d\d-\d\d)")
_WRITTEN_YEAR = re.compile(r"\d{4}|'\d\d")
_PAST_SLACK = 14  # days after the report a misread past may still mean


def past_year(value: str, text: str, published: str | None, tense: str) -> str:
    """A day written without its year ("The war began on October 7") in a clause the parser
    reads as past, normalised to a day weeks after the report (the normaliser weighs only
    twice a wrong side of the report, as its tense is often a lexical guess): the year
    before, since a past act is not told before it happens."""
    m = _DAY.fullmatch(value)
    if m is None or tense != "past" or _WRITTEN_YEAR.search(text) or not published:
        return value
    try:
        gap = (date.fromisoformat(value) - date.fromisoformat(published)).days
        moved = date.fromisoformat(f"{int(m[1]) - 1:04d}{m[2]}")
    except ValueError:
        return value
    return moved.isoformat() if gap > _PAST_SLACK else value
