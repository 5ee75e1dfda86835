"""The store benchmark's bulk fill writes what the store's own `Writer` writes, on both
backends: the same event, party, dyad and rollup rows, the same full-text documents, and a
full-text index that answers the same (benchmarks/bench_store.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from eventline.queries import dyad_timeline, find_events, search
from eventline.store import Store
from eventline.store import schema as S

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import bench_store

TABLES = (S.events, S.event_parties, S.event_dyads, S.dyad_months, S.search_docs, S.articles)


def _snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    with store.reading("snapshot") as conn:
        for table in TABLES:
            columns = [c for c in table.columns if c.name != "id" or table is not S.search_docs]
            rows = conn.execute(select(*columns)).all()
            found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found


def _answers(store: Store) -> list[Any]:
    return [
        [(h.id, h.snippet, h.score) for h in search(store, "talks ministers", limit=50)],
        [(h.id, h.score) for h in search(store, "oil OR grain -ports", limit=50)],
        [e.id for e in find_events(store, actor="USA", recipient="RUS", limit=None).data],
        dyad_timeline(store, "USA", "CHN").model_dump(),
    ]


def _empty(store: Store) -> None:
    with store.batch() as w:
        for table in reversed(S.metadata.sorted_tables):
            w.conn.execute(table.delete())


def _writer_fill(store: Store, *, events: int, articles: int) -> None:
    """The store's write path: articles, then `Writer.upsert_events` in batches."""
    with store.batch() as w:
        w.conn.execute(S.documents.insert(), [bench_store._document_row()])
        w.conn.execute(S.articles.insert(), list(bench_store._article_rows(articles)))
    pairs = list(bench_store.synthetic_events(events, articles=articles, seed=1))
    for start in range(0, len(pairs), 150):
        batch = pairs[start : start + 150]
        with store.batch() as w:
            w.upsert_events([e for e, _ in batch], links={})
            w.conn.execute(
                S.search_docs.insert(),
                [{"kind": "evidence", "ref_id": e.id, "article_id": e.mentions[0].article,
                  "text": text} for e, text in batch],
            )  # fmt: skip


def test_bulk_fill_equals_the_writer(store_url: str) -> None:
    with Store(store_url) as store:
        bench_store.fill(store, events=600, articles=60)
        bulk, bulk_answers = _snapshot(store), _answers(store)
        _empty(store)
        _writer_fill(store, events=600, articles=60)
        assert _snapshot(store) == bulk
        assert _answers(store) == bulk_answers
    assert len(bulk["events"]) == 600 and len(bulk["search_docs"]) == 600
    assert len(bulk["dyad_months"]) > 100  # many months and pairs: the rollup is summed
    assert bulk_answers[0] and bulk_answers[2] and bulk_answers[3]["periods"]
