"""Table definitions. The schema itself is created by the migrations in ./migrations; these
objects are what queries are written against, and must match the latest migration."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, LargeBinary, MetaData, Table
from sqlalchemy import Text as SAText

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("source_path", SAText, nullable=False),
    Column("format", SAText, nullable=False),
    Column("encoding", SAText, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("text", SAText, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("document_id", SAText, ForeignKey("documents.id"), nullable=False, index=True),
    Column("item", Integer, nullable=False),
    Column("kind", SAText, nullable=False),
    Column("title", SAText),
    Column("outlet", SAText),
    Column("published", SAText),
    Column("data", JSON, nullable=False),
)

# Records of later stages share one shape: an id, the article they come from (if any), and
# the record as JSON. Filters the CLI needs get real columns in later migrations.
RECORD_TABLES = (
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


def _record_table(name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", SAText, primary_key=True),
        Column("article_id", SAText, index=True),
        Column("data", JSON, nullable=False),
    )


record_tables = {name: _record_table(name) for name in RECORD_TABLES}

# Opaque state of incremental indexes (near-duplicate LSH, stories) and parse caches.
blobs = Table(
    "blobs",
    metadata,
    Column("key", SAText, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

from eventline.store import schema_analysis  # noqa: E402,F401 - incremental analysis tables (H7)
