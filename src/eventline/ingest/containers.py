"""Formats that hold several entries: RSS/Atom feeds (feedparser) and JSONL dumps.

Each entry becomes an Item: a region of the document's text layer plus the metadata the
entry carries. The text layer is the entries' plain texts joined by blank lines."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

import feedparser
from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.errors import FormatError
from eventline.ingest.checks import checked_hints, date_notice
from eventline.ingest.html import html_fragment_to_text
from eventline.model import Hints, Item, Kind, Notice, Rejection

_SEPARATOR = "\n\n"

Entries = list[tuple[str, Hints]]


class JsonlRecord(BaseModel):
    """The documented JSONL fields (docs/input-formats.md); unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")

    body: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    captured: str | None = None
    outlet: str | None = None
    author: str | None = None
    section: str | None = None
    kind: Kind | None = None


def join_entries(entries: Sequence[tuple[str, Hints]]) -> tuple[str, tuple[Item, ...]]:
    parts: list[str] = []
    items: list[Item] = []
    offset = 0
    for text, hints in entries:
        if parts:
            parts.append(_SEPARATOR)
            offset += len(_SEPARATOR)
        parts.append(text)
        items.append(Item(start=offset, end=offset + len(text), hints=hints))
        offset += len(text)
    return "".join(parts), tuple(items)


def read_feed(text: str, *, source: str) -> tuple[Entries, list[Notice]]:
    """Each entry with text, and a Notice for each entry metadata value dropped."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") or "no entries"
        raise FormatError(source, f"malformed or empty feed: {problem}")
    outlet = (parsed.feed.get("title") or "").strip() or None
    entries: Entries = []
    notices: list[Notice] = []
    for number, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = html_fragment_to_text(html or "")
        if not body:
            continue
        hints = Hints(
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            published=_feed_date(entry),
            outlet=outlet,
        )
        where = f"entry {number}"
        if hints.published is None and (raw := _raw_feed_date(entry)) is not None:
            notices.append(date_notice(raw, source=source, where=where, field="published"))
        hints, dropped = checked_hints(hints, source=source, where=where)
        notices += dropped
        entries.append((body, hints))
    if not entries:
        raise FormatError(source, "feed entries have no text")
    return entries, notices


def _feed_date(entry: feedparser.FeedParserDict) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def _raw_feed_date(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's date as written (<pubDate>, <published>, <updated>, <dc:date>) when the
    feed gives one: feedparser leaves its parsed form empty when it cannot read it."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def read_jsonl(
    text: str, *, source: str, max_records: int, skipped: list[Rejection] | None = None
) -> tuple[Entries, list[Notice]]:
    """The records of a JSONL dump. A bad line (not JSON, nested too deeply, a field of the
    wrong type, no text) raises a FormatError naming it, or, when the caller passes a
    `skipped` list, is recorded there with its line number and the other records are read:
    one bad record must not cost the rest of the dump. A metadata value that cannot be used
    is dropped with a Notice."""
    entries: Entries = []
    notices: list[Notice] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if len(entries) >= max_records:
            raise FormatError(
                source, f"more than {max_records:,} records (setting max_jsonl_records)"
            )
        try:
            body, hints = _record(line, number, source=source)
        except FormatError as exc:
            if skipped is None:
                raise
            skipped.append(Rejection(source_path=source, reason=exc.reason, item=number))
            continue
        hints, dropped = checked_hints(hints, source=source, where=f"line {number}")
        notices += dropped
        entries.append((body, hints))
    if not entries and skipped:  # nothing good: the input is rejected for its first bad line
        more = f" (and {len(skipped) - 1:,} more bad lines)" if len(skipped) > 1 else ""
        raise FormatError(source, skipped.pop(0).reason + more)
    if not entries:
        raise FormatError(source, "no records")
    return entries, notices


def _record(line: str, number: int, *, source: str) -> tuple[str, Hints]:
    try:
        record = JsonlRecord.model_validate(json.loads(line))
    except RecursionError as exc:
        raise FormatError(source, f"line {number}: JSON nested too deeply to read") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(source, f"line {number}: not a valid JSONL record ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "record"
        reason = f"line {number}: not a valid JSONL record ({where}: {first['msg']})"
        raise FormatError(source, reason) from exc
    body = record.body or record.text or html_fragment_to_text(record.html or "")
    if not body.strip():
        raise FormatError(source, f"line {number}: no body, text or html field")
    hints = Hints(
        title=record.title,
        url=record.url,
        published=record.published,
        captured=record.captured,
        outlet=record.outlet,
        author=record.author,
        section=record.section,
        kind=record.kind,
    )
    return body.strip(), hints
