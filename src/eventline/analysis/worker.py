"""Several analysers over one PostgreSQL store: row claiming and a serialised link.

A worker claims a small batch of pending articles with `SELECT … FOR UPDATE SKIP LOCKED`,
analyses it and writes its results in the same transaction, then commits: no article is
analysed by two workers at once, and a worker that dies rolls back, releasing its rows for
another. When nothing is left to claim, corpus linking runs under a PostgreSQL advisory lock,
so one linker at a time rewrites the corpus records (no lost update to an event or a story);
each linker first checks whether the stored results changed since the last link, so the last
worker to finish links everything and the others find nothing to do.

On SQLite (one writer at a time, no row locks) the same loop runs, but several processes
would serialise on the file: there, use `analyse --processes N` instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select

from eventline.analysis import state
from eventline.analysis.key import analysis_key
from eventline.analysis.run import analyse_bounded, load_pipeline
from eventline.model import AnalysisFailure, Article
from eventline.settings import Settings
from eventline.store import Store
from eventline.store.schema import articles

if TYPE_CHECKING:  # spaCy is imported only when articles are parsed
    from spacy.language import Language

#: pg_advisory_lock key of corpus linking (any constant shared by every eventline process).
LINK_LOCK = 0x6576_6C6E  # "evln"

Progress = Callable[[str, int, int], None]


@dataclass
class WorkerReport:
    analysed: int = 0
    failed: list[AnalysisFailure] = field(default_factory=list)
    links: int = 0


def claim_batch(store: Store, nlp: Language, settings: Settings, *, key: str) -> list[str]:
    """Claim, analyse and store one batch; the ids analysed (empty: nothing left)."""
    query = state.pending_query(key).order_by(articles.c.id).limit(settings.batch_size)
    if store.engine.dialect.name == "postgresql":
        query = query.with_for_update(of=articles, skip_locked=True)
    with store.engine.connect() as conn, conn.begin():
        batch = [Article.model_validate(state._json(row[0])) for row in conn.execute(query)]
        if batch and store.engine.dialect.name == "postgresql":
            batch = _still_pending(conn, batch, key)
        if not batch:
            return []
        outcomes = analyse_bounded(batch, nlp, settings, key=key)
        state.write_outcomes_in(conn, outcomes)
    return [a.id for a in batch]


def _still_pending(conn: Connection, batch: list[Article], key: str) -> list[Article]:
    """The claimed articles that are still pending, read after their rows are locked.

    The claiming statement reads the results as of its start: a worker that stored an
    article's result and released its row while the statement ran leaves that article
    looking pending, and `FOR UPDATE` re-checks only the locked `articles` row, which the
    result did not change. A second statement sees the committed results (READ COMMITTED),
    so no article is analysed twice."""
    ids = [a.id for a in batch]
    query = state.pending_query(key, column=articles.c.id).where(articles.c.id.in_(ids))
    pending = {row[0] for row in conn.execute(query)}
    return [a for a in batch if a.id in pending]


@contextmanager
def link_lock(store: Store) -> Iterator[None]:
    """Held while corpus linking runs: one linker at a time on PostgreSQL."""
    if store.engine.dialect.name != "postgresql":
        yield
        return
    with store.engine.connect() as conn:
        conn.execute(select(func.pg_advisory_lock(LINK_LOCK)))
        conn.commit()
        try:
            yield
        finally:
            conn.execute(select(func.pg_advisory_unlock(LINK_LOCK)))
            conn.commit()


def run_worker(
    store: Store,
    *,
    settings: Settings,
    once: bool = True,
    poll: float = 5.0,
    link: bool = True,
    progress: Progress | None = None,
) -> WorkerReport:
    """Claim and analyse until nothing is pending, then link; with `once` False, keep
    polling every `poll` seconds for new articles (Ctrl-C stops between batches)."""
    from eventline.analyse import link_if_changed

    key = analysis_key(settings)
    report = WorkerReport()
    nlp: Language | None = None
    while True:
        if nlp is None:
            nlp = load_pipeline(settings)
        ids = claim_batch(store, nlp, settings, key=key)
        if ids:
            report.analysed += len(ids)
            if progress is not None:
                progress("analyse articles", report.analysed, report.analysed)
            continue
        # Another worker still holding claimed rows will link when it is done: linking now
        # would file part of the corpus in another order than one worker would.
        if link and state.pending_count(store, key) == 0:
            with link_lock(store):
                if link_if_changed(store, settings=settings, progress=progress) is not None:
                    report.links += 1
        if once:
            break
        time.sleep(poll)
    report.failed = state.failures(store)
    return report
