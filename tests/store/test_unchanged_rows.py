"""What an incremental link writes again comes out mostly as it was stored: id assignments,
event summaries and an event's mention links are written as the rows that differ (a
re-clustered event keeping its id and members touches none of them), and the rows that
remain are those a fresh write gives, on both backends."""

from __future__ import annotations

import json
import zlib
from typing import Any

from sqlalchemy import event, select

from eventline.analysis import increment as inc
from eventline.analysis import state
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import event_summaries, id_assignments
from tests.store.test_writer_owned import _event_row


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def _writes(seen: list[str], table: str) -> list[str]:
    return [s for s in seen if s.startswith((f"DELETE FROM {table}", f"INSERT INTO {table}"))]


def _rows(store: Store, *columns: Any) -> set[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(*columns))}


def test_assignments_are_rewritten_only_where_they_change(store: Store) -> None:
    a = id_assignments
    with store.engine.begin() as conn:
        state.update_assignments(conn, "event", {"m1": ("evt_a", 1), "m2": ("evt_a", 1)})
    seen = _statements(store)
    with store.engine.begin() as conn:
        state.update_assignments(conn, "event", {"m1": ("evt_a", 1), "m2": ("evt_a", 1)})
    assert not _writes(seen, "id_assignments")
    with store.engine.begin() as conn:  # m2 moves to another event, m3 is new, m1 stays
        state.update_assignments(
            conn, "event", {"m1": ("evt_a", 1), "m2": ("evt_b", 2), "m3": ("evt_b", 2)}
        )
        state.update_assignments(conn, "dup", {"m1": ("dup_x", 3)})  # another kind
    assert _rows(store, a.c.kind, a.c.member, a.c.target, a.c.seq) == {
        ("event", "m1", "evt_a", 1),
        ("event", "m2", "evt_b", 2),
        ("event", "m3", "evt_b", 2),
        ("dup", "m1", "dup_x", 3),
    }


def test_summaries_are_rewritten_only_where_their_bytes_change(store: Store) -> None:
    s = event_summaries
    first = {"evt_1": {"family": "MEET", "n": 1}, "evt_2": {"family": "AID", "n": 2}}
    with store.engine.begin() as conn:
        inc.write_summaries(conn, first)
    seen = _statements(store)
    with store.engine.begin() as conn:
        inc.write_summaries(conn, first, ["evt_1"])  # re-clustered into what it was
    assert not _writes(seen, "event_summaries")
    with store.engine.begin() as conn:  # evt_2 grew, evt_1 is gone, evt_3 is new
        inc.write_summaries(conn, {"evt_2": {"n": 3}, "evt_3": {"n": 1}}, ["evt_1"])
    with store.engine.connect() as conn:
        stored = {
            i: json.loads(zlib.decompress(bytes(d)))
            for i, d in conn.execute(select(s.c.event_id, s.c.data))
        }
    assert stored == {"evt_2": {"n": 3}, "evt_3": {"n": 1}}


def test_an_event_gaining_a_mention_writes_that_link_alone(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(S.events.insert(), [_event_row("evt_1"), _event_row("evt_2")])
    with store.batch() as w:
        w._replace_links({"evt_1": ["men_1", "men_2"], "evt_2": ["men_5"]})
    seen = _statements(store)
    with store.batch() as w:
        w._replace_links({"evt_1": ["men_1", "men_2", "men_3"]})
    inserts = [s for s in _writes(seen, "event_links") if s.startswith("INSERT")]
    assert not [s for s in _writes(seen, "event_links") if s.startswith("DELETE")]
    assert len(inserts) == 1  # one statement, of the one new pair
    with store.batch() as w:  # a mention leaves, another joins
        w._replace_links({"evt_1": ["men_2", "men_4", "men_3"]})
    el = S.event_links
    assert _rows(store, el.c.event_id, el.c.mention_id) == {
        ("evt_1", "men_2"),
        ("evt_1", "men_3"),
        ("evt_1", "men_4"),
        ("evt_2", "men_5"),
    }
