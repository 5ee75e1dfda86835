"""Story-level date estimates as rows (`store.story_dates`): replaced per article, read per
article, and converted from the one blob (`index:story-dates`) that links before migration
0011 rewrote, on both backends."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import create_engine, select, text

from eventline.corpus.story_dates import StoryDate
from eventline.store import Store
from eventline.store import story_dates as rows
from eventline.store.connect import normalise_url
from eventline.store.migrate import _config
from eventline.store.schema import blobs
from tests.store.corpus import build


def _estimate(article: str, value: str, evidence: str = "evm_x") -> StoryDate:
    return StoryDate(article, value, "day" if len(value) == 10 else "month", evidence)


def test_rows_are_replaced_and_read_per_article(store: Store) -> None:
    first = {"a1": _estimate("a1", "2025-03-14"), "a2": _estimate("a2", "2025-03")}
    own = [rows.OwnDate("m1", "a1", None, None), rows.OwnDate("m2", "a2", "2025-03", "report")]
    with store.engine.begin() as conn:
        rows.replace(conn, None, first, own)
        # a later link re-estimates a2 only: a1's rows stay, a2's are what it says now
        rows.replace(conn, {"a2", "a3"}, {"a3": _estimate("a3", "2025-04")}, [])
    with store.engine.connect() as conn:
        assert rows.read_estimates(conn, ["a1", "a2", "a3", "a9"]) == {
            "a1": first["a1"],
            "a3": _estimate("a3", "2025-04"),
        }
        assert rows.read_own_dates(conn, ["a1", "a2"]) == {"m1": own[0]}
        assert rows.read_estimates(conn, []) == {}


def test_own_dates_are_added_beside_the_others(store: Store) -> None:
    """What a full link stores before its mentions (so a link stopped in between leaves every
    stored re-dated mention its own date): rows are added or replaced, none removed."""
    kept, moved = rows.OwnDate("m1", "a1", None, None), rows.OwnDate("m2", "a2", None, None)
    with store.engine.begin() as conn:
        rows.replace(conn, None, {}, [kept, moved])
        rows.add_own_dates(conn, [rows.OwnDate("m2", "a2", "2025-03", "report")])
    with store.engine.connect() as conn:
        assert rows.read_own_dates(conn, ["a1", "a2"]) == {
            "m1": kept,
            "m2": rows.OwnDate("m2", "a2", "2025-03", "report"),
        }


def test_a_story_dates_blob_upgrades_to_rows(store_url: str) -> None:
    """A store at 0010 holding the blob as the links before 0011 wrote it (sorted JSON,
    mentions named without their article) opens with the same estimates as rows; a mention
    the store no longer holds is dropped, and the blob is gone."""
    corpus = build()
    with Store(store_url) as store:
        store.write_document(corpus.document, corpus.articles)
        store.replace_analysis(corpus.records, {})  # type: ignore[arg-type]
    a1, a3 = corpus.articles[0].id, corpus.articles[2].id
    blob = {
        "articles": {a1: ["2025-06-21", "day", "evm_3"], a3: ["2025-06", "month", "evm_1"]},
        "mentions": {
            "evm_1": [None, None],
            "evm_3": ["2025-06", "report"],
            "evm_gone": [None, None],
        },
    }
    engine = create_engine(normalise_url(store_url))
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        conn.execute(
            blobs.insert(),
            [{"key": rows.BLOB_KEY, "data": json.dumps(blob, sort_keys=True).encode()}],
        )
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert tables == "0010"
    with Store(store_url) as store, store.engine.connect() as conn:
        assert rows.read_estimates(conn, [a1, a3]) == {
            a1: StoryDate(a1, "2025-06-21", "day", "evm_3"),
            a3: StoryDate(a3, "2025-06", "month", "evm_1"),
        }
        own = rows.read_own_dates(conn, [a.id for a in corpus.articles])
        article = {m.id: m.evidence.article for m in corpus.records["event_mentions"]}  # type: ignore[attr-defined]
        assert own == {
            "evm_1": rows.OwnDate("evm_1", article["evm_1"], None, None),
            "evm_3": rows.OwnDate("evm_3", article["evm_3"], "2025-06", "report"),
        }
        assert conn.execute(select(blobs.c.key).where(blobs.c.key == rows.BLOB_KEY)).first() is None
