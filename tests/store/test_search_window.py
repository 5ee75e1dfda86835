"""Bounded ranking, on both backends: a query is ranked over its newest `window` matches
(index order), exactly when it has fewer, and filters apply before the window is taken."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from eventline.store import Store
from eventline.store import schema as S
from eventline.store.search import Filters, Hit, search

WORDS = ("grain", "ports", "envoy", "border", "talks", "troops", "reactor", "convoy",
         "pipeline", "tariffs")  # fmt: skip


def _fill(store: Store, n: int, *, seed: int) -> dict[int, str]:
    """n evidence sentences of varied length and term counts, in two outlets' articles;
    returns the article of each document, by id."""
    rng = random.Random(seed)
    with store.batch() as w:
        w.conn.execute(
            S.documents.insert(),
            [{"id": "doc_t", "source_path": "t", "format": "jsonl", "encoding": "utf-8",
              "raw": b"", "text": "", "meta": {"items": [], "hints": {}},
              "ingested_at": datetime(2025, 1, 1, tzinfo=UTC)}],
        )  # fmt: skip
        w.conn.execute(
            S.articles.insert(),
            [{"id": f"art_{k}", "document_id": "doc_t", "item": k, "kind": "news",
              "outlet": f"Outlet {k % 2}", "published": "2025-01-01", "data": {}}
             for k in range(4)],
        )  # fmt: skip
        w.conn.execute(
            S.search_docs.insert(),
            [{"kind": "evidence", "ref_id": f"evm_{i:03d}", "article_id": f"art_{i % 4}",
              "text": " ".join(rng.choices(WORDS, k=rng.randrange(3, 15)))} for i in range(n)],
        )  # fmt: skip
        rows = w.conn.execute(S.search_docs.select().order_by(S.search_docs.c.id)).all()
    return {r.id: r.article_id for r in rows}


def _run(store: Store, query: str, *, window: int | None, limit: int = 1000, **f: str) -> list[Hit]:
    with store.reading("search") as conn:
        return search(conn, query, filters=Filters(**f), limit=limit, window=window)


def _ids(store: Store) -> dict[str, int]:
    with store.reading("ids") as conn:
        return {r.ref_id: r.id for r in conn.execute(S.search_docs.select())}


def test_window_ranks_the_newest_matches(store: Store) -> None:
    _fill(store, 120, seed=7)
    doc_id = _ids(store)
    exact = _run(store, "grain talks", window=None)
    assert 30 < len(exact) < 120  # a broad query, and one with some documents left out
    scores = [h.score for h in exact]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) > 3  # really ranked
    # A window as large as the matches changes nothing.
    assert _run(store, "grain talks", window=len(exact), limit=10) == exact[:10]
    # A smaller one: the best of the newest `window` matches, ranked as before.
    newest = sorted((doc_id[h.ref_id] for h in exact), reverse=True)[:12]
    expected = [h for h in exact if doc_id[h.ref_id] in newest][:5]
    got = _run(store, "grain talks", window=12, limit=5)
    assert [(h.ref_id, round(h.score, 6)) for h in got] == [
        (h.ref_id, round(h.score, 6)) for h in expected
    ]
    assert got != exact[:5]  # the oldest best matches are outside the window


def test_filters_apply_before_the_window(store: Store) -> None:
    article_of = _fill(store, 120, seed=11)
    doc_id = _ids(store)
    exact = _run(store, "border", window=None, outlet="Outlet 1")
    assert exact and all(article_of[doc_id[h.ref_id]] in {"art_1", "art_3"} for h in exact)
    newest = sorted((doc_id[h.ref_id] for h in exact), reverse=True)[:6]
    got = _run(store, "border", window=6, outlet="Outlet 1")
    assert sorted(doc_id[h.ref_id] for h in got) == sorted(newest)


def test_small_windows_among_many_documents(store: Store) -> None:
    """Windows much smaller than the index (PostgreSQL then looks among the newest
    documents first): still the best of exactly the newest `window` matches, whether the
    newest documents hold a whole window of matches or not."""
    _fill(store, 400, seed=5)
    doc_id = _ids(store)
    for query in ("grain talks", "envoy reactor convoy pipeline"):
        exact = _run(store, query, window=None)
        for window in (1, 3, 7):
            newest = sorted((doc_id[h.ref_id] for h in exact), reverse=True)[:window]
            expected = [h.ref_id for h in exact if doc_id[h.ref_id] in newest]
            assert [h.ref_id for h in _run(store, query, window=window)] == expected
