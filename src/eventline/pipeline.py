"""The per-document pipeline as one library call: ingest → clean → store.

Library first (sqlite-utils' rule): the CLI and, later, the API call these functions and
only format what comes back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eventline.clean import clean_document
from eventline.errors import EventlineError, InputError
from eventline.ingest import InputSource, iter_sources, parse_document, read_bytes
from eventline.model import Article, Document, Hints, Notice, Rejection
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
    updated: int = 0  # same bytes, new metadata flags: the stored metadata was corrected
    articles: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    dropped: list[Rejection] = field(default_factory=list)
    # H8: metadata values dropped from stored inputs (a `published` that is no date ...)
    notices: list[Notice] = field(default_factory=list)


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
    """Read, clean and store each source; a bad source is reported and the batch goes on.

    Each source runs under its own guard: an InputError is a rejection with its reason, and
    so is any other failure of a reader on a hostile input (deep nesting, a parser bug), named
    by its exception class. Store, resource and model errors still stop the run: they are
    not about one input."""
    report = IngestReport(inputs=len(sources))
    for source in sources:
        try:
            _ingest_one(store, source, settings=settings, flags=hints or Hints(), report=report)
        except InputError as exc:
            report.rejected.append(Rejection(source_path=exc.source, reason=exc.reason))
        except EventlineError:
            raise
        except Exception as exc:
            reason = f"cannot be read ({exc.__class__.__name__}: {str(exc)[:120]})"
            report.rejected.append(Rejection(source_path=source.label, reason=reason))
        if progress is not None:
            progress(source.label)
    return report


def _ingest_one(
    store: Store, source: InputSource, *, settings: Settings, flags: Hints, report: IngestReport
) -> None:
    """Store one source; the same bytes again are unchanged unless the metadata flags given
    now differ from those stored, in which case the articles' metadata is updated."""
    raw = read_bytes(source, settings=settings)
    prior = store.document_hints(Document.make_id(raw))
    hints = flags if prior is None else _override(prior, flags)
    if prior is not None and hints == prior:
        report.unchanged += 1
        return
    skipped: list[Rejection] = []  # bad records of a JSONL dump; the good ones are stored
    doc = parse_document(source, raw, settings=settings, hints=hints, skipped=skipped)
    doc_articles = _clean(doc, report=report)
    report.rejected.extend(skipped)
    report.notices.extend(doc.notices)  # H8: reported once the input is known to be stored
    if prior is not None:
        # H7's repair path: new metadata where it differs, and the analysis that depends on it
        # is redone by the next `analyse`.
        if update_metadata(store, doc, doc_articles):
            report.updated += 1
        else:
            report.unchanged += 1
        return
    if store.write_document(doc, doc_articles) is WriteOutcome.STORED:
        report.stored += 1
        report.articles += len(doc_articles)
    else:
        report.unchanged += 1


def _clean(doc: Document, *, report: IngestReport) -> list[Article]:
    """The document's articles; one without a single letter or digit (only zero-width or
    control characters, only punctuation) is no article."""
    doc_articles, dropped = clean_document(doc)
    report.dropped.extend(dropped)
    kept = [a for a in doc_articles if any(ch.isalnum() for ch in a.body)]
    if not kept:
        raise InputError(doc.source_path, "no article text found (no letter or digit)")
    return kept


def _override(stored: Hints, flags: Hints) -> Hints:
    """The stored flags with every flag given now replacing its stored value."""
    given = {k: v for k, v in flags.model_dump().items() if v not in (None, ())}
    return stored.model_copy(update=given)
