"""From command-line paths to Documents: walk directories, read bytes under a size cap,
decode, detect the format and build the document's text layer and items."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventline.errors import InputError, TooLargeError
from eventline.ingest.checks import checked_hints
from eventline.ingest.containers import join_entries, read_feed, read_jsonl
from eventline.ingest.decode import decode
from eventline.ingest.detect import detect_format
from eventline.ingest.html import extract_html
from eventline.model import Document, Hints, Item, Notice, Rejection
from eventline.settings import MiB, Settings

STDIN = "-"


@dataclass(frozen=True)
class InputSource:
    """One input to read: a file path or stdin, labelled as the user gave it."""

    label: str
    path: Path | None

    def read(self, *, max_bytes: int) -> bytes:
        if self.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = self.path.stat().st_size
            if size > max_bytes:
                raise TooLargeError(self.label, f"{size:,} bytes, {_over(max_bytes)}")
            with self.path.open("rb") as handle:  # read to the cap: a file may grow meanwhile
                data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLargeError(self.label, f"more than {max_bytes:,} bytes, {_over(max_bytes)}")
        return data


def _over(max_bytes: int) -> str:
    """Which limit was hit and how to raise it (docs/configuration.md, Limits)."""
    return (
        f"over the {max_bytes / MiB:g} MiB input limit "
        "(setting max_document_bytes, env EVENTLINE_MAX_DOCUMENT_BYTES)"
    )


def printable_path(path: str) -> str:
    """A path as text that can be shown and stored: a file name that is not valid UTF-8
    reaches Python as lone surrogates (PEP 383), which no UTF-8 writer accepts; they become
    backslash escapes (`caf\\xe9.txt`), so the name is still recognisable and the batch goes
    on. The real path is kept apart for reading."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return path


def iter_sources(paths: Sequence[str]) -> Iterator[InputSource | InputError]:
    """Expand the user's paths in order; directories recursively, sorted, hidden files skipped.
    Problems come out as InputErrors in the stream so one bad entry never stops the batch."""
    for given_raw in paths:
        if given_raw == STDIN:
            yield InputSource(STDIN, None)
            continue
        path, given = Path(given_raw), printable_path(given_raw)
        try:
            kind = "dir" if path.is_dir() else "file" if path.is_file() else ""
            exists = bool(kind) or path.exists()
        except OSError as exc:
            yield InputError(given, exc.strerror or "cannot examine")
            continue
        if kind == "dir":
            yield from _walk(path, label=given)
        elif kind == "file":
            yield InputSource(given, path)
        elif exists:
            yield InputError(given, "not a regular file or directory")
        else:
            yield InputError(given, "no such file or directory")


def _entry(full: Path, shown: str) -> InputSource | InputError:
    if full.is_symlink() and not full.exists():
        return InputError(shown, "broken link")
    if not full.is_file():
        return InputError(shown, "not a regular file")
    if not os.access(full, os.R_OK):
        return InputError(shown, "permission denied")
    return InputSource(shown, full)


def _walk(root: Path, *, label: str) -> Iterator[InputSource | InputError]:
    errors: list[OSError] = []
    for directory, subdirs, files in os.walk(root, onerror=errors.append):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = Path(directory) / name
            shown = printable_path(os.path.join(label, os.path.relpath(full, root)))
            try:
                yield _entry(full, shown)
            except OSError as exc:  # a link into /proc, an entry gone meanwhile
                yield InputError(shown, exc.strerror or "cannot examine")
    for error in errors:
        where = printable_path(str(error.filename or label))
        yield InputError(where, error.strerror or "cannot read directory")


def read_document(source: InputSource, *, settings: Settings, hints: Hints) -> Document:
    """Read, decode and parse one input into a Document, or raise an InputError naming it."""
    return parse_document(source, read_bytes(source, settings=settings), settings=settings,
                          hints=hints)  # fmt: skip


def read_bytes(source: InputSource, *, settings: Settings) -> bytes:
    """The input's bytes under the size cap (`max_document_bytes`), or an InputError."""
    try:
        return source.read(max_bytes=settings.max_document_bytes)
    except OSError as exc:
        raise InputError(source.label, exc.strerror or str(exc)) from exc


def parse_document(
    source: InputSource,
    raw: bytes,
    *,
    settings: Settings,
    hints: Hints,
    skipped: list[Rejection] | None = None,
) -> Document:
    """Decode and parse bytes already read, so a re-ingest can parse them again with merged
    metadata flags without reading the input (stdin) twice. With `skipped`, bad records of a
    JSONL dump are recorded there and the good ones read."""
    text, encoding = decode(raw, source=source.label)
    fmt = detect_format(text, name=source.label)
    hints, flag_notices = checked_hints(hints, source=source.label, where="command-line flags")
    doc_hints = hints
    items: tuple[Item, ...]
    notices: list[Notice] = []
    if fmt == "html":
        body, page_hints = extract_html(
            text,
            source=source.label,
            max_bytes=settings.max_html_bytes,
            timeout=settings.html_timeout,
        )
        page_hints, notices = checked_hints(page_hints, source=source.label, where="page")
        merged = _merge(hints, page_hints)
        layer, items = body, (Item(start=0, end=len(body), hints=merged),)
    elif fmt in ("rss", "atom"):
        entries, notices = read_feed(text, source=source.label)
        layer, items = join_entries([(body, _merge(hints, h)) for body, h in entries])
    elif fmt == "jsonl":
        entries, notices = read_jsonl(
            text, source=source.label, max_records=settings.max_jsonl_records, skipped=skipped
        )
        layer, items = join_entries([(body, _merge(hints, h)) for body, h in entries])
    else:
        layer, items = text, (Item(start=0, end=len(text), hints=hints),)
    return Document(
        id=Document.make_id(raw),
        source_path=source.label,
        format=fmt,
        raw=raw,
        text=layer,
        encoding=encoding,
        items=items,
        hints=doc_hints,
        notices=(*flag_notices, *notices),
    )


def _merge(user: Hints, found: Hints) -> Hints:
    """What the input itself says wins; the user's flags fill what it lacks."""
    values = user.model_dump()
    for key, value in found.model_dump().items():
        if value not in (None, ()):
            values[key] = value
    return Hints(**values)
