from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from eventline.errors import StoreError
from eventline.model import Article, Document, Item, Piece
from eventline.store import Store, WriteOutcome
from eventline.store.migrate import current_revision, head_revision


def make_doc(body: str, *, items: int = 1) -> tuple[Document, list[Article]]:
    raw = body.encode()
    doc = Document(
        id=Document.make_id(raw),
        source_path="x.txt",
        format="text",
        raw=raw,
        text=body,
        encoding="utf-8",
        items=(Item(start=0, end=len(body)),),
    )
    arts = [
        Article(
            id=Article.make_id(doc.id, n),
            document_id=doc.id,
            source_path="x.txt",
            item=n,
            body=body,
            pieces=(Piece(body_start=0, doc_start=0, length=len(body)),),
        )
        for n in range(1, items + 1)
    ]
    return doc, arts


def test_schema_comes_from_recorded_migrations(store: Store) -> None:
    assert current_revision(store.engine) == head_revision() is not None
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_same_document_twice_is_a_no_op(store: Store) -> None:
    doc, arts = make_doc("Moscow hosted talks.")
    assert store.write_document(doc, arts) is WriteOutcome.STORED
    assert store.write_document(doc, arts) is WriteOutcome.UNCHANGED
    assert store.counts()["articles"] == 1


def test_raw_bytes_kept_verbatim(store: Store) -> None:
    doc, arts = make_doc("Tehran \u2014 r\u00e9sum\u00e9\n")
    store.write_document(doc, arts)
    again = store.document(doc.id)
    assert again is not None and again.raw == doc.raw and again.items == doc.items


def test_failed_write_leaves_no_half_document(store: Store) -> None:
    doc, arts = make_doc("Kyiv said so.", items=2)
    broken = [arts[0], arts[1].model_copy(update={"document_id": "doc_missing"})]
    with pytest.raises(StoreError):
        store.write_document(doc, broken)  # the second article violates the foreign key
    assert store.counts() == {k: 0 for k in store.counts()}
    assert store.document(doc.id) is None


def test_article_lookup_by_unique_prefix(store: Store) -> None:
    doc, arts = make_doc("Beijing replied.")
    store.write_document(doc, arts)
    assert store.article(arts[0].id[:8]) == arts[0]
    assert store.article("art_zzzz") is None


def test_unusable_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    assert "cannot open" in str(caught.value)


def test_foreign_file_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(f"sqlite:///{path}")
    assert path.read_bytes().startswith(b"this is not a database")
