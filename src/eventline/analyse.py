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

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from eventline.analysis import state
from eventline.analysis.heap import frozen_heap
from eventline.analysis.key import analysis_key
from eventline.settings import Settings
from eventline.store import Store
from eventline.store.db import (
    ARTICLES_CHANGED,
    RESULTS_CHANGED,
    get_blobs,
    put_blob_in,
)

if TYPE_CHECKING:  # linking and parsing modules import spaCy: imported where they run
    from eventline.analysis.link import LinkReport
    from eventline.model import AnalysisFailure, Article

LINKED_KEY = "index:linked"
#: The last link's counts (JSON), reported as they are when nothing changed since.
LINKED_COUNTS_KEY = "index:linked:counts"

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
    """What the last link saw: the change markers of articles and per-article results (one
    primary-key read, whatever the store's size) and the linking settings."""
    params = (
        settings.dedup_jaccard,
        settings.dedup_containment,
        settings.dedup_window_days,
        settings.story_window_days,
        settings.story_threshold,
        settings.story_undated_threshold,
    )
    with store.engine.connect() as conn:
        return state.changes_marker(conn, ARTICLES_CHANGED, RESULTS_CHANGED, extra=str(params))


def _remember_link(store: Store, marker: bytes, link: LinkReport) -> None:
    """Record the link's marker and counts in one transaction."""
    counts = json.dumps(asdict(link), sort_keys=True).encode()
    with store.engine.begin() as conn:
        put_blob_in(conn, LINKED_KEY, marker)
        put_blob_in(conn, LINKED_COUNTS_KEY, counts)


def _report(
    parsed: int, failed: list[AnalysisFailure], link: LinkReport | None, store: Store
) -> AnalysisReport:
    if link is not None:
        return AnalysisReport(parsed=parsed, failed=tuple(failed), **asdict(link))
    counts = _linked_counts(store)
    report = {f.name: counts[f.name] for f in fields(AnalysisReport) if f.name in counts}
    return AnalysisReport(parsed=parsed, failed=tuple(failed), linked=False, **report)


def _linked_counts(store: Store) -> dict[str, int]:
    """Nothing linked: the counts of the last link, which nothing has changed since (one
    read); a store linked by an older eventline has none, and is counted."""
    with store.engine.connect() as conn:
        stored = get_blobs(conn, [LINKED_COUNTS_KEY]).get(LINKED_COUNTS_KEY)
    counts = json.loads(stored) if stored is not None else {}
    if not counts.keys() >= _COUNTED:
        return store.counts()
    return {name: int(counts[name]) for name in _COUNTED}


#: What a run that linked nothing reports, as `Store.counts` names them.
_COUNTED = frozenset(
    ("articles", "actors", "event_mentions", "events", "quotes", "duplicate_groups", "stories",
     "claims")
)  # fmt: skip


def link_if_changed(
    store: Store, *, settings: Settings, progress: Progress | None = None
) -> LinkReport | None:
    """Link the corpus unless nothing changed since the last link (then None)."""
    marker = _link_marker(store, settings)
    if store.get_blob(LINKED_KEY) == marker:
        return None
    from eventline.analysis.link import link_corpus

    link = link_corpus(store, settings=settings, progress=progress)
    _remember_link(store, marker, link)
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
    key = analysis_key(settings)
    # nothing pending (one indexed read when nothing was written since the last look): no
    # article is read, and no second look after
    idle = not everything and not state.anything_pending(store, key)
    parsed, failed = 0, list["AnalysisFailure"]()
    link = None
    with frozen_heap():  # the pipeline stays out of the collector's walks while linking too
        if idle:
            pass
        elif store.engine.dialect.name == "postgresql" and not everything:
            from eventline.analysis.run import claim_all

            parsed, failed = claim_all(store, settings=settings, progress=progress)
        else:
            from eventline.analysis.run import analyse_pending

            pending = state.pending_articles(store, key, everything=everything)
            parsed, failed = analyse_pending(
                store, pending, settings=settings, key=key, progress=progress
            )
        if idle or everything or not state.anything_pending(store, key):  # else another links
            link = _link_locked(store, settings=settings, progress=progress)
    return _report(parsed, failed, link, store)


def _link_locked(
    store: Store, *, settings: Settings, progress: Progress | None = None
) -> LinkReport | None:
    """`link_if_changed` under the link lock, taken only when the marker says there is
    something to link (checked again under the lock, where another process may have just
    linked it): a run with nothing new takes no lock and loads no linking module."""
    if store.get_blob(LINKED_KEY) == _link_marker(store, settings):
        return None
    from eventline.analysis.worker import link_lock

    with link_lock(store):
        return link_if_changed(store, settings=settings, progress=progress)


def relink(store: Store, *, settings: Settings, progress: Progress | None = None) -> AnalysisReport:
    """Recompute all corpus linking from the stored per-article results, with new indexes
    and no parsing (after a rule or threshold change). Ids already given are kept."""
    from eventline.analysis.link import link_corpus

    link = link_corpus(store, settings=settings, fresh=True, progress=progress)
    _remember_link(store, _link_marker(store, settings), link)
    return _report(0, [], link, store)


def delete(
    store: Store,
    targets: Sequence[Article],
    *,
    settings: Settings,
    progress: Progress | None = None,
) -> AnalysisReport:
    """Remove articles and everything derived from them, then re-link what they touched
    (under the link lock: a worker beside it may be linking, and two linkers rewriting the
    same corpus records at once could deadlock or lose an update)."""
    from eventline.analysis.repair import delete_articles
    from eventline.analysis.worker import link_lock

    delete_articles(store, targets)
    with link_lock(store):
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
    from eventline.analysis.repair import update_article
    from eventline.analysis.run import analyse_pending

    fixed = update_article(store, article, published=published, outlet=outlet, kind=kind)
    key = analysis_key(settings)
    parsed, failed = analyse_pending(store, [fixed], settings=settings, key=key, progress=progress)
    link = link_corpus(store, settings=settings, fresh=True, progress=progress)
    _remember_link(store, _link_marker(store, settings), link)
    return _report(parsed, failed, link, store)
