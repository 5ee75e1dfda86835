"""Build Documents by hand for clean-stage tests (no ingest, no files)."""

from __future__ import annotations

from eventline.model import Document, Hints, Item


def text_doc(text: str, *, hints: Hints | None = None, name: str = "story.txt") -> Document:
    """A plain-text document with one item covering all of it."""
    raw = text.encode("utf-8")
    return Document(
        id=Document.make_id(raw),
        source_path=name,
        format="text",
        raw=raw,
        text=text,
        encoding="utf-8",
        items=(Item(start=0, end=len(text), hints=hints or Hints()),),
    )


def feed_doc(entries: list[tuple[str, Hints]], *, name: str = "feed.xml") -> Document:
    """A feed-like document: entry texts joined by blank lines, one item per entry."""
    parts: list[str] = []
    items: list[Item] = []
    pos = 0
    for body, hints in entries:
        if parts:
            pos += 2
        items.append(Item(start=pos, end=pos + len(body), hints=hints))
        parts.append(body)
        pos += len(body)
    text = "\n\n".join(parts)
    raw = text.encode("utf-8")
    return Document(
        id=Document.make_id(raw),
        source_path=name,
        format="rss",
        raw=raw,
        text=text,
        encoding="utf-8",
        items=tuple(items),
    )
