"""Migrations: a store written with the 0001 schema keeps its data through the upgrade, and
the SQLAlchemy tables in schema.py equal the migrated database (no drift)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from eventline.errors import StoreError
from eventline.model import (
    Actor,
    Claim,
    DuplicateGroup,
    Event,
    EventMention,
    Mention,
    Quote,
    Story,
    Timex,
)
from eventline.store import Store
from eventline.store.connect import normalise_url
from eventline.store.migrate import _config, head_revision
from eventline.store.schema import metadata
from eventline.store.search import BACKEND_OBJECTS
from tests.store.corpus import build

MODELS: dict[str, type[Any]] = {
    "actors": Actor, "mentions": Mention, "timexes": Timex, "event_mentions": EventMention,
    "quotes": Quote, "duplicate_groups": DuplicateGroup, "stories": Story, "events": Event,
    "claims": Claim,
}  # fmt: skip


def _article_of(record: Any) -> str | None:
    """The article column as 0001's store filled it (main's `_article_of`)."""
    for name in ("article", "reviewer_article"):
        if isinstance(getattr(record, name, None), str):
            return str(getattr(record, name))
    evidence = getattr(record, "evidence", None)
    return getattr(evidence, "article", None)


def _write_0001_store(url: str) -> dict[str, list[Any]]:
    """Migrate an empty database to 0001 and fill it the way 0001's Store wrote rows: the
    document and article columns, and every analysis record as a JSON blob."""
    corpus = build()
    engine = create_engine(normalise_url(url))
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        doc = corpus.document
        conn.execute(
            text(
                "INSERT INTO documents VALUES (:id, :source_path, :format, :encoding, :raw, "
                ":text, :meta, :ingested_at)"
            ),
            {
                "id": doc.id, "source_path": doc.source_path, "format": doc.format,
                "encoding": doc.encoding, "raw": doc.raw, "text": doc.text,
                "meta": json.dumps({"items": [i.model_dump(mode="json") for i in doc.items],
                                    "hints": doc.hints.model_dump(mode="json")}),
                "ingested_at": datetime.now(UTC),
            },
        )  # fmt: skip
        for a in corpus.articles:
            conn.execute(
                text(
                    "INSERT INTO articles VALUES (:id, :document_id, :item, :kind, :title, "
                    ":outlet, :published, :data)"
                ),
                {
                    "id": a.id, "document_id": a.document_id, "item": a.item, "kind": a.kind,
                    "title": a.title, "outlet": a.outlet,
                    "published": a.published.value if a.published else None,
                    "data": json.dumps(a.model_dump(mode="json")),
                },
            )  # fmt: skip
        for kind, records in corpus.records.items():
            for r in records:
                conn.execute(
                    text(f"INSERT INTO {kind} (id, article_id, data) VALUES (:id, :a, :data)"),
                    {
                        "id": r.id,
                        "a": _article_of(r),
                        "data": json.dumps(r.model_dump(mode="json")),
                    },  # type: ignore[attr-defined]
                )
    engine.dispose()
    return corpus.records


def test_upgrade_from_0001_keeps_every_record(store_url: str) -> None:
    written = _write_0001_store(store_url)
    with Store(store_url) as store:
        assert store.counts()["articles"] == 4
        for kind, records in written.items():
            assert store.records(kind, MODELS[kind]) == sorted(records, key=lambda r: r.id), kind  # type: ignore[attr-defined]
        with store.engine.connect() as conn:
            links = conn.execute(text("SELECT event_id, mention_id FROM event_links")).all()
            dup = conn.execute(
                text("SELECT count(*) FROM articles WHERE duplicate_group_id = 'dup_1'")
            ).scalar()
            hits = conn.execute(
                text("SELECT count(*) FROM search_docs WHERE kind = 'article'")
            ).scalar()
        assert sorted(links) == [("evt_strike", "evm_1"), ("evt_strike", "evm_2"),
                                 ("evt_talks", "evm_3")]  # fmt: skip
        assert dup == 2 and hits == 4


def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return name not in BACKEND_OBJECTS and not (name or "").startswith("search_fts")


def test_schema_py_equals_the_migrated_database(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": _include, "compare_type": True}
        )
        assert compare_metadata(context, metadata) == []


def test_newer_schema_is_refused_naming_both_versions(store_url: str) -> None:
    Store(store_url).close()
    engine = create_engine(normalise_url(store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    with pytest.raises(StoreError) as caught:
        Store(store_url)
    message = str(caught.value)
    assert "0999" in message and str(head_revision()) in message and "\n" not in message
