"""Store: opens the database (SQLite or PostgreSQL), migrates it, and reads and writes records.

A document and its articles are written in one transaction; analysis records are written
through a `Writer` bound to one transaction (`with store.batch() as w: ...`), so a reader sees
an analysis before or after a write, never half of one."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import JSON, Connection, Engine, UnicodeText, bindparam, cast, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from eventline.errors import StoreError
from eventline.store.connect import describe_error, open_engine, public_url
from eventline.store.schema import (
    actor_aliases,
    article_analyses,
    articles,
    blobs,
    documents,
    duplicate_groups,
    event_dyads,
    events,
    record_tables,
    stories,
    story_articles,
)

if TYPE_CHECKING:  # the records and the writer load where they are used: opening a store and
    # asking whether anything changed (`analyse` with nothing new) needs neither
    from eventline.model import Article, Document, DuplicateGroup, Event, Hints, Story
    from eventline.store.writer import Writer

M = TypeVar("M", bound=BaseModel)

#: Blobs holding a fresh random value, written by the database's triggers (migration 0010)
#: in the transaction of every change of their kind, so "has anything changed since I last
#: looked?" is one primary-key read, whatever the store's size: articles added, removed or
#: their metadata changed (not their corpus links); per-article results or failures written
#: or removed.
ARTICLES_CHANGED = "index:articles-changed"
RESULTS_CHANGED = "index:results-changed"


def put_blob_in(conn: Connection, key: str, data: bytes) -> None:
    """Insert or replace one blob inside an open transaction (safe beside other writers of
    the same key on PostgreSQL: ON CONFLICT DO UPDATE, never a duplicate-key error)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        pg = postgresql.insert(blobs).values(key=key, data=data)
        conn.execute(pg.on_conflict_do_update(index_elements=[blobs.c.key], set_={"data": data}))
        return
    from sqlalchemy.dialects import sqlite

    lite = sqlite.insert(blobs).values(key=key, data=data)
    conn.execute(lite.on_conflict_do_update(index_elements=[blobs.c.key], set_={"data": data}))


def lock_for_change(
    conn: Connection,
    article_ids: Iterable[str] = (),
    markers: Iterable[str] = (ARTICLES_CHANGED, RESULTS_CHANGED),
) -> None:
    """Take, before a transaction's first write, the row locks it will need, in the one order
    every writer follows: the articles' rows by id, then the change markers by key.

    Why: on PostgreSQL a marker row stays locked by the trigger's upsert until commit, so two
    transactions writing both marker tables in opposite orders (a delete: results, then
    articles; a metadata correction: articles, then results) each held one marker and waited
    for the other's, and the server cancelled one with a deadlock error. Article rows come
    first because an analyse worker holds its claimed articles (FOR UPDATE SKIP LOCKED) before
    it writes the results marker. Writing the markers here (a fresh value, as the triggers
    would at the first statement anyway) also creates them on a store that has none yet.
    A no-op on SQLite, where a write transaction already holds the whole database."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy.dialects import postgresql

    ids = sorted(set(article_ids))
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        query = select(articles.c.id).where(articles.c.id.in_(part)).order_by(articles.c.id)
        conn.execute(query.with_for_update())
    for key in sorted(set(markers)):  # one statement each: rows locked in key order
        fresh = secrets.token_hex(16).encode()
        stmt = postgresql.insert(blobs).values(key=key, data=fresh)
        conn.execute(stmt.on_conflict_do_update(index_elements=[blobs.c.key], set_={"data": fresh}))


def get_blobs(conn: Connection, keys: Sequence[str]) -> dict[str, bytes]:
    """The blobs of these keys that exist, in one indexed read."""
    rows = conn.execute(select(blobs.c.key, blobs.c.data).where(blobs.c.key.in_(list(keys))))
    return {key: bytes(data) for key, data in rows}


class WriteOutcome(StrEnum):
    STORED = "stored"
    UNCHANGED = "unchanged"
    METADATA_UPDATED = "metadata updated"  # H5 (#12): same bytes, new metadata flags


class Store:
    """Open (creating and migrating if needed) the store at a SQLAlchemy URL.

    A SQLite file that this process may not write is opened read-only: reads work, writes
    raise StoreError. `postgresql://` URLs use psycopg 3."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.engine: Engine
        self.engine, self.read_only = open_engine(url, read_only=read_only)
        self.url = public_url(self.engine.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _error(self, what: str, exc: SQLAlchemyError) -> StoreError:
        return StoreError(self.url, f"{what}: {describe_error(exc)}")

    # --- writes -----------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Writer]:
        """One transaction for several writes: all of them are stored, or none."""
        if self.read_only:
            raise StoreError(self.url, "cannot write: the store is open read-only")
        from eventline.store.writer import Writer

        try:
            with self.engine.begin() as conn:
                yield Writer(conn)
        except SQLAlchemyError as exc:
            raise self._error("cannot write", exc) from exc

    def write_document(self, doc: Document, doc_articles: Sequence[Article]) -> WriteOutcome:
        """Store a document and its articles atomically; a known document is left as it is."""
        try:
            with self.batch() as w:
                conn = w.conn
                if conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first():
                    return WriteOutcome.UNCHANGED
                conn.execute(documents.insert(), [_document_row(doc)])
                if doc_articles:
                    insert = articles.insert().values(data=_json_param(self.dialect))
                    conn.execute(insert, [_article_row(a) for a in doc_articles])
                    w.search_articles(doc_articles)
        except StoreError as exc:
            raise StoreError(self.url, f"cannot write {doc.source_path}: {exc.reason}") from exc
        return WriteOutcome.STORED

    def write_article_analysis(self, article_id: str, version: str, **records: Any) -> None:
        """One article's per-article results (see Writer.write_article_analysis)."""
        with self.batch() as w:
            w.write_article_analysis(article_id, version, **records)

    # --- H5 (#12): re-ingesting the same bytes with changed metadata flags ----------------
    def document_hints(self, document_id: str) -> Hints | None:
        """The metadata flags a stored document was ingested with (None: not stored)."""
        from eventline.model import Hints

        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.meta).where(documents.c.id == document_id))
            found = row.first()
        return None if found is None else Hints.model_validate(_json(found[0])["hints"])

    def update_metadata(self, doc: Document, doc_articles: Sequence[Article]) -> WriteOutcome:
        """Replace a stored document's flags and its articles' metadata in one transaction;
        ids are (document, item), so they stay. The articles' per-article results are
        dropped, so the next `analyse` codes them again with the corrected metadata."""
        try:
            with self.batch() as w:
                conn = w.conn
                # each UPDATE below writes the articles marker: lock the rows it will update
                # first, or it would wait for one while holding the marker
                w.lock_for_change([a.id for a in doc_articles], results=False)
                meta = _document_row(doc)["meta"]
                conn.execute(documents.update().where(documents.c.id == doc.id), {"meta": meta})
                data = _json_param(self.dialect)
                for article in doc_articles:
                    row = _article_row(article)
                    update = articles.update().where(articles.c.id == article.id).values(data=data)
                    if conn.execute(update, row).rowcount == 0:
                        conn.execute(articles.insert().values(data=data), [row])
                # dates and kinds feed the per-article results: analyse them again
                w.clear_article_analysis([a.id for a in doc_articles])
                # H1: the full-text row follows the article's title
                w.search_articles(doc_articles)
        except StoreError as exc:
            raise StoreError(self.url, f"cannot update {doc.source_path}: {exc.reason}") from exc
        return WriteOutcome.METADATA_UPDATED

    # --- end H5 -----------------------------------------------------------------------------

    def put_records(self, kind: str, records: Iterable[BaseModel], *, replace: bool = False) -> int:
        """Add or update records of one kind (actors, events, …) in one transaction;
        `replace` first empties that kind."""
        items = list(records)
        with self.batch() as w:
            if replace:
                w.clear(kind)
            w.put(kind, items)
        return len(items)

    def replace_analysis(
        self, records: Mapping[str, Iterable[BaseModel]], new_blobs: Mapping[str, bytes]
    ) -> int:
        """Swap in a new analysis (record kinds replaced whole, index blobs updated) in one
        transaction: a reader sees the old analysis or the new one, never a mix."""
        from eventline.store.writer import WRITE_ORDER

        count = 0
        with self.batch() as w:
            for kind in reversed(WRITE_ORDER):
                if kind in records:
                    w.clear(kind)
            for kind in WRITE_ORDER:
                if kind in records:
                    items = list(records[kind])
                    w.put(kind, items)
                    count += len(items)
            for key, data in new_blobs.items():
                w.put_blob(key, data)
        return count

    def put_blob(self, key: str, data: bytes) -> None:
        if self.read_only:
            raise StoreError(self.url, "cannot write: the store is open read-only")
        try:
            with self.engine.begin() as conn:
                put_blob_in(conn, key, data)
        except SQLAlchemyError as exc:
            raise self._error("cannot write", exc) from exc

    # --- reads ------------------------------------------------------------------------------

    @contextmanager
    def reading(self, what: str) -> Iterator[Connection]:
        """A connection for reads; driver errors become a StoreError naming `what`."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise self._error(f"cannot read {what}", exc) from exc

    def get_blob(self, key: str) -> bytes | None:
        with self.reading(key) as conn:
            row = conn.execute(select(blobs.c.data).where(blobs.c.key == key)).first()
        return None if row is None else bytes(row[0])

    def records(self, kind: str, model: type[M]) -> list[M]:
        """Every record of a kind, by id."""
        if kind == "stories":
            return [model.model_validate(s.model_dump()) for s in self._stories()]
        if kind == "duplicate_groups":
            return [model.model_validate(g.model_dump()) for g in self._groups()]
        table = record_tables[kind]
        with self.reading(kind) as conn:
            rows = conn.execute(select(table.c.data).order_by(table.c.id)).all()
        return [model.model_validate(_json(row[0])) for row in rows]

    def _stories(self) -> list[Story]:
        from eventline.model import Story

        with self.reading("stories") as conn:
            members: dict[str, list[str]] = {}
            query = select(story_articles).order_by(
                story_articles.c.story_id, story_articles.c.position
            )
            for row in conn.execute(query):
                members.setdefault(row.story_id, []).append(row.article_id)
            found = conn.execute(select(stories).order_by(stories.c.id)).all()
        return [
            Story(
                id=s.id,
                title=s.title,
                articles=tuple(members.get(s.id, ())),
                start=s.first_seen,
                end=s.last_seen,
            )
            for s in found
        ]

    def _groups(self) -> list[DuplicateGroup]:
        from eventline.model import DuplicateGroup

        with self.reading("duplicate groups") as conn:
            members: dict[str, list[str]] = {}
            query = (
                select(articles.c.duplicate_group_id, articles.c.id)
                .where(articles.c.duplicate_group_id.is_not(None))
                .order_by(articles.c.id)
            )
            for group_id, article_id in conn.execute(query):
                members.setdefault(group_id, []).append(article_id)
            found = conn.execute(select(duplicate_groups).order_by(duplicate_groups.c.id)).all()
        return [
            DuplicateGroup(
                id=g.id,
                canonical=g.canonical_id,
                members=tuple(members.get(g.id, ())),
                similarity=g.similarity,
            )
            for g in found
        ]

    def records_of_articles(self, kind: str, model: type[M], article_ids: Iterable[str]) -> list[M]:
        """Per-article records (mentions, timexes, event_mentions, quotes) of some articles."""
        table = record_tables[kind]
        ids = sorted(set(article_ids))
        found: list[M] = []
        with self.reading(kind) as conn:
            for n in range(0, len(ids), 500):
                query = (
                    select(table.c.data)
                    .where(table.c.article_id.in_(ids[n : n + 500]))
                    .order_by(table.c.id)
                )
                found.extend(model.model_validate(_json(r[0])) for r in conn.execute(query))
        return found

    def articles_to_analyse(self, version: str) -> list[str]:
        """Ids of articles with no per-article results from pipeline `version`."""
        done = select(article_analyses.c.article_id).where(article_analyses.c.version == version)
        with self.reading("article analyses") as conn:
            query = select(articles.c.id).where(articles.c.id.not_in(done)).order_by(articles.c.id)
            return [row[0] for row in conn.execute(query)]

    def actors_by_alias(self, aliases: Iterable[str]) -> dict[str, list[str]]:
        """Canonical actor ids for each alias (matched casefolded), for linking new mentions
        without loading every actor."""
        keys = sorted({a.casefold() for a in aliases})
        found: dict[str, list[str]] = {}
        with self.reading("actor aliases") as conn:
            for n in range(0, len(keys), 500):
                query = (
                    select(actor_aliases.c.key, actor_aliases.c.actor_id)
                    .where(actor_aliases.c.key.in_(keys[n : n + 500]))
                    .order_by(actor_aliases.c.key, actor_aliases.c.actor_id)
                )
                for key, actor_id in conn.execute(query):
                    found.setdefault(key, []).append(actor_id)
        return found

    def candidate_events(
        self, *, type: str, actor_key: str, recipient_key: str, since: str, until: str
    ) -> list[Event]:
        """Merged events of a type between two parties (actor ids or ISO3) whose first day
        falls in [since, until]: the blocking lookup for attaching a new event mention."""
        from eventline.model import Event

        d = event_dyads
        query = (
            select(events.c.data)
            .select_from(d.join(events, events.c.id == d.c.event_id))
            .where(
                d.c.level == "event", d.c.actor_key == actor_key,
                d.c.recipient_key == recipient_key, d.c.day >= since, d.c.day <= until,
                d.c.type == type,
            )
            .order_by(d.c.day, d.c.event_id)
        )  # fmt: skip
        with self.reading("events") as conn:
            return [Event.model_validate(_json(r[0])) for r in conn.execute(query)]

    def iter_articles(self) -> Iterator[Article]:
        from eventline.model import Article

        query = (
            select(articles.c.data)
            .join(documents, documents.c.id == articles.c.document_id)
            .order_by(documents.c.source_path, articles.c.item)
        )
        with self.reading("articles") as conn:
            for row in conn.execute(query):
                yield Article.model_validate(_json(row[0]))

    def article(self, prefix: str) -> Article | None:
        """An article by id or by a unique prefix of it (as `git show` does)."""
        from eventline.model import Article

        with self.reading("articles") as conn:
            rows = conn.execute(
                select(articles.c.data).where(articles.c.id.startswith(prefix)).limit(2)
            ).all()
        if len(rows) != 1:
            return None
        return Article.model_validate(_json(rows[0][0]))

    def document(self, document_id: str) -> Document | None:
        from eventline.model import Document, Hints, Item

        with self.reading("documents") as conn:
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
        with self.reading("counts") as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


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


def _json_param(dialect: str) -> ColumnElement[Any]:
    """The `data` value of an article row, bound as JSON text already serialised.

    An article of a large input holds one Piece per kept line (a million for a 16 MB file of
    short lines): `model_dump(mode="json")` would build a dict per piece and the JSON type
    would then serialise them again, some 200 MB more at the peak of an ingest. Pydantic's
    `model_dump_json` writes the same JSON in one string; the column reads back as before.
    PostgreSQL needs the text cast to json; SQLite stores JSON as text (a CAST to "JSON" there
    would take numeric affinity, so none is written)."""
    text = bindparam("data_json", type_=UnicodeText)
    return cast(text, JSON) if dialect == "postgresql" else text


def _article_row(article: Article) -> dict[str, Any]:
    """Bind values of an article row; `data_json` goes with `_json_param`."""
    return {
        "id": article.id,
        "document_id": article.document_id,
        "item": article.item,
        "kind": article.kind,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.value if article.published else None,
        "url": article.url,
        "source_id": getattr(article, "source_id", None),
        "data_json": article.model_dump_json(),
    }
