"""Metadata values an input carries that cannot be used: dropped with a Notice, never stored
silently and never a reason to refuse the record. A `javascript:` or `data:` URL given as an
article's address is dropped the same way (only http, https, ftp or no scheme are kept).

A JSONL `published` of "banana" or "2025-02-30" used to become "no date" without a word; now
the value is dropped (so a `--published` flag or the text itself can date the article) and
the ingest report names the file, the line or entry, the field and the value.
"""

from __future__ import annotations

import re

from eventline.clean.datecues import parse_timestamp
from eventline.model import Hints, Notice

DATE_FIELDS = ("published", "captured")
_DATE_FORMS = "not a date (YYYY-MM-DD, an ISO date-time or an RFC 2822 date)"
URL_SCHEMES = frozenset({"http", "https", "ftp"})
_URL_FORMS = "not a web address (http, https or ftp)"
# Browsers drop ASCII tabs, newlines and other control characters inside a URL and ignore
# leading spaces, so "java\tscript:" and " JavaScript:" run as script: fold them before
# reading the scheme.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def checked_hints(hints: Hints, *, source: str, where: str) -> tuple[Hints, list[Notice]]:
    """The hints with every unusable value dropped, and a Notice for each one dropped."""
    drop: dict[str, None] = {}
    notices: list[Notice] = []
    for field in DATE_FIELDS:
        value = getattr(hints, field)
        if value is not None and parse_timestamp(value) is None:
            drop[field] = None
            notices.append(_notice(source, where, field, value, _DATE_FORMS))
    if hints.url is not None and not safe_url(hints.url):
        drop["url"] = None
        notices.append(_notice(source, where, "url", hints.url, _URL_FORMS))
    if not drop:
        return hints, notices
    return hints.model_copy(update=drop), notices


def safe_url(url: str) -> bool:
    """True for an http, https or ftp address, or one without a scheme (a relative path);
    False for `javascript:`, `data:`, `vbscript:`, `file:` and every other scheme, which an
    export or a web page showing the article would turn into a live link."""
    folded = _IGNORED.sub("", url).casefold()
    scheme = _SCHEME.match(folded)
    return scheme is None or scheme.group(1) in URL_SCHEMES


def date_notice(value: str, *, source: str, where: str, field: str) -> Notice:
    """A Notice for a date a reader found but could not parse (a feed's <pubDate>)."""
    return _notice(source, where, field, value, _DATE_FORMS)


def _notice(source: str, where: str, field: str, value: str, reason: str) -> Notice:
    shown = " ".join(value.split())
    shown = shown if len(shown) <= 80 else shown[:79] + "…"
    return Notice(source_path=source, where=where, field=field, value=shown, reason=reason)
