"""Long texts in pieces: sentence-aligned chunks a spaCy model accepts, offsets kept.

spaCy refuses a text longer than `nlp.max_length` (E088, one million characters by default)
and the parser's memory grows with the text, so an article longer than `limit` is cut into
chunks of at most `limit` characters. Cuts fall on a paragraph break where one is close
enough, else after a sentence's final punctuation, else at whitespace, else hard: no sentence
is split unless a single one exceeds the limit. Each chunk is parsed as its own doc and its
records are shifted back by the chunk's start (`Chunk.start`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Chunk:
    start: int
    text: str


def _last_break(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of `pattern` that ends within text[lo:hi]."""
    best = None
    for match in pattern.finditer(text, lo, hi):
        best = match.end()
    return best


def split_text(text: str, *, limit: int) -> list[Chunk]:
    """Chunks of at most `limit` characters covering `text` in order (one chunk if it fits)."""
    if limit <= 0:
        raise ValueError("chunk limit must be positive")
    chunks: list[Chunk] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, limit)
        chunks.append(Chunk(start, text[start:cut]))
        start = cut
    chunks.append(Chunk(start, text[start:]))
    return chunks


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece starting at `start` ends: the last paragraph break, else sentence end,
    else space in the piece's second half (so pieces do not become tiny), else hard."""
    hi = start + limit
    lo = start + limit // 2
    return (
        _last_break(_PARAGRAPH, text, lo, hi)
        or _last_break(_SENTENCE_END, text, lo, hi)
        or _last_break(_SPACE, text, lo, hi)
        or hi
    )


def bounded_prefix(text: str, *, limit: int) -> str:
    """`text` itself if it fits in `limit` characters, else its beginning cut like a chunk
    (at a paragraph or sentence end where one is in the second half): the part of an
    over-long article that is analysed (setting `max_article_chars`)."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return text
    return text[: _cut(text, 0, limit)]
