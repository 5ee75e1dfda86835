"""Articles built by hand for the corpus tests."""

from __future__ import annotations

from eventline.model import Article, Published


def make(art_id: str, body: str, published: str | None = "2025-03-04", **fields: object) -> Article:
    """An article dated to the day (or undated with published=None); other fields as given."""
    date = Published(value=published, precision="day", evidence="test") if published else None
    return Article(
        id=art_id,
        document_id="doc",
        source_path="t.txt",
        item=0,
        body=body,
        published=date,
        **fields,  # type: ignore[arg-type]
    )
