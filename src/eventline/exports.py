"""Export files (docs/exports.md): one JSON object per line, or CSV with lists as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from eventline.csvsafe import safe_cell
from eventline.errors import OutputError
from eventline.model import (
    Actor,
    Article,
    Claim,
    DuplicateGroup,
    Event,
    EventMention,
    ListingItem,
    Mention,
    Quote,
    Story,
    Timex,
)
from eventline.store import Store

ExportFormat = Literal["jsonl", "csv"]

ARTICLE_FIELDS = (
    "id", "document_id", "source_path", "item", "kind", "title", "standfirst", "outlet", "wire",
    "author", "section", "dateline", "url", "published", "published_precision",
    "published_evidence", "body", "captions", "duplicate_group", "story", "items",
)  # fmt: skip
ACTOR_FIELDS = ("id", "name", "type", "country", "sector", "role", "roles", "aliases", "mentions")
EVENT_FIELDS = (
    "id", "type", "mode", "context", "actor", "recipient", "date", "date_precision", "location",
    "modality", "mentions", "sources",
)  # fmt: skip
QUOTE_FIELDS = ("id", "speaker", "speaker_text", "addressee", "text", "direct", "article",
                "start", "end")  # fmt: skip
TIMEX_FIELDS = ("id", "article", "start", "end", "text", "type", "value", "anchor")
CLAIM_FIELDS = ("id", "claim", "claimant", "date", "verdict", "reviewer_article", "related",
                "rating", "label", "claimant_kind", "claimant_span", "claimant_actor",
                "reviews")  # fmt: skip # H6
STORY_FIELDS = ("id", "title", "articles", "start", "end")
LISTING_ITEM_FIELDS = (
    "article", "position", "title", "teaser", "url", "published", "outlet", "topic", "captured",
    "fetch",
)  # fmt: skip
EXPORT_STEMS = (
    "articles", "actors", "events", "quotes", "timexes", "claims", "stories", "listing_items",
)  # fmt: skip


def article_record(
    article: Article, *, duplicate_group: str | None = None, story: str | None = None
) -> dict[str, Any]:
    """The public shape of an article: stable field names, dates as strings."""
    published = article.published
    return {
        "id": article.id,
        "document_id": article.document_id,
        "source_path": article.source_path,
        "item": article.item,
        "kind": article.kind,
        "title": article.title,
        "standfirst": article.standfirst,
        "outlet": article.outlet,
        "wire": article.wire,
        "author": article.author,
        "section": article.section,
        "dateline": article.dateline,
        "url": article.url,
        "published": published.value if published else None,
        "published_precision": published.precision if published else None,
        "published_evidence": published.evidence if published else None,
        "body": article.body,
        "captions": [c.text for c in article.captions],
        "duplicate_group": duplicate_group,
        "story": story,
        "items": [_item_fields(item) for item in article.items],
    }


def _item_fields(item: ListingItem) -> dict[str, Any]:
    """A listing item as the page shows it (its offsets into the listing body are internal)."""
    return item.model_dump(mode="json", exclude={"start", "end"})


def listing_item_records(store: Store) -> Iterator[dict[str, Any]]:
    """One row per item of every listing page, with the page's article id and the item's
    1-based position on it, so a reader can fetch the linked articles (`fetch` true)."""
    for article in store.iter_articles():
        for position, item in enumerate(article.items, start=1):
            yield {"article": article.id, "position": position, **_item_fields(item)}


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    """Articles with the duplicate group and story the corpus stage put them in."""
    group_of = {
        member: group.id
        for group in store.records("duplicate_groups", DuplicateGroup)
        for member in group.members
    }
    story_of = {a: s.id for s in store.records("stories", Story) for a in s.articles}
    for article in store.iter_articles():
        yield article_record(
            article, duplicate_group=group_of.get(article.id), story=story_of.get(article.id)
        )


def actor_records(store: Store) -> Iterator[dict[str, Any]]:
    """Canonical actors with every mention that resolved to them."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    for mention in store.records("mentions", Mention):
        if mention.actor is not None:
            where = {"article": mention.article, "start": mention.start, "end": mention.end}
            mentions.setdefault(mention.actor.id, []).append(where | {"text": mention.text})
    for actor in store.records("actors", Actor):
        record = actor.model_dump(mode="json")
        record["role"] = actor.roles[0].title if actor.roles else None
        record["mentions"] = mentions.get(actor.id, [])
        yield record


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Merged events when the corpus stage has run, else the per-article event mentions."""
    merged = store.records("events", Event)
    if merged:
        for event in merged:
            yield event.model_dump(mode="json")
        return
    for mention in store.records("event_mentions", EventMention):
        record = mention.model_dump(mode="json", exclude={"evidence", "trigger"})
        record["mentions"] = [mention.evidence.model_dump(mode="json")]
        record["sources"] = 1
        yield record


def _dump_all(store: Store, kind: str, model: type[Any]) -> Iterator[dict[str, Any]]:
    for record in store.records(kind, model):
        yield record.model_dump(mode="json")


def write_records(
    path: Path, records: Iterable[dict[str, Any]], *, fmt: ExportFormat, fields: tuple[str, ...]
) -> int:
    """Write records to `path` atomically (a temp file renamed into place); a file that
    cannot be written is an OutputError naming it, and no half file is left behind."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            if fmt == "jsonl":
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
            else:
                writer = csv.DictWriter(handle, fieldnames=list(fields), extrasaction="ignore")
                writer.writeheader()
                for record in records:
                    writer.writerow({k: _cell(v) for k, v in record.items()})
                    count += 1
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from exc
    return count


def _cell(value: Any) -> Any:
    """A CSV cell: lists and mappings as JSON, text safe from spreadsheet formulas."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return safe_cell(value)


def prepare_directory(directory: Path, names: Iterable[str], *, force: bool) -> None:
    """Make sure `directory` can take the export files: created when missing; refused when it
    is a file, or already holds one of `names` (unless `force`), or cannot be created."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(
            str(directory), "exists and is not a folder; name a folder to export into"
        )
    clashes = [name for name in names if (directory / name).exists()]
    if clashes and not force:
        raise OutputError(
            str(directory / clashes[0]),
            f"already exists ({len(clashes)} export files would be replaced); use --force",
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(directory), f"cannot create folder: {exc.strerror or exc}") from exc


def export_all(
    store: Store, directory: Path, *, fmt: ExportFormat, force: bool = False
) -> dict[str, int]:
    """Write every export file the store can fill into `directory`; returns rows per file.
    Existing export files are replaced only with `force`."""
    prepare_directory(directory, [f"{stem}.{fmt}" for stem in EXPORT_STEMS], force=force)
    files: dict[str, tuple[Iterable[dict[str, Any]], tuple[str, ...]]] = {
        "articles": (article_records(store), ARTICLE_FIELDS),
        "actors": (actor_records(store), ACTOR_FIELDS),
        "events": (event_records(store), EVENT_FIELDS),
        "quotes": (_dump_all(store, "quotes", Quote), QUOTE_FIELDS),
        "timexes": (_dump_all(store, "timexes", Timex), TIMEX_FIELDS),
        "claims": (_dump_all(store, "claims", Claim), CLAIM_FIELDS),
        "stories": (_dump_all(store, "stories", Story), STORY_FIELDS),
        "listing_items": (listing_item_records(store), LISTING_ITEM_FIELDS),
    }
    written = {}
    for stem, (records, fields) in files.items():
        name = f"{stem}.{fmt}"
        written[name] = write_records(directory / name, records, fmt=fmt, fields=fields)
    return written
