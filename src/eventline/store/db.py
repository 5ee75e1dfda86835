"""Store: reads and writes records; each document is written in one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import Insert

from eventline.errors import StoreError
from eventline.model import Article, Document, Hints, Item
from eventline.store import migrate
from eventline.store.schema import articles, blobs, documents, record_tables

R = TypeVar("R", bound=BaseModel)


class WriteOutcome(StrEnum):
    STORED = "stored"
    UNCHANGED = "unchanged"
    METADATA_UPDATED = "metadata updated"  # H5 (#12): same bytes, new metadata flags


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: safe from corruption, fsync per checkpoint
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """Open (creating and migrating if needed) the store at a SQLAlchemy URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            migrate.upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(url, f"cannot open or migrate: {exc.__class__.__name__}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes -----------------------------------------------------------------------------

    def _insert_ignore(self, table: Any) -> Insert:
        """INSERT that leaves an existing row untouched: ids are content hashes, so an
        existing id already holds the same content."""
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    def write_document(self, doc: Document, doc_articles: Sequence[Article]) -> WriteOutcome:
        """Store a document and its articles atomically; a known document is left as it is."""
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first():
                    return WriteOutcome.UNCHANGED
                conn.execute(self._insert_ignore(documents), [_document_row(doc)])
                if doc_articles:
                    conn.execute(
                        self._insert_ignore(articles), [_article_row(a) for a in doc_articles]
                    )
        except SQLAlchemyError as exc:
            raise StoreError(self.url, f"cannot write {doc.source_path}: {exc}") from exc
        return WriteOutcome.STORED

    # --- H5 (#12): re-ingesting the same bytes with changed metadata flags ----------------
    def document_hints(self, document_id: str) -> Hints | None:
        """The metadata flags a stored document was ingested with (None: not stored)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.meta).where(documents.c.id == document_id))
            found = row.first()
        return None if found is None else Hints.model_validate(_json(found[0])["hints"])

    def update_metadata(self, doc: Document, doc_articles: Sequence[Article]) -> WriteOutcome:
        """Replace a stored document's flags and its articles' metadata in one transaction
        (ids are (document, item), so they stay; analysis records keep pointing at them)."""
        try:
            with self.engine.begin() as conn:
                meta = _document_row(doc)["meta"]
                conn.execute(documents.update().where(documents.c.id == doc.id), {"meta": meta})
                for article in doc_articles:
                    row = _article_row(article)
                    update = articles.update().where(articles.c.id == article.id)
                    if conn.execute(update, row).rowcount == 0:
                        conn.execute(self._insert_ignore(articles), [row])
        except SQLAlchemyError as exc:
            raise StoreError(self.url, f"cannot update {doc.source_path}: {exc}") from exc
        return WriteOutcome.METADATA_UPDATED

    # --- end H5 -----------------------------------------------------------------------------

    def put_records(self, kind: str, records: Iterable[BaseModel], *, replace: bool = False) -> int:
        """Add later-stage records (actors, events, …) in one transaction; `replace` first
        empties that kind."""
        if replace:
            return self.replace_analysis({kind: records}, {})
        rows = _record_rows(records)
        try:
            with self.engine.begin() as conn:
                if rows:
                    conn.execute(self._insert_ignore(record_tables[kind]), rows)
        except SQLAlchemyError as exc:
            raise StoreError(self.url, f"cannot write {kind}: {exc}") from exc
        return len(rows)

    def replace_analysis(
        self, records: Mapping[str, Iterable[BaseModel]], new_blobs: Mapping[str, bytes]
    ) -> int:
        """Swap in a new analysis (record kinds replaced whole, index blobs updated) in one
        transaction: a reader sees the old analysis or the new one, never a mix."""
        count = 0
        try:
            with self.engine.begin() as conn:
                for kind, items in records.items():
                    table = record_tables[kind]
                    conn.execute(table.delete())
                    rows = _record_rows(items)
                    if rows:
                        conn.execute(self._insert_ignore(table), rows)
                    count += len(rows)
                for key, data in new_blobs.items():
                    conn.execute(blobs.delete().where(blobs.c.key == key))
                    conn.execute(blobs.insert(), [{"key": key, "data": data}])
        except SQLAlchemyError as exc:
            raise StoreError(self.url, f"cannot write the analysis: {exc}") from exc
        return count

    def put_blob(self, key: str, data: bytes) -> None:
        self.replace_analysis({}, {key: data})

    # --- reads ------------------------------------------------------------------------------

    def get_blob(self, key: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(blobs.c.data).where(blobs.c.key == key)).first()
        return None if row is None else bytes(row[0])

    def records(self, kind: str, model: type[R]) -> list[R]:
        table = record_tables[kind]
        with self.engine.connect() as conn:
            rows = conn.execute(select(table.c.data).order_by(table.c.id)).all()
        return [model.model_validate(_json(row[0])) for row in rows]

    def iter_articles(self) -> Iterator[Article]:
        query = (
            select(articles.c.data)
            .join(documents, documents.c.id == articles.c.document_id)
            .order_by(documents.c.source_path, articles.c.item)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield Article.model_validate(_json(row[0]))

    def article(self, prefix: str) -> Article | None:
        """An article by id or by a unique prefix of it (as `git show` does)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.data).where(articles.c.id.startswith(prefix)).limit(2)
            ).all()
        if len(rows) != 1:
            return None
        return Article.model_validate(_json(rows[0][0]))

    def document(self, document_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
        if row is None:
            return None
        meta = _json(row.meta)
        return Document(
            id=row.id,
            source_path=row.source_path,
            format=row.format,
            raw=bytes(row.raw),
            text=row.text,
            encoding=row.encoding,
            items=tuple(Item.model_validate(i) for i in meta["items"]),
            hints=Hints.model_validate(meta["hints"]),
        )

    def counts(self) -> dict[str, int]:
        tables = {"documents": documents, "articles": articles, **record_tables}
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _record_rows(records: Iterable[BaseModel]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "article_id": _article_of(r), "data": r.model_dump(mode="json")}  # type: ignore[attr-defined]
        for r in records
    ]


def _article_of(record: BaseModel) -> str | None:
    for name in ("article", "reviewer_article"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return value
    evidence = getattr(record, "evidence", None)
    return getattr(evidence, "article", None)


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        "format": doc.format,
        "encoding": doc.encoding,
        "raw": doc.raw,
        "text": doc.text,
        "meta": {
            "items": [i.model_dump(mode="json") for i in doc.items],
            "hints": doc.hints.model_dump(mode="json"),
        },
        "ingested_at": datetime.now(UTC),
    }


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "document_id": article.document_id,
        "item": article.item,
        "kind": article.kind,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.value if article.published else None,
        "data": article.model_dump(mode="json"),
    }
