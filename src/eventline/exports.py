"""Export files (docs/exports.md): one JSON object per line, or CSV with lists as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eventline.csvsafe import safe_cell
from eventline.errors import OutputError
from eventline.public import (
    ActorOut,
    ArticleOut,
    ClaimOut,
    EventOut,
    ListingItemOut,
    Public,
    QuoteOut,
    StoryOut,
    TimexOut,
)
from eventline.queries import (
    find_actors,
    find_articles,
    find_claims,
    find_events,
    find_quotes,
    find_stories,
    find_timexes,
    iter_all,
    iter_listing_items,
)
from eventline.store import Store

ExportFormat = Literal["jsonl", "csv"]


@dataclass(frozen=True)
class Export:
    """One export file: the public model whose fields are its columns, and the query that
    streams its records (a page at a time, never the whole corpus)."""

    model: type[Public]
    records: Callable[[Store], Iterator[Public]]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.model.model_fields)


# The export files, in the order they are written. Records and columns come from the query
# layer and its public models, as `--json` and the API answer them.
EXPORTS: dict[str, Export] = {
    "articles": Export(ArticleOut, lambda store: iter_all(find_articles, store)),
    "actors": Export(ActorOut, lambda store: iter_all(find_actors, store, order="id")),
    "events": Export(EventOut, lambda store: iter_all(find_events, store)),
    "quotes": Export(QuoteOut, lambda store: iter_all(find_quotes, store)),
    "timexes": Export(TimexOut, lambda store: iter_all(find_timexes, store)),
    "claims": Export(ClaimOut, lambda store: iter_all(find_claims, store)),
    "stories": Export(StoryOut, lambda store: iter_all(find_stories, store)),
    "listing_items": Export(ListingItemOut, iter_listing_items),
}
EXPORT_STEMS = tuple(EXPORTS)


def write_records(
    path: Path, records: Iterable[Public], *, fmt: ExportFormat, fields: tuple[str, ...]
) -> int:
    """Write records to `path` as they come (one at a time in memory), atomically (a temp
    file renamed into place); a file that cannot be written is an OutputError naming it, and
    no half file is left behind."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            if fmt == "jsonl":
                for record in records:
                    row = record.model_dump(mode="json")
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
            else:
                writer = csv.DictWriter(handle, fieldnames=list(fields), extrasaction="ignore")
                writer.writeheader()
                for record in records:
                    row = record.model_dump(mode="json")
                    writer.writerow({k: _cell(v) for k, v in row.items()})
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
    prepare_directory(directory, [f"{stem}.{fmt}" for stem in EXPORTS], force=force)
    written = {}
    for stem, export in EXPORTS.items():
        name = f"{stem}.{fmt}"
        written[name] = write_records(
            directory / name, export.records(store), fmt=fmt, fields=export.fields
        )
    return written
