"""Rows owned by a record (an actor's aliases and blocking keys, a story's member rows, an
event's mention links) are written as the rows that differ from the stored ones
(store.writer): a record written again as it was touches none of them, and a changed one ends
with exactly the rows a fresh write of it gives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select

from eventline.model import Actor, Story
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import actor_keys


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def _rows(store: Store, table: Any) -> set[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(table))}


def _writes(seen: list[str], table: str) -> list[str]:
    return [s for s in seen if s.startswith((f"DELETE FROM {table}", f"INSERT INTO {table}"))]


def test_an_actors_aliases_and_keys_change_only_where_they_differ(store: Store) -> None:
    first = Actor(id="act_1", name="Ada Quill", type="person", aliases=("A. Quill", "Quill"))
    other = Actor(id="act_2", name="Bram Stokes", type="person")
    with store.batch() as w:
        w.upsert_actors([first, other])
        w.put_actor_keys([{"key": "sur:quill", "actor_id": "act_1"}])
    seen = _statements(store)
    with store.batch() as w:
        w.upsert_actors([first])
        w.put_actor_keys([{"key": "sur:quill", "actor_id": "act_1"}])
    assert not _writes(seen, "actor_aliases") and not _writes(seen, "actor_keys")

    renamed = first.model_copy(update={"aliases": ("Quill", "Ada Q.")})
    with store.batch() as w:
        w.upsert_actors([renamed])
        w.put_actor_keys(
            [{"key": "sur:q", "actor_id": "act_1"}, {"key": "sur:q", "actor_id": "act_1"}]
        )
    assert _rows(store, S.actor_aliases) == {
        ("act_1", "ada quill", "Ada Quill"),
        ("act_1", "quill", "Quill"),
        ("act_1", "ada q.", "Ada Q."),
        ("act_2", "bram stokes", "Bram Stokes"),
    }
    assert _rows(store, actor_keys) == {("sur:q", "act_1")}


def test_a_storys_members_and_an_events_links_change_only_where_they_differ(
    store: Store,
) -> None:
    story = Story(id="sto_1", title="Talks", articles=("art_a", "art_b"))
    with store.batch() as w:
        w.upsert_stories([story])
    seen = _statements(store)
    with store.batch() as w:
        w.upsert_stories([story])
    assert not _writes(seen, "story_articles")

    with store.batch() as w:  # a member joins in front, one leaves
        w.upsert_stories([story.model_copy(update={"articles": ("art_c", "art_a")})])
    assert _rows(store, S.story_articles) == {("sto_1", "art_c", 0), ("sto_1", "art_a", 1)}

    writer_links = {"evt_1": ["men_1", "men_2"]}
    with store.engine.begin() as conn:
        conn.execute(S.events.insert(), [_event_row("evt_1")])
    with store.batch() as w:
        w._replace_links(writer_links)
    del seen[:]
    with store.batch() as w:
        w._replace_links(writer_links)
    assert not _writes(seen, "event_links")
    with store.batch() as w:
        w._replace_links({"evt_1": ["men_2", "men_3"]})
    assert _rows(store, S.event_links) == {("evt_1", "men_2"), ("evt_1", "men_3")}


def _event_row(event_id: str) -> dict[str, Any]:
    """A minimal events row (its columns' required values) for the links' foreign key."""
    row: dict[str, Any] = {}
    for column in S.events.columns:
        if column.nullable or column.default is not None or column.server_default is not None:
            continue
        row[column.name] = 0 if column.type.python_type in (int, float) else "x"
    row["id"] = event_id
    return row
