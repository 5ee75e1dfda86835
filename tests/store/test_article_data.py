"""Article rows carry their `data` as JSON text serialised by pydantic (no per-piece dicts):
the column must still hold a JSON object on both backends, read back equal, and rows written
the older way (a dict through the JSON type) must still read."""

from __future__ import annotations

from sqlalchemy import select, text

from eventline.model import Article, Document, Item, Piece
from eventline.store import Store
from eventline.store.schema import articles


def _doc(lines: list[str]) -> tuple[Document, Article]:
    body = "\n".join(lines)
    raw = body.encode()
    doc = Document(
        id=Document.make_id(raw),
        source_path="ünïcode.txt",
        format="text",
        raw=raw,
        text=body,
        encoding="utf-8",
        items=(Item(start=0, end=len(body)),),
    )
    pieces, at = [], 0
    for line in lines:
        pieces.append(Piece(body_start=at, doc_start=at, length=len(line)))
        at += len(line) + 1
    article = Article(
        id=Article.make_id(doc.id, 1),
        document_id=doc.id,
        source_path=doc.source_path,
        item=1,
        title="Café «talks» — 北京",
        body=body,
        pieces=tuple(pieces),
    )
    return doc, article


def _json_kind(store: Store, article_id: str) -> str:
    fn = "json_typeof" if store.dialect == "postgresql" else "json_type"
    with store.engine.connect() as conn:
        query = text(f"SELECT {fn}(data) FROM articles WHERE id = :id")
        return str(conn.execute(query, {"id": article_id}).scalar_one())


def test_article_data_is_a_json_object_that_reads_back_equal(store: Store) -> None:
    doc, article = _doc([f"L{i} said «ok» at 5 °C." for i in range(300)])
    store.write_document(doc, [article])
    assert _json_kind(store, article.id) == "object"  # not a JSON string holding JSON
    assert store.article(article.id) == article
    assert list(store.iter_articles()) == [article]


def test_metadata_update_keeps_data_readable(store: Store) -> None:
    doc, article = _doc(["First line.", "Second line."])
    store.write_document(doc, [article])
    fixed = article.model_copy(update={"outlet": "Le Monde"})
    store.update_metadata(doc, [fixed])
    assert _json_kind(store, article.id) == "object"
    assert store.article(article.id) == fixed


def test_rows_written_as_dicts_still_read(store: Store) -> None:
    doc, article = _doc(["An older row.", "Written through the JSON type."])
    store.write_document(doc, [article])
    older = article.model_copy(update={"title": "Older"})
    with store.engine.begin() as conn:
        update = articles.update().where(articles.c.id == article.id)
        conn.execute(update.values(data=older.model_dump(mode="json")))
        assert conn.execute(select(articles.c.id)).scalar_one() == article.id
    assert store.article(article.id) == older
