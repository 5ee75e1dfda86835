"""The look-ups every incremental `analyse` makes, on both backends (migration 0012 indexes
them): which results are new to the link, which articles are pending for a key, and how many
events have no year."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, literal, update

from eventline.analysis import increment as inc
from eventline.analysis import state
from eventline.analysis.link import _counted
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import analysis_results, dedup_entries
from tests.store.rows import empty_document

LINKED = datetime(2025, 3, 1, 12, tzinfo=UTC)


def _results(store: Store, analysed: dict[str, datetime], linked: list[str]) -> None:
    """Results of these articles (key "k") at these times; `linked` are in the band table,
    and the store was linked at LINKED."""
    with store.engine.begin() as conn:
        conn.execute(
            insert(analysis_results),
            [
                {"article_id": a, "key": "k", "words": 1, "data": b"", "analysed_at": when}
                for a, when in analysed.items()
            ],
        )
        entries = [
            {"seq": n, "article_id": a, "sig": b"", "shingles": b"", "size": 0}
            | {"span_lo": 0, "span_hi": 0, "span_md": 0, "own_wire": False, "link": 1.0}
            for n, a in enumerate(linked, 1)
        ]
        if entries:
            conn.execute(insert(dedup_entries), entries)
    store.put_blob(inc.BLOCKS_KEY, inc.blocks_marker())
    store.put_blob(inc.LINKED_AT_KEY, LINKED.isoformat().encode())


def test_new_results_are_linked_alone_unless_a_linked_one_was_redone(store: Store) -> None:
    before, after = datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 2, tzinfo=UTC)
    _results(store, {"a1": before, "a2": before, "n1": after}, ["a1", "a2"])
    assert inc.new_articles(store) == ["n1"]
    assert inc.linked_at(store).startswith(b"2025-03-02T00:00:00")  # SQLite drops the zone
    with store.engine.begin() as conn:  # a linked article analysed again since the link
        conn.execute(
            update(analysis_results)
            .where(analysis_results.c.article_id == "a2")
            .values(analysed_at=after)
        )
    assert inc.new_articles(store) is None


def test_pending_articles_are_those_without_a_result_of_the_key(store: Store) -> None:
    doc = empty_document(LINKED)
    with store.engine.begin() as conn:
        conn.execute(insert(S.documents), [doc])
        conn.execute(
            insert(S.articles),
            [
                {"id": a, "document_id": "doc", "item": i, "kind": "news", "data": {}}
                for i, a in enumerate(["a1", "a2", "a3"])
            ],
        )
    _results(store, {"a1": LINKED}, [])
    with store.engine.begin() as conn:  # a2 has a result of another key
        conn.execute(
            insert(analysis_results),
            [{"article_id": "a2", "key": "old", "words": 1, "data": b"", "analysed_at": LINKED}],
        )
    query = state.pending_query("k", column=S.articles.c.id).order_by(S.articles.c.id)
    with store.engine.connect() as conn:
        assert [r[0] for r in conn.execute(query)] == ["a2", "a3"]
        everything = state.pending_query("k", everything=True, column=literal(1))
        assert len(list(conn.execute(everything))) == 3
    assert state.pending_count(store, "k") == 2


def test_events_without_a_year_are_counted(store: Store) -> None:
    assert _counted(store, 0).yearless_events == 0
