"""`analyse` with nothing new costs the same on a store of N articles as on one of 3N (#10):
the same SQL statements, none of them reading the articles or their stored results, and on
SQLite every one answered through an index (EXPLAIN QUERY PLAN shows no table scan).

The per-article results are written by hand (empty analyses, no spaCy model), as
benchmarks/bench_incremental.py copies them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from eventline.analyse import analyse
from eventline.analysis import state
from eventline.analysis.key import analysis_key
from eventline.model import ArticleAnalysis
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

#: Tables only the store's bookkeeping may read on a run with nothing new (the schema
#: version, and SQLite's catalogue when asking whether that table exists).
BOOKKEEPING = ("alembic_version", "sqlite_master", "sqlite_schema")


def _add(store: Store, folder: Path, settings: Settings, start: int, count: int) -> None:
    """`count` new articles, ingested, given an (empty) stored result each, and linked."""
    for n in range(start, start + count):
        text = f"Report {n}\n\nThe council of town {n} met on Monday about road number {n}.\n"
        (folder / f"a{n:05d}.txt").write_text(text, encoding="utf-8")
    ingest(store, plan_sources([str(folder)])[0], settings=settings)
    key = analysis_key(settings)
    pending = state.pending_articles(store, key)
    assert len(pending) == count
    state.write_outcomes(store, [ArticleAnalysis(article=a.id, key=key) for a in pending])
    report = analyse(store, settings=settings)  # links what was added
    assert report.parsed == 0 and report.linked


@contextmanager
def _statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _nothing_new(store: Store, settings: Settings) -> list[tuple[str, Any]]:
    with _statements(store) as seen:
        report = analyse(store, settings=settings)
    assert report.parsed == 0 and not report.linked
    return seen


def _scans(store: Store, statements: list[tuple[str, Any]]) -> list[str]:
    """SQLite query-plan lines of `statements` that read a whole table."""
    found = []
    raw = store.engine.raw_connection()
    try:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, parameters or ())
            found += [
                row[3]
                for row in plan.fetchall()
                if row[3].startswith("SCAN") and not any(t in row[3] for t in BOOKKEEPING)
            ]
    finally:
        raw.close()
    return found


def test_nothing_new_reads_the_same_statements_on_a_store_three_times_larger(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    settings = Settings(db=store.url, processes=1)
    _add(store, folder, settings, 0, 10)
    small = _nothing_new(store, settings)
    _add(store, folder, settings, 10, 20)
    large = _nothing_new(store, settings)

    assert [s for s, _ in small] == [s for s, _ in large]
    for statement, _ in large:  # nothing per article, no count of anything
        text = " ".join(statement.split()).lower()
        assert "from articles" not in text and "analysis_results" not in text, statement
        assert "count(" not in text, statement
    assert len(large) <= 6, [s for s, _ in large]
    if store.dialect == "sqlite":
        assert _scans(store, large) == []


def test_a_new_article_after_nothing_new_is_still_found(store: Store, tmp_path: Path) -> None:
    """The shortcut must not hide what arrives after it was taken."""
    folder = tmp_path / "in"
    folder.mkdir()
    settings = Settings(db=store.url, processes=1)
    _add(store, folder, settings, 0, 3)
    _nothing_new(store, settings)
    (folder / "late.txt").write_text("Late news\n\nThe port of Vesk reopened on Friday.\n")
    ingest(store, plan_sources([str(folder)])[0], settings=settings)
    key = analysis_key(settings)
    assert state.anything_pending(store, key)
    (late,) = state.pending_articles(store, key)
    state.write_outcomes(store, [ArticleAnalysis(article=late.id, key=key)])
    assert not state.anything_pending(store, key)
    report = analyse(store, settings=settings)
    assert report.linked and report.articles == 4  # the new result is linked
    assert state.anything_pending(store, "another-key")  # a new analysis key: all pending


def test_corrected_metadata_makes_its_article_pending_again(store: Store, tmp_path: Path) -> None:
    """Re-ingesting the same bytes with a new date drops the article's result (in
    analysis/repair.py, which knows nothing of the markers): the database's triggers mark
    the change, so the shortcut does not hide it."""
    from eventline.model import Hints

    folder = tmp_path / "in"
    folder.mkdir()
    settings = Settings(db=store.url, processes=1)
    _add(store, folder, settings, 0, 2)
    _nothing_new(store, settings)
    sources = plan_sources([str(folder)])[0]
    fixed = ingest(store, sources, settings=settings, hints=Hints(published="2025-06-05"))
    assert fixed.updated == 2
    assert len(state.pending_articles(store, analysis_key(settings))) == 2
    assert state.anything_pending(store, analysis_key(settings))
