"""The event-block probe asked for events (`events=True`) on both backends: the ids of the
events holding the mentions it finds, exact keys and any-year patterns alike, through one
join to `event_links` (a mention of no event adds none)."""

from __future__ import annotations

from sqlalchemy import insert

from eventline.analysis import increment as inc
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import event_blocks


def _rows(store: Store) -> None:
    blocks = [
        ("MEET", "a:kb:X", "2025-03-01", "m1"),
        ("MEET", "a:kb:X", "2025-03-01", "m2"),
        ("MEET", "a:kb:Y", "2025-03-01", "m3"),
        ("MEET", "a:kb:X", "--03-01", "m5"),
        ("MEET", "a:kb:X", "2024-03-01", "m6"),
        ("MEET", "a:kb:Z", "2025-03-01", "m7"),  # linked to no event
    ]
    links = {"m1": "evt_a", "m2": "evt_a", "m3": "evt_b", "m5": "evt_c", "m6": "evt_d"}
    event = {"type": "MEET", "day": "2025-03-01", "modality": "asserted", "data": {}, "sources": 1}
    with store.engine.begin() as conn:
        conn.execute(
            insert(event_blocks),
            [
                {"family": f, "code": c, "bucket": b, "mention_id": m, "article_id": "art"}
                for f, c, b, m in blocks
            ],
        )
        conn.execute(insert(S.events), [{"id": e, **event} for e in sorted(set(links.values()))])
        conn.execute(
            insert(S.event_links), [{"event_id": e, "mention_id": m} for m, e in links.items()]
        )


def test_probe_for_events_equals_the_events_of_the_mentions_found(store: Store) -> None:
    _rows(store)
    exact = {("MEET", "a:kb:X", "2025-03-01"), ("MEET", "a:kb:Z", "2025-03-01")}
    pattern = {("MEET", "a:kb:X", "%-03-01")}
    with store.engine.connect() as conn:
        assert inc._probe(conn, exact) == {"m1", "m2", "m7"}
        assert inc._probe(conn, exact, events=True) == {"evt_a"}
        assert inc._probe(conn, pattern, events=True) == {"evt_a", "evt_c", "evt_d"}
        both = {*exact, *pattern, ("MEET", "a:kb:Y", "2025-03-01")}
        assert inc._probe(conn, both, events=True) == {"evt_a", "evt_b", "evt_c", "evt_d"}
        assert inc._probe(conn, set(), events=True) == set()
