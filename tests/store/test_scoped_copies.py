"""An incremental link rebuilds only the copy groups its new articles touched; the others are
read from the store as asked (both backends): each article's canonical
(`dedup_table.Canonicals`), the stored groups of some articles (`dedup_table.stored_groups`,
and through them `story_redate.Copies` for the story re-dating), and whether a fresh group id
is already taken (`link._Targets`)."""

from __future__ import annotations

from sqlalchemy import insert

from eventline.analysis import state
from eventline.analysis.dedup_table import Canonicals, stored_groups
from eventline.analysis.link import _Targets
from eventline.analysis.story_redate import Copies
from eventline.model import DuplicateGroup
from eventline.store import Store
from eventline.store import schema as S
from tests.store.rows import empty_document


def _store_groups(store: Store) -> None:
    """dup_1 = {a1 (canonical), a2}; dup_2 = {b1, b2 (canonical)}; c1 alone."""
    doc = empty_document()
    grouped = {
        "a1": ("dup_1", "a1"),
        "a2": ("dup_1", "a1"),
        "b1": ("dup_2", "b2"),
        "b2": ("dup_2", "b2"),
        "c1": (None, None),
    }
    with store.engine.begin() as conn:
        conn.execute(insert(S.documents), [doc])
        conn.execute(
            insert(S.duplicate_groups),
            [
                {"id": "dup_1", "canonical_id": "a1", "similarity": 0.9, "size": 2},
                {"id": "dup_2", "canonical_id": "b2", "similarity": 0.8, "size": 2},
            ],
        )
        conn.execute(
            insert(S.articles),
            [
                {"id": a, "document_id": "doc", "item": i, "kind": "news", "data": {}}
                | {"duplicate_group_id": g, "canonical_id": c}
                for i, (a, (g, c)) in enumerate(grouped.items())
            ],
        )
        state.update_assignments(conn, "dup", {"a1": ("dup_1", 1), "a2": ("dup_1", 1)})
        state.update_assignments(conn, "dup", {"b1": ("dup_2", 2), "b2": ("dup_2", 2)})


def test_canonicals_are_the_rebuilt_groups_then_the_stored_ones(store: Store) -> None:
    _store_groups(store)
    # the link rebuilt dup_1 with a new article n1, which became its canonical
    canonicals = Canonicals(store.engine, {"a1": "n1", "a2": "n1", "n1": "n1"})
    canonicals.need(["b1", "c1", "a1"])
    assert canonicals["a2"] == "n1"
    assert canonicals["b1"] == "b2"
    assert "c1" not in canonicals and canonicals.get("c1", "c1") == "c1"
    assert canonicals.get("b2") == "b2"  # not asked for first: read alone
    assert canonicals.get("unknown") is None
    assert dict(canonicals) == {"a1": "n1", "a2": "n1", "n1": "n1", "b1": "b2", "b2": "b2"}
    unread = Canonicals(store.engine, {})
    assert unread and len(unread) == 0  # nothing read yet, but not an empty mapping
    assert (unread or {}).get("b1") == "b2"


def test_stored_groups_of_some_articles(store: Store) -> None:
    _store_groups(store)
    with store.engine.connect() as conn:
        groups = stored_groups(conn, ["b1", "c1"])
        assert stored_groups(conn, []) == []
    assert [(g.id, g.canonical, g.members, g.similarity) for g in groups] == [
        ("dup_2", "b2", ("b1", "b2"), 0.8)
    ]


def test_story_redating_reads_the_groups_the_link_did_not_rebuild(store: Store) -> None:
    """`story_redate.Copies`: the groups this link rebuilt win; the others are read from the
    store once, when the component search reaches one of their articles."""
    _store_groups(store)
    rebuilt = DuplicateGroup(id="dup_1", canonical="n1", members=("a1", "a2", "n1"), similarity=1)
    copies = Copies([rebuilt])
    with store.engine.connect() as conn:
        copies.need(conn, ["a1", "b1", "c1"])
    assert copies.members == {
        "a1": ("a1", "a2", "n1"),
        "a2": ("a1", "a2", "n1"),
        "n1": ("a1", "a2", "n1"),
        "b1": ("b1", "b2"),
        "b2": ("b1", "b2"),
    }
    assert copies.canonical == {"a1": "n1", "a2": "n1", "n1": "n1", "b1": "b2", "b2": "b2"}


def test_a_fresh_id_is_checked_against_every_stored_one(store: Store) -> None:
    _store_groups(store)
    targets = _Targets(store, "dup", {"dup_9"})
    assert "dup_9" in targets  # one in hand
    assert "dup_2" in targets  # one only the store holds
    assert "dup_3" not in targets
    assert "dup_2" not in _Targets(store, "event", set())
