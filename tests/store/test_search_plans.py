"""PostgreSQL finds a search window either by walking the primary key newest first (broad
queries) or through the GIN index (selective ones), as the planner estimates: both plans
must give the same window, equal to the exact ranking of the newest matches. The planner
is pushed to each plan with its `enable_*` settings, as a small test table would never make
it walk by itself. SQLite has one plan; its window is tested in test_search_window.py."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from eventline.store import Store
from eventline.store.search import Filters, Hit, _postgres_sql, search
from tests.store.test_search_window import _fill, _ids

PLANS = {
    "walk": ("SET LOCAL enable_bitmapscan = off", "SET LOCAL enable_seqscan = off"),
    "index": ("SET LOCAL enable_indexscan = off", "SET LOCAL enable_seqscan = off"),
}
SHOWS = {"walk": "Index Scan Backward using search_docs_pkey", "index": "Bitmap Index Scan"}


def _run(conn: Connection, query: str, *, window: int | None, **f: str) -> list[Hit]:
    return search(conn, query, filters=Filters(**f), limit=1000, window=window)


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_both_plans_give_the_newest_window(store: Store, plan: str) -> None:
    if store.dialect != "postgresql":
        pytest.skip("one plan on SQLite")
    _fill(store, 300, seed=3)
    doc_id = _ids(store)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE search_docs")
    for query, filters in (("grain talks", {}), ("envoy", {"outlet": "Outlet 1"}),
                           ('"border talks" OR reactor', {})):  # fmt: skip
        with store.engine.begin() as conn:
            exact = _run(conn, query, window=None, **filters)
            assert len(exact) > 12, query
            for statement in PLANS[plan]:
                conn.exec_driver_sql(statement)
            if not filters:  # the plan really is the one under test
                sql = "EXPLAIN " + _postgres_sql("", "", windowed=True)
                shown = conn.execute(text(sql), {"q": query, "window": 5, "limit": 20}).scalars()
                assert SHOWS[plan] in "\n".join(shown)
            for window in (1, 5, 12):
                newest = sorted((doc_id[h.ref_id] for h in exact), reverse=True)[:window]
                expected = [(h.ref_id, round(h.score, 6)) for h in exact
                            if doc_id[h.ref_id] in newest]  # fmt: skip
                got = _run(conn, query, window=window, **filters)
                assert [(h.ref_id, round(h.score, 6)) for h in got] == expected, (query, window)
