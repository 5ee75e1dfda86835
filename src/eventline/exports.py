"""Export files (docs/exports.md): one JSON object per line, or CSV with lists as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from eventline.model import Article
from eventline.store import Store

ExportFormat = Literal["jsonl", "csv"]

ARTICLE_FIELDS = (
    "id", "document_id", "source_path", "item", "kind", "title", "standfirst", "outlet", "wire",
    "author", "section", "dateline", "url", "published", "published_precision",
    "published_evidence", "body", "captions",
)  # fmt: skip


def article_record(article: Article) -> dict[str, Any]:
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
    }


def article_records(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.iter_articles():
        yield article_record(article)


def write_records(
    path: Path, records: Iterable[dict[str, Any]], *, fmt: ExportFormat, fields: tuple[str, ...]
) -> int:
    """Write records to `path` atomically (a temp file renamed into place)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    count = 0
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
    return count


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def export_all(store: Store, directory: Path, *, fmt: ExportFormat) -> dict[str, int]:
    """Write every export file the store can fill into `directory`; returns rows per file."""
    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    name = f"articles.{fmt}"
    written[name] = write_records(
        directory / name, article_records(store), fmt=fmt, fields=ARTICLE_FIELDS
    )
    return written
