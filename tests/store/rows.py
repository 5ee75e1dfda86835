"""Rows the store tests insert by hand, shared so each test states only what it varies."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def empty_document(ingested_at: datetime = datetime(2025, 3, 1, tzinfo=UTC)) -> dict[str, Any]:
    """A `documents` row ("doc") with no text, for articles inserted directly."""
    return {
        "id": "doc",
        "source_path": "x.jsonl",
        "format": "jsonl",
        "encoding": "utf-8",
        "raw": b"",
        "text": "",
        "meta": {},
        "ingested_at": ingested_at,
    }
