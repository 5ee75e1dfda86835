"""The analysis over the store, as library calls: `analyse` (incremental) and `relink`.

Two steps with a stored boundary between them:

1. **Per article** (`eventline.analysis.article.analyse_article`): parse and code each article
   not yet analysed under the current analysis key (model, component versions, actor files),
   each under its own guard, and store its `ArticleAnalysis` (or its failure, listed by
   `eventline errors`) batch by batch. An interrupted run keeps every finished batch. No parse
   is cached: corpus linking needs only these records (about 20 KB of JSON an article on the
   example corpus, `benchmarks/bench_analyse.py` prints the figure).
2. **Corpus linking** (`eventline.analysis.link.link_corpus`) from the stored results: canonical
   actors, near-duplicates and stories (incremental indexes), merged events with stable ids,
   claims. Skipped when nothing changed since the last link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from eventline.analysis import state
from eventline.analysis.key import analysis_key
from eventline.analysis.repair import delete_articles, update_article
from eventline.analysis.worker import link_lock
from eventline.model import AnalysisFailure, Article
from eventline.settings import Settings
from eventline.store import Store
from eventline.store.schema import articles as articles_table
from eventline.store.schema_analysis import analysis_results

if TYPE_CHECKING:  # linking and parsing modules import spaCy: imported where they run
    from eventline.analysis.link import LinkReport

LINKED_KEY = "index:linked"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class AnalysisReport:
    articles: int
    parsed: int
    actors: int
    event_mentions: int
    events: int
    quotes: int
    duplicate_groups: int
    stories: int
    claims: int
    failed: tuple[AnalysisFailure, ...] = ()
    linked: bool = True
    yearless_events: int = 0


def _link_marker(store: Store, settings: Settings) -> bytes:
    """What the last link saw: stored results (count, latest write) and linking settings."""
    with store.engine.connect() as conn:
        count, latest = conn.execute(
            select(func.count(), func.max(analysis_results.c.analysed_at))
        ).one()
        # the articles alone, not every table's count (`Store.counts`): this runs on every
        # `analyse`, and each count reads a table's smallest index
        articles = conn.execute(select(func.count()).select_from(articles_table)).scalar_one()
    params = (
        settings.dedup_jaccard,
        settings.dedup_containment,
        settings.dedup_window_days,
        settings.story_window_days,
        settings.story_threshold,
        settings.story_undated_threshold,
    )
    text = f"{count}|{latest}|{articles}|{params}"
    return hashlib.sha256(text.encode()).hexdigest().encode()


def _report(
    parsed: int, failed: list[AnalysisFailure], link: LinkReport | None, store: Store
) -> AnalysisReport:
    if link is not None:
        return AnalysisReport(parsed=parsed, failed=tuple(failed), **asdict(link))
    counts = store.counts()  # nothing linked: what the store holds
    report = {f.name: counts[f.name] for f in fields(AnalysisReport) if f.name in counts}
    return AnalysisReport(parsed=parsed, failed=tuple(failed), linked=False, **report)


def link_if_changed(
    store: Store, *, settings: Settings, progress: Progress | None = None
) -> LinkReport | None:
    """Link the corpus unless nothing changed since the last link (then None)."""
    marker = _link_marker(store, settings)
    if store.get_blob(LINKED_KEY) == marker:
        return None
    from eventline.analysis.link import link_corpus

    link = link_corpus(store, settings=settings, progress=progress)
    store.put_blob(LINKED_KEY, marker)
    return link


def analyse(
    store: Store,
    *,
    settings: Settings,
    progress: Progress | None = None,
    everything: bool = False,
) -> AnalysisReport:
    """Analyse the articles that have no stored result for the current key, then link the
    corpus if anything changed. `everything` re-analyses every article. On PostgreSQL the
    articles are claimed row by row (`FOR UPDATE SKIP LOCKED`), so several `analyse` or
    `worker` processes can share a store; linking is serialised by an advisory lock."""
    from eventline.analysis.run import analyse_pending, claim_all

    key = analysis_key(settings)
    # SQLite has one writer: when nothing was pending, nothing is (no second scan for it)
    idle = False
    if store.engine.dialect.name == "postgresql" and not everything:
        parsed, failed = claim_all(store, settings=settings, progress=progress)
    else:
        pending = state.pending_articles(store, key, everything=everything)
        idle = not pending
        parsed, failed = analyse_pending(
            store, pending, settings=settings, key=key, progress=progress
        )
    link = None
    if idle or everything or state.pending_count(store, key) == 0:  # else another links
        with link_lock(store):
            link = link_if_changed(store, settings=settings, progress=progress)
    return _report(parsed, failed, link, store)


def relink(store: Store, *, settings: Settings, progress: Progress | None = None) -> AnalysisReport:
    """Recompute all corpus linking from the stored per-article results, with new indexes
    and no parsing (after a rule or threshold change). Ids already given are kept."""
    from eventline.analysis.link import link_corpus

    link = link_corpus(store, settings=settings, fresh=True, progress=progress)
    store.put_blob(LINKED_KEY, _link_marker(store, settings))
    return _report(0, [], link, store)


def delete(
    store: Store,
    targets: Sequence[Article],
    *,
    settings: Settings,
    progress: Progress | None = None,
) -> AnalysisReport:
    """Remove articles and everything derived from them, then re-link what they touched."""
    delete_articles(store, targets)
    return relink(store, settings=settings, progress=progress)


def update(
    store: Store,
    article: Article,
    *,
    settings: Settings,
    published: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    progress: Progress | None = None,
) -> AnalysisReport:
    """Correct an article's metadata, re-analyse it (dates and modality depend on it) and
    re-link the corpus (its copies and story depend on its date)."""
    from eventline.analysis.link import link_corpus
    from eventline.analysis.run import analyse_pending

    fixed = update_article(store, article, published=published, outlet=outlet, kind=kind)
    key = analysis_key(settings)
    parsed, failed = analyse_pending(store, [fixed], settings=settings, key=key, progress=progress)
    link = link_corpus(store, settings=settings, fresh=True, progress=progress)
    store.put_blob(LINKED_KEY, _link_marker(store, settings))
    return _report(parsed, failed, link, store)
