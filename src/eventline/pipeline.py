"""The per-document pipeline as one library call: ingest → clean → store.

Library first (sqlite-utils' rule): the CLI and, later, the API call these functions and
only format what comes back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eventline.clean import clean_document
from eventline.errors import InputError
from eventline.ingest import InputSource, iter_sources, read_document
from eventline.model import Article, Document, Hints, Rejection
from eventline.settings import Settings
from eventline.store import Store, WriteOutcome


def update_metadata(store: Store, doc: Document, doc_articles: Sequence[Article]) -> bool:
    """Known bytes read with different metadata (new --published/--outlet/--url flags, or a
    reader that now sees more): store the new metadata; their analysis is redone by the next
    `analyse`. False when nothing differs."""
    from eventline.analysis.repair import replace_metadata

    return replace_metadata(store, doc, doc_articles)


Progress = Callable[[str], None]


@dataclass
class IngestReport:
    """What an ingest run did: counts, and every rejected input with its reason."""

    inputs: int = 0
    stored: int = 0
    unchanged: int = 0
    updated: int = 0  # known bytes given new metadata (flags, a corrected feed field)
    articles: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    dropped: list[Rejection] = field(default_factory=list)


def plan_sources(paths: Sequence[str]) -> tuple[list[InputSource], list[Rejection]]:
    """Expand paths up front so a progress bar can know the total."""
    sources: list[InputSource] = []
    rejected: list[Rejection] = []
    for entry in iter_sources(paths):
        if isinstance(entry, InputError):
            rejected.append(Rejection(source_path=entry.source, reason=entry.reason))
        else:
            sources.append(entry)
    return sources, rejected


def ingest(
    store: Store,
    sources: Sequence[InputSource],
    *,
    settings: Settings,
    hints: Hints | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean and store each source; a bad source is reported and the batch goes on."""
    report = IngestReport(inputs=len(sources))
    for source in sources:
        try:
            doc = read_document(source, settings=settings, hints=hints or Hints())
            doc_articles, dropped = clean_document(doc)
            report.dropped.extend(dropped)
            if not doc_articles:
                raise InputError(source.label, "no article text found")
            outcome = store.write_document(doc, doc_articles)
        except InputError as exc:
            report.rejected.append(Rejection(source_path=exc.source, reason=exc.reason))
        else:
            if outcome is WriteOutcome.STORED:
                report.stored += 1
                report.articles += len(doc_articles)
            elif update_metadata(store, doc, doc_articles):
                report.updated += 1
            else:
                report.unchanged += 1
        if progress is not None:
            progress(source.label)
    return report
