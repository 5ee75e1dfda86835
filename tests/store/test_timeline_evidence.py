"""A relation timeline's top evidence, ranked in SQL over the pair's dyad rows
(`queries.dyad_top_events`), equals the one ranked in Python over every event
(`corpus.timeline.build_timeline`), on both backends: ties on sources and score, events
reported both ways, joint events, coarse and undated dates, other modalities, an event with
no mention among a period's best, and a changed number of sources (the writer keeps the dyad
rows' `sources` in step). Migration 0008 fills `sources` on a store written before it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from eventline.corpus.timeline import build_timeline
from eventline.corpus.timeline_store import store_timeline
from eventline.model import ActorRef, Event, Evidence
from eventline.queries import dyad_top_events
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.connect import normalise_url
from eventline.store.migrate import _config

RUS = ActorRef(id="act_rus", name="Russia", country="RUS")
IRN = ActorRef(id="act_irn", name="Iran", country="IRN")
USA = ActorRef(id="act_usa", name="United States", country="USA")
TYPES = ("CONSULT", "AGREE", "ACCUSE", "ASSAULT", "AID", "THREATEN")
MODALITIES = ("asserted",) * 6 + ("planned", "alleged")


def _events(n: int, *, seed: int) -> list[Event]:
    """Events between RUS and IRN (both ways), some joint, some with a third party, over a
    few months; few distinct sources and scores, so that ties are common."""
    rng = random.Random(seed)
    found = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.45:
            actor, recipient = (RUS,), (IRN,)
        elif roll < 0.85:
            actor, recipient = (IRN,), (RUS,)
        elif roll < 0.93:
            actor, recipient = (RUS, IRN), ()
        else:
            actor, recipient = (USA,), (IRN,)
        day = f"2025-{rng.randrange(1, 4):02d}-{rng.randrange(1, 29):02d}"
        date, precision = rng.choice(
            [(day, "day")] * 6 + [(day, "report"), (day[:7], "month"), ("2025", "year"),
                                  (None, None)]
        )  # fmt: skip
        mentions = () if i % 37 == 5 else (
            Evidence(article=f"art_{i % 7}", sentence=0, start=0, end=4, text=f"Event {i}."),
        )  # fmt: skip
        found.append(
            Event(
                id=f"evt_{i:04d}",
                type=rng.choice(TYPES),
                date=date,
                date_precision=precision,
                actor=actor,
                recipient=recipient,
                mentions=mentions,
                modality=rng.choice(MODALITIES),
                sources=rng.choice((1, 1, 2, 3)),
            )
        )
    return found


@pytest.mark.parametrize("by", ["month", "week"])
def test_top_evidence_equals_python_ranking(store: Store, by: str) -> None:
    events = _events(400, seed=3)
    with store.batch() as w:
        w.upsert_events(events, links={})
    for a, b, directed in (("IRN", "RUS", False), ("RUS", "IRN", True), ("IRN", "RUS", True)):
        ours = store_timeline(store, a, b, by=by, directed=directed)  # type: ignore[arg-type]
        theirs = build_timeline(events, a, b, by=by, directed=directed)  # type: ignore[arg-type]
        assert ours == theirs, (a, b, directed)
        assert any(p.evidence for p in ours.periods)
    # more sources for a few events: their dyad rows follow, and so does the ranking
    changed = [e.model_copy(update={"sources": 9}) for e in events[::50]]
    with store.batch() as w:
        w.upsert_events(changed, links={})
    merged = {e.id: e for e in events} | {e.id: e for e in changed}
    ours = store_timeline(store, "IRN", "RUS", by=by)  # type: ignore[arg-type]
    assert ours == build_timeline(list(merged.values()), "IRN", "RUS", by=by)  # type: ignore[arg-type]


def test_top_events_read_only_the_best_of_each_period(store: Store) -> None:
    events = _events(400, seed=4)
    with store.batch() as w:
        w.upsert_events(events, links={})
    top = dyad_top_events(store, "IRN", "RUS", by="month", per=2)
    assert top and all(len(found) <= 2 for found in top.values())
    for period, found in top.items():
        assert all((e.date or "").startswith(period) for e in found)
        ranks = [(-e.sources, -abs(e.score or 0.0), e.id) for e in found]
        assert ranks == sorted(ranks)


def test_migration_0008_fills_dyad_sources(tmp_path: Path) -> None:
    """A store written at 0007 (dyad rows without `sources`) gets its events' sources."""
    url = f"sqlite:///{tmp_path}/old.db"
    engine = create_engine(normalise_url(url))
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
    engine.dispose()
    events = _events(60, seed=5)
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:  # what 0007's writer wrote: no `sources` on dyad rows
        from eventline.store import rows as R

        conn.execute(S.events.insert(), [R.event_row(e) for e in events])
        parties = [r for e in events for r in R.party_rows(e) if r["role"] != "joint"]
        conn.execute(S.event_parties.insert(), parties)
        rows = [{k: v for k, v in r.items() if k != "sources"}
                for e in events for r in R.dyad_rows(e)]  # fmt: skip
        conn.execute(text(
            "INSERT INTO event_dyads (level, actor_key, recipient_key, day, event_id, type, "
            "quad_class, score, date_precision, modality) VALUES (:level, :actor_key, "
            ":recipient_key, :day, :event_id, :type, :quad_class, :score, :date_precision, "
            ":modality)"
        ), rows)  # fmt: skip
    engine.dispose()
    from eventline.store import rows as R

    with Store(url) as store, store.reading("dyads") as conn:
        d, e = S.event_dyads, S.events
        found = conn.execute(select(d.c.sources, e.c.sources).join(e, e.c.id == d.c.event_id)).all()
        p = S.event_parties
        joint = conn.execute(
            select(p.c.level, p.c.role, p.c.key, p.c.day, p.c.event_id).where(p.c.role == "joint")
        ).all()
    assert found and all(ours == theirs for ours, theirs in found)
    expected = [r for e in events for r in R.party_rows(e) if r["role"] == "joint"]
    assert expected and sorted(tuple(r.values()) for r in expected) == sorted(map(tuple, joint))
