"""The incremental link's store look-ups on both backends: the event-block probe (one VALUES
list joined to `event_blocks`) and the copy-group canonical check."""

from __future__ import annotations

from sqlalchemy import insert

from eventline.analysis import increment as inc
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import event_blocks
from tests.store.rows import empty_document


def _blocks(store: Store) -> None:
    rows = [
        ("MEET", "a:kb:X", "2025-03-01", "m1"),
        ("MEET", "a:kb:X", "2025-03-02", "m2"),
        ("MEET", "a:kb:Y", "2025-03-01", "m3"),
        ("ACCUSE", "a:kb:X", "2025-03-01", "m4"),
        ("MEET", "a:kb:X", "--03-01", "m5"),
        ("MEET", "a:kb:X", "2024-03-01", "m6"),
    ]
    with store.engine.begin() as conn:
        conn.execute(
            insert(event_blocks),
            [
                {"family": f, "code": c, "bucket": b, "mention_id": m, "article_id": "art"}
                for f, c, b, m in rows
            ],
        )


def test_probe_finds_exact_keys_and_any_year_patterns(store: Store) -> None:
    _blocks(store)
    with store.engine.connect() as conn:
        assert inc._probe(conn, set()) == set()
        exact = {("MEET", "a:kb:X", "2025-03-01"), ("MEET", "a:kb:Y", "2025-03-09")}
        assert inc._probe(conn, exact) == {"m1"}
        assert inc._probe(conn, {("MEET", "a:kb:X", "%-03-01")}) == {"m1", "m5", "m6"}
        assert inc._probe(conn, {*exact, ("ACCUSE", "a:kb:X", "2025-03-01")}) == {"m1", "m4"}


def test_probe_sends_many_keys_in_parts(store: Store) -> None:
    _blocks(store)
    keys = {("MEET", f"a:kb:{i}", "2025-03-01") for i in range(inc.PROBE_ROWS + 5)}
    keys.add(("MEET", "a:kb:Y", "2025-03-01"))
    with store.engine.connect() as conn:
        assert inc._probe(conn, keys) == {"m3"}


def test_moved_articles_are_those_whose_canonical_changed(store: Store) -> None:
    doc = empty_document()
    grouped = {"a1": "dup_1", "a2": "dup_1", "a3": None}
    with store.engine.begin() as conn:
        conn.execute(insert(S.documents), [doc])
        conn.execute(
            insert(S.duplicate_groups),
            [{"id": "dup_1", "canonical_id": "a1", "similarity": 0.9, "size": 2}],
        )
        conn.execute(
            insert(S.articles),
            [
                {"id": a, "document_id": "doc", "item": i, "kind": "news", "data": {}}
                | {"duplicate_group_id": g}
                for i, (a, g) in enumerate(grouped.items())
            ],
        )
    with store.engine.connect() as conn:
        # the group keeps its canonical; a3 (stored alone) joins it as a copy
        assert inc.moved_articles(conn, {"a1", "a2", "a3"}, dict.fromkeys(grouped, "a1")) == {"a3"}
        # a3 becomes the canonical: every member moves but a3 (its own canonical before)
        assert inc.moved_articles(conn, {"a1", "a2", "a3"}, dict.fromkeys(grouped, "a3")) == {
            "a1",
            "a2",
        }
        assert inc.moved_articles(conn, set(), {}) == set()
