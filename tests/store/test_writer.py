"""Write methods: per-article results replaced per article, corpus records upserted by id,
derived rows (parties, links, full-text rows) kept in step, and all-or-nothing batches."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from eventline.errors import StoreError
from eventline.model import DuplicateGroup, Event, EventMention, Quote, Story
from eventline.store import Store
from eventline.store import schema as S
from tests.store.corpus import build


def _count(store: Store, table: S.Table, *where: object) -> int:
    with store.engine.connect() as conn:
        query = select(func.count()).select_from(table)
        for clause in where:
            query = query.where(clause)  # type: ignore[arg-type]
        return int(conn.execute(query).scalar_one())


@pytest.fixture
def filled(store: Store) -> Store:
    corpus = build()
    store.write_document(corpus.document, corpus.articles)
    store.replace_analysis(corpus.records, {"index:x": b"1"})  # type: ignore[arg-type]
    return store


def test_replace_analysis_round_trips_every_kind(filled: Store) -> None:
    records = build().records
    assert filled.records("events", Event) == sorted(records["events"], key=lambda e: e.id)  # type: ignore[attr-defined]
    assert filled.records("stories", Story) == records["stories"]
    assert filled.records("duplicate_groups", DuplicateGroup) == records["duplicate_groups"]
    assert filled.get_blob("index:x") == b"1"


def test_rewriting_one_article_replaces_only_its_results(filled: Store) -> None:
    corpus = build()
    a3 = corpus.articles[2].id
    mentions = [m for m in corpus.records["event_mentions"] if m.evidence.article == a3]  # type: ignore[attr-defined]
    changed = mentions[0].model_copy(update={"id": "evm_new", "type": "MEET"})  # type: ignore[attr-defined]
    filled.write_article_analysis(a3, "v2", events=[changed], quotes=[])
    kept = filled.records("event_mentions", EventMention)
    assert [m.id for m in kept] == ["evm_1", "evm_2", "evm_new"]
    assert filled.records("quotes", Quote) == []
    assert _count(filled, S.event_parties, S.event_parties.c.event_id == "evm_3") == 0
    assert _count(filled, S.search_docs, S.search_docs.c.kind == "quote") == 0
    assert _count(filled, S.search_docs, S.search_docs.c.ref_id == "evm_new") == 1
    with filled.engine.connect() as conn:
        version = conn.execute(select(S.article_analyses.c.version)).scalar_one()
    assert version == "v2"


def test_upsert_event_keeps_its_id_and_updates_sources(filled: Store) -> None:
    event = filled.records("events", Event)[0]
    with filled.batch() as w:
        w.upsert_events([event.model_copy(update={"sources": 5})], links={event.id: ["evm_1"]})
    again = {e.id: e for e in filled.records("events", Event)}
    assert again[event.id].sources == 5 and len(again) == 2
    assert _count(filled, S.event_links, S.event_links.c.event_id == event.id) == 1


def test_event_story_and_parties_are_columns(filled: Store) -> None:
    with filled.engine.connect() as conn:
        story = conn.execute(
            select(S.events.c.story_id).where(S.events.c.id == "evt_strike")
        ).scalar_one()
        keys = conn.execute(
            select(S.event_parties.c.role, S.event_parties.c.key)
            .where(S.event_parties.c.event_id == "evt_talks")
            .order_by(S.event_parties.c.role, S.event_parties.c.key)
        ).all()
    assert story == "story_1"
    assert keys == [("actor", "RUS"), ("actor", "act_lavrov"), ("actor", "act_rus"),
                    ("recipient", "IRN"), ("recipient", "act_irn")]  # fmt: skip


def test_article_links_set_and_cleared(filled: Store) -> None:
    a4 = build().articles[3].id
    with filled.batch() as w:
        w.set_article_links(a4, story_id=None, duplicate_group_id="dup_1")
    with filled.engine.connect() as conn:
        row = conn.execute(select(S.articles).where(S.articles.c.id == a4)).one()
    assert row.story_id is None and row.duplicate_group_id == "dup_1" and row.canonical_id is None


def test_a_failing_batch_writes_nothing(filled: Store) -> None:
    before = filled.counts()
    with pytest.raises(StoreError), filled.batch() as w:
        w.upsert_events([filled.records("events", Event)[0].model_copy(update={"sources": 9})])
        w.put_blob("k", None)  # type: ignore[arg-type]  # NOT NULL violated
    assert filled.counts() == before
    assert {e.sources for e in filled.records("events", Event)} == {1}
