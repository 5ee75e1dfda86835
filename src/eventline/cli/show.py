"""`eventline show`: raw text and cleaned article side by side, plus what was cut and why."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from eventline.cli.common import printable
from eventline.model import Article, Document


def _text(value: str, style: str = "") -> Text:
    return Text(printable(value), style=style)


def render_article(article: Article, document: Document) -> RenderableType:
    """All article text goes through rich.Text, never markup: article text is hostile input."""
    # The raw side covers everything the article was read from: body pieces, cut spans and
    # captions (a title or credit line before the first body piece included).
    spans = [(p.doc_start, p.doc_start + p.length) for p in article.pieces]
    spans += [(r.start, r.end) for r in article.removed]
    spans += [(c.start, c.end) for c in article.captions]
    start = min((a for a, _ in spans), default=0)
    end = max((b for _, b in spans), default=len(document.text))
    if article.title and (found := document.text.rfind(article.title, 0, start + 1)) >= 0:
        start = min(start, found)
    raw = document.text[start:end]
    meta = Table.grid(padding=(0, 2))
    for name in ("id", "source_path", "item", "kind", "title", "standfirst", "outlet", "wire",
                 "author", "section", "dateline", "url"):  # fmt: skip
        value = getattr(article, name)
        if value not in (None, ""):
            meta.add_row(Text(name, style="bold"), _text(str(value)))
    if article.published:
        p = article.published
        meta.add_row(
            Text("published", style="bold"), _text(f"{p.value} ({p.precision}, {p.evidence})")
        )
    side = Table("raw (document text)", "cleaned body", expand=True, show_lines=False)
    side.add_row(_text(raw), _text(article.body))
    cut = Table("removed", "reason", expand=True)
    for removal in article.removed:
        cut.add_row(_text(removal.text), _text(removal.reason))
    for caption in article.captions:
        cut.add_row(_text(caption.text), Text("caption (kept apart)"))
    parts: list[RenderableType] = [meta, side]
    if article.removed or article.captions:
        parts.append(cut)
    return Group(*parts)
