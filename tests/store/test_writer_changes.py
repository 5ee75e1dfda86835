"""A rewritten event writes only the party and dyad rows that changed (store.writer): the
rows it keeps are not deleted and inserted again, and the rows it ends with, and the monthly
rollup, are those a fresh write of the new version gives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select

from eventline.model import ActorRef, Event, Evidence
from eventline.store import Store
from eventline.store import schema as S

OLD = ActorRef(id="act_old", name="Oldland", country="OLD")
NEW = ActorRef(id="act_new", name="Newland", country="NEW")
KEPT = ActorRef(id="act_kept", name="Keptland", country="KPT")


def _event(actor: ActorRef, *, sources: int) -> Event:
    return Event(
        id="evt_1",
        type="CONSULT",
        date="2025-03-04",
        date_precision="day",
        actor=(actor,),
        recipient=(KEPT,),
        mentions=(Evidence(article="art_1", sentence=0, start=0, end=4, text="Talks."),),
        modality="asserted",
        sources=sources,
    )


def _rows(store: Store) -> tuple[set[tuple[Any, ...]], ...]:
    with store.engine.connect() as conn:
        return tuple(
            {tuple(r) for r in conn.execute(select(t))}
            for t in (S.event_parties, S.event_dyads, S.dyad_months)
        )


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_a_rewritten_event_keeps_unchanged_rows_and_ends_as_a_fresh_write(
    store: Store, tmp_path: Any
) -> None:
    with store.batch() as w:
        w.upsert_events([_event(OLD, sources=1)], links={})
    seen = _statements(store)
    with store.batch() as w:
        w.upsert_events([_event(OLD, sources=1)], links={})  # the same event again
    assert not [s for s in seen if s.startswith(("DELETE FROM event_p", "INSERT INTO event_p"))]
    assert not [s for s in seen if s.startswith(("DELETE FROM event_d", "INSERT INTO event_d"))]
    with store.batch() as w:
        w.upsert_events([_event(NEW, sources=3)], links={})  # one party and the sources change
    fresh = Store(f"sqlite:///{tmp_path}/fresh.db")
    with fresh:
        with fresh.batch() as w:
            w.upsert_events([_event(NEW, sources=3)], links={})
        assert _rows(store) == _rows(fresh)
