"""Writers of articles and of per-article results do not deadlock on PostgreSQL (#10: several
workers beside repairs).

The change markers of migration 0010 are rows that the triggers' upsert keeps locked until
commit. A delete wrote the results marker, then the articles one; a metadata correction the
other way round; and an analyse worker holds its claimed articles before it writes the
results marker. Each test forces the interleaving that deadlocked (threads meeting at a
barrier or an event just before the second lock) and asserts every transaction commits:
now each repair first locks its articles, then both markers in key order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from eventline.analysis import state
from eventline.analysis import worker as worker_module
from eventline.analysis.key import analysis_key
from eventline.analysis.repair import delete_articles, update_article
from eventline.model import Article, ArticleAnalysis
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

pytestmark = pytest.mark.parametrize("store", ["postgresql"], indirect=True)

#: How long a thread waits at its meeting point for one that cannot get there (the fixed
#: code blocks it on a lock first); well above PostgreSQL's default deadlock_timeout (1 s).
PAUSE = 2.5


def _articles(store: Store, folder: Path, settings: Settings, count: int) -> list[Article]:
    """`count` ingested articles, in id order, none analysed yet."""
    folder.mkdir()
    for n in range(count):
        text = f"Bulletin {n}\n\nThe ferry of harbour {n} sailed late on Tuesday in fog.\n"
        (folder / f"b{n:03d}.txt").write_text(text, encoding="utf-8")
    ingest(store, plan_sources([str(folder)])[0], settings=settings)
    return sorted(state.pending_articles(store, analysis_key(settings)), key=lambda a: a.id)


@contextmanager
def _pause_before(
    store: Store, pauses: dict[str, tuple[str, int, Callable[[], None]]]
) -> Iterator[None]:
    """Run `action` in the thread called `name`, just before its `nth` statement starting
    with `prefix`, for each `name: (prefix, nth, action)` of `pauses`."""
    seen: dict[str, int] = {}

    def hook(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        name = threading.current_thread().name
        if name in pauses and statement.startswith(pauses[name][0]):
            seen[name] = seen.get(name, 0) + 1
            if seen[name] == pauses[name][1]:
                pauses[name][2]()

    event.listen(store.engine, "before_cursor_execute", hook)
    try:
        yield
    finally:
        event.remove(store.engine, "before_cursor_execute", hook)


def _run(
    jobs: dict[str, Callable[[], None]], after: threading.Event | None = None
) -> dict[str, str]:
    """Run the jobs in named threads (those but the first once `after` is set); the errors."""
    errors: dict[str, str] = {}

    def run(name: str, job: Callable[[], None]) -> None:
        if after is not None and name != next(iter(jobs)):
            after.wait(timeout=30)
        try:
            job()
        except Exception as exc:  # the assertion reports what failed
            errors[name] = f"{exc.__class__.__name__}: {exc}"

    threads = [threading.Thread(target=run, args=(n, j), name=n) for n, j in jobs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a writer is still waiting"
    return errors


def _meet(barrier: threading.Barrier) -> Callable[[], None]:
    def wait() -> None:
        # broken: the other transaction is waiting for a lock, nothing to interleave with
        with suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=PAUSE)

    return wait


def test_a_delete_and_a_correction_in_opposite_orders_both_commit(
    store: Store, tmp_path: Path
) -> None:
    settings = Settings(db=store.url, processes=1)
    key = analysis_key(settings)
    gone, fixed = _articles(store, tmp_path / "in", settings, 2)
    state.write_outcomes(store, [ArticleAnalysis(article=a.id, key=key) for a in (gone, fixed)])
    barrier = threading.Barrier(2)
    # each holds its first marker, then both go for the other's: the old deadlock
    pauses = {
        "delete": ("DELETE FROM articles", 1, _meet(barrier)),
        "correct": ("DELETE FROM analysis_results", 1, _meet(barrier)),
    }
    with _pause_before(store, pauses):
        errors = _run(
            {
                "delete": lambda: delete_articles(store, [gone]),
                "correct": lambda: update_article(store, fixed, outlet="Harbour Post"),
            }
        )
    assert errors == {}
    left = store.article(fixed.id)
    assert store.article(gone.id) is None and left is not None
    assert left.outlet == "Harbour Post"
    assert [a.id for a in state.pending_articles(store, key)] == [fixed.id]


def test_a_delete_and_a_correction_beside_an_analyse_worker_all_commit(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(db=store.url, processes=1, batch_size=4)
    key = analysis_key(settings)
    found = _articles(store, tmp_path / "in", settings, 4)
    gone, fixed = found[0], found[1]
    claimed = threading.Event()
    delete_waits = threading.Event()

    def analyse(batch: Sequence[Article], *_: Any, **__: Any) -> list[ArticleAnalysis]:
        """The worker's analysis (no spaCy): with its articles claimed, it lets the repairs
        start, and writes once the delete holds the results marker (old order) or after
        PAUSE (the delete now waits for the claimed article before any marker)."""
        claimed.set()
        delete_waits.wait(timeout=PAUSE)
        return [ArticleAnalysis(article=a.id, key=key) for a in batch]

    monkeypatch.setattr(worker_module, "analyse_bounded", analyse)
    analysed: list[str] = []
    pauses = {"delete": ("DELETE FROM articles", 1, delete_waits.set)}
    with _pause_before(store, pauses):
        errors = _run(
            {
                "worker": lambda: analysed.extend(
                    worker_module.claim_batch(store, None, settings, key=key)  # type: ignore[arg-type]
                ),
                "delete": lambda: delete_articles(store, [gone]),
                "correct": lambda: update_article(store, fixed, kind="opinion"),
            },
            after=claimed,
        )
    assert errors == {}
    assert sorted(analysed) == [a.id for a in found]  # the worker had claimed all four
    assert store.article(gone.id) is None
    # the correction waited for the worker's result and dropped it: to be analysed again
    assert [a.id for a in state.pending_articles(store, key)] == [fixed.id]
    assert [a.article for a in state.iter_analyses(store)] == [a.id for a in found[2:]]


def test_a_reingest_with_new_metadata_beside_a_correction_both_commit(
    store: Store, tmp_path: Path
) -> None:
    """Re-ingesting a two-entry dump with a new date rewrites each article as a correction
    does (`replace_metadata`, one transaction per article); a correction of one of them at
    the same moment. This order did not deadlock before either: kept so that it stays so."""
    from eventline.model import Hints

    settings = Settings(db=store.url, processes=1)
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        '{"title": "Ferry late", "body": "The ferry of Ostra sailed late on Tuesday in fog."}',
        '{"title": "Bridge shut", "body": "The bridge of Ostra closed on Wednesday for repair."}',
    ]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = plan_sources([str(folder)])[0]
    ingest(store, sources, settings=settings)
    first, second = sorted(store.iter_articles(), key=lambda a: a.item)
    assert second.title == "Bridge shut"  # updated second: the dump's order
    barrier = threading.Barrier(2)
    hints = Hints(published="2025-06-05")
    pauses = {
        "reingest": ("UPDATE articles", 2, _meet(barrier)),  # the dump's second article
        "correct": ("UPDATE articles", 1, _meet(barrier)),
    }
    with _pause_before(store, pauses):
        errors = _run(
            {
                "reingest": lambda: ingest(store, sources, settings=settings, hints=hints),
                "correct": lambda: update_article(store, second, kind="opinion"),
            }
        )
    assert errors == {}
    # both wrote the second article's whole row: whichever committed last wins it
    stored = {a.id: a for a in store.iter_articles()}
    assert stored[first.id].published and stored[first.id].published.value == "2025-06-05"


def test_a_delete_beside_a_plain_results_write_both_commit(store: Store, tmp_path: Path) -> None:
    """`analyse --everything` and `update` write results without claiming (`write_outcomes`).
    Its DELETE of an article's old result locks that row, then its trigger the results
    marker; a delete taking its article and both markers first would wait for that row while
    holding the marker (a deadlock the fix's first draft had): the results write now takes
    the article and the marker first too."""
    settings = Settings(db=store.url, processes=1)
    key = analysis_key(settings)
    (article,) = _articles(store, tmp_path / "in", settings, 1)
    state.write_outcomes(store, [ArticleAnalysis(article=article.id, key="older")])
    writing = threading.Event()
    started = threading.Event()

    def after_the_writer() -> None:
        started.set()
        writing.wait(timeout=PAUSE)
        time.sleep(0.5)  # the writer's DELETE is under way (or waiting for its article)

    pauses = {
        "delete": ("DELETE FROM analysis_results", 1, after_the_writer),
        "write": ("DELETE FROM analysis_results", 1, writing.set),
    }
    with _pause_before(store, pauses):
        errors = _run(
            {
                "delete": lambda: delete_articles(store, [article]),
                "write": lambda: state.write_outcomes(
                    store, [ArticleAnalysis(article=article.id, key=key)]
                ),
            },
            after=started,
        )
    assert errors == {}
    assert store.article(article.id) is None


def test_delete_relinks_under_the_link_lock(store: Store, tmp_path: Path) -> None:
    """`eventline delete` re-links the corpus: it waits while a worker holds the link lock,
    rather than rewriting the corpus records beside another linker."""
    from eventline.analyse import delete
    from eventline.analysis.worker import link_lock

    settings = Settings(db=store.url, processes=1)
    key = analysis_key(settings)
    found = _articles(store, tmp_path / "in", settings, 2)
    state.write_outcomes(store, [ArticleAnalysis(article=a.id, key=key) for a in found])
    finished = threading.Event()
    with link_lock(store):
        thread = threading.Thread(
            target=lambda: (delete(store, found[:1], settings=settings), finished.set())
        )
        thread.start()
        assert not finished.wait(timeout=PAUSE), "delete linked while the lock was held"
    thread.join(timeout=60)
    assert finished.is_set()
    assert [a.id for a in store.iter_articles()] == [found[1].id]
