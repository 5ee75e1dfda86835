"""Relational analysis tables with indexed columns, link tables and a full-text index; the
JSON record tables of 0001 are carried over into them and dropped.

The carry-over validates each stored record with today's models and writes it with the
store's Writer, which computes the derived columns (quad class, date range, parties, links).
A later migration that changes these tables must not rely on this one staying runnable with
newer code: it should copy what it needs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

T = sa.Text
LEGACY = (
    "actors",
    "mentions",
    "timexes",
    "event_mentions",
    "quotes",
    "duplicate_groups",
    "stories",
    "events",
    "claims",
)
ARTICLE_LINKS = ("url", "source_id", "story_id", "duplicate_group_id", "canonical_id")


def _index(table: str, *columns: str, name: str | None = None) -> None:
    op.create_index(name or f"ix_{table}_{columns[0]}", table, list(columns))


def _event_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("type", T, nullable=False),
        sa.Column("mode", T),
        sa.Column("quad_class", T),
        sa.Column("score", sa.Float),
        sa.Column("date", T),
        sa.Column("date_start", T),
        sa.Column("date_end", T),
        sa.Column("date_precision", T),
        sa.Column("day", T, nullable=False),
        sa.Column("location", T),
        sa.Column("location_country", T),
        sa.Column("modality", T, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    ]


def _event_indexes(table: str) -> None:
    for column in ("type", "quad_class", "location_country", "modality"):
        _index(table, column)
    _index(table, "day", "id", name=f"ix_{table}_day")


def _articles() -> None:
    for column in ARTICLE_LINKS:
        op.add_column("articles", sa.Column(column, T))
    for column in ("kind", "outlet", "published", *ARTICLE_LINKS):
        _index("articles", column)
    op.create_table(
        "article_analyses",
        sa.Column("article_id", T, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("version", T, nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
    )
    _index("article_analyses", "version")


def _actors() -> None:
    op.create_table(
        "actors",
        sa.Column("id", T, primary_key=True),
        sa.Column("name", T, nullable=False),
        sa.Column("type", T, nullable=False),
        sa.Column("country", T),
        sa.Column("sector", T),
        sa.Column("data", sa.JSON, nullable=False),
    )
    for column in ("name", "type", "country", "sector"):
        _index("actors", column)
    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", T, sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("key", T, primary_key=True),
        sa.Column("alias", T, nullable=False),
    )
    _index("actor_aliases", "key")
    op.create_table(
        "actor_mentions",
        sa.Column("id", T, primary_key=True),
        sa.Column("article_id", T, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("label", T, nullable=False),
        sa.Column("actor_id", T),
        sa.Column("data", sa.JSON, nullable=False),
    )
    _index("actor_mentions", "article_id")
    _index("actor_mentions", "actor_id")
    op.create_table(
        "timexes",
        sa.Column("id", T, primary_key=True),
        sa.Column("article_id", T, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("type", T, nullable=False),
        sa.Column("value", T, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    _index("timexes", "article_id")
    _index("timexes", "value")


def _events() -> None:
    op.create_table(
        "event_mentions",
        sa.Column("id", T, primary_key=True),
        sa.Column("article_id", T, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        *_event_columns(),
    )
    _index("event_mentions", "article_id")
    _event_indexes("event_mentions")
    op.create_table(
        "events",
        sa.Column("id", T, primary_key=True),
        *_event_columns(),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("story_id", T),
    )
    _event_indexes("events")
    _index("events", "story_id")
    op.create_table(
        "event_parties",
        sa.Column("level", T, primary_key=True),
        sa.Column("role", T, primary_key=True),
        sa.Column("key", T, primary_key=True),
        sa.Column("day", T, primary_key=True),
        sa.Column("event_id", T, primary_key=True),
        sqlite_with_rowid=False,
    )
    _index("event_parties", "event_id")
    op.create_table(
        "event_dyads",
        sa.Column("level", T, primary_key=True),
        sa.Column("actor_key", T, primary_key=True),
        sa.Column("recipient_key", T, primary_key=True),
        sa.Column("day", T, primary_key=True),
        sa.Column("event_id", T, primary_key=True),
        sa.Column("type", T, nullable=False),
        sa.Column("quad_class", T),
        sa.Column("score", sa.Float),
        sa.Column("date_precision", T),
        sa.Column("modality", T, nullable=False),
        sqlite_with_rowid=False,
    )
    _index("event_dyads", "event_id")
    op.create_table(
        "dyad_months",
        sa.Column("lo_key", T, primary_key=True),
        sa.Column("hi_key", T, primary_key=True),
        sa.Column("month", T, primary_key=True),
        sa.Column("direction", sa.Integer, primary_key=True),
        sa.Column("date_precision", T, primary_key=True),
        sa.Column("type", T, primary_key=True),
        sa.Column("modality", T, primary_key=True),
        sa.Column("quad_class", T),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("score_sum", sa.Float, nullable=False),
        sa.Column("scored", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "event_links",
        sa.Column("event_id", T, sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("mention_id", T, primary_key=True),
    )
    _index("event_links", "mention_id")
    op.create_table(
        "quotes",
        sa.Column("id", T, primary_key=True),
        sa.Column("article_id", T, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("speaker_id", T),
        sa.Column("speaker", T),
        sa.Column("speaker_country", T),
        sa.Column("addressee_id", T),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("date", T),
        sa.Column("data", sa.JSON, nullable=False),
    )
    for column in ("article_id", "speaker_id", "speaker_country", "addressee_id", "date"):
        _index("quotes", column)


def _corpus() -> None:
    op.create_table(
        "duplicate_groups",
        sa.Column("id", T, primary_key=True),
        sa.Column("canonical_id", T, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
    )
    _index("duplicate_groups", "canonical_id")
    op.create_table(
        "stories",
        sa.Column("id", T, primary_key=True),
        sa.Column("title", T, nullable=False),
        sa.Column("first_seen", T),
        sa.Column("last_seen", T),
        sa.Column("size", sa.Integer, nullable=False),
    )
    for column in ("first_seen", "last_seen", "size"):
        _index("stories", column)
    op.create_table(
        "story_articles",
        sa.Column("story_id", T, sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("article_id", T, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    _index("story_articles", "article_id")
    op.create_table(
        "claims",
        sa.Column("id", T, primary_key=True),
        sa.Column("reviewer_article_id", T, nullable=False),
        sa.Column("verdict", T),
        sa.Column("rating_source", T),
        sa.Column("claimant", T),
        sa.Column("date", T),
        sa.Column("data", sa.JSON, nullable=False),
    )
    for column in ("reviewer_article_id", "verdict", "rating_source", "date"):
        _index("claims", column)
    op.create_table(
        "claim_evidence",
        sa.Column("claim_id", T, sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("target_id", T, primary_key=True),
        sa.Column("relation", T, nullable=False),
    )
    _index("claim_evidence", "target_id")


def _search() -> None:
    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", T, nullable=False),
        sa.Column("ref_id", T, nullable=False),
        sa.Column("article_id", T, nullable=False),
        sa.Column("text", T, nullable=False),
        sa.UniqueConstraint("kind", "ref_id", name="uq_search_docs_ref"),
    )
    _index("search_docs", "article_id")
    from eventline.store.search import create_index_ddl

    for statement in create_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def _carry_over() -> None:
    """Move the 0001 JSON records into the new tables, then drop the old tables."""
    from eventline import model
    from eventline.store.writer import WRITE_ORDER, Writer

    models: dict[str, type[Any]] = {
        "actors": model.Actor,
        "mentions": model.Mention,
        "timexes": model.Timex,
        "event_mentions": model.EventMention,
        "quotes": model.Quote,
        "duplicate_groups": model.DuplicateGroup,
        "stories": model.Story,
        "events": model.Event,
        "claims": model.Claim,
    }
    conn = op.get_bind()
    writer = Writer(conn)
    articles = sa.table("articles", sa.column("id"), sa.column("url"), sa.column("data"))
    docs = sa.table(
        "search_docs", sa.column("kind"), sa.column("ref_id"), sa.column("article_id"),
        sa.column("text"),
    )  # fmt: skip
    for article_id, data in conn.execute(sa.select(articles.c.id, articles.c.data)).all():
        record = model.Article.model_validate(_json(data))
        conn.execute(articles.update().where(articles.c.id == article_id).values(url=record.url))
        text = "\n".join(p for p in (record.title, record.body) if p)
        if text:
            conn.execute(
                docs.insert().values(kind="article", ref_id=article_id, article_id=article_id,
                                     text=text)
            )  # fmt: skip
    for kind in WRITE_ORDER:
        legacy = sa.table(f"legacy_{kind}", sa.column("id"), sa.column("data"))
        rows = conn.execute(sa.select(legacy.c.data).order_by(legacy.c.id)).all()
        writer.put(kind, [models[kind].model_validate(_json(r[0])) for r in rows])
        op.drop_table(f"legacy_{kind}")


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def upgrade() -> None:
    for name in LEGACY:
        op.drop_index(f"ix_{name}_article_id", table_name=name)
        op.rename_table(name, f"legacy_{name}")
    _articles()
    _actors()
    _events()
    _corpus()
    _search()
    _carry_over()


def downgrade() -> None:
    """Back to 0001's empty record tables: the analysis is dropped (re-run `analyse`)."""
    from eventline.store.search import drop_index_ddl

    for statement in drop_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    for name in (
        "search_docs", "claim_evidence", "claims", "story_articles", "stories",
        "duplicate_groups", "quotes", "event_links", "dyad_months", "event_dyads",
        "event_parties", "events",
        "event_mentions", "timexes", "actor_mentions", "actor_aliases", "actors",
        "article_analyses",
    ):  # fmt: skip
        op.drop_table(name)
    for column in ("kind", "outlet", "published", *ARTICLE_LINKS):
        op.drop_index(f"ix_articles_{column}", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        for column in ARTICLE_LINKS:
            batch.drop_column(column)
    for name in LEGACY:
        op.create_table(
            name,
            sa.Column("id", T, primary_key=True),
            sa.Column("article_id", T),
            sa.Column("data", sa.JSON, nullable=False),
        )
        op.create_index(f"ix_{name}_article_id", name, ["article_id"])
