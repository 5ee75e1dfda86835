"""Table definitions. The schema itself is created by the migrations in ./migrations; these
objects are what queries are written against, and must match the latest migration
(tests/store/test_migrations.py compares them with alembic's `compare_metadata`).

What users filter and sort on is a real, indexed column; `data` JSON columns hold the rest of
a record, which is only displayed. Dates are ISO text (`YYYY-MM-DD`), which sorts as dates do
on every backend. `day` columns are the sort key of dated records: the first day the date can
denote, or '' when undated, so that keyset paging never meets a NULL.

Event parties are rows, not columns, because an event may have several actors: one
`event_parties` row per (event, side, key) where the key is an actor id or an ISO3 country,
and one `event_dyads` row per (event, actor key, recipient key). Their primary keys lead with
what queries filter on and end with the day and event id, and on SQLite they are WITHOUT ROWID
tables clustered on that key, so a dyad and date-range query, or a dyad's timeline, reads one
contiguous key range. Both tables hold merged events (`level` "event") and event mentions
(`level` "mention").
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    UniqueConstraint,
)
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
    Column("kind", SAText, nullable=False, index=True),
    Column("title", SAText),
    Column("outlet", SAText, index=True),
    Column("published", SAText, index=True),
    Column("url", SAText, index=True),
    Column("source_id", SAText, index=True),  # the input's own id (feed guid, JSONL id)
    Column("story_id", SAText, index=True),
    Column("duplicate_group_id", SAText, index=True),
    Column("canonical_id", SAText, index=True),  # the group's canonical copy
    Column("data", JSON, nullable=False),
)

# Which articles have per-article results, and from which pipeline version.
article_analyses = Table(
    "article_analyses",
    metadata,
    Column("article_id", SAText, ForeignKey("articles.id"), primary_key=True),
    Column("version", SAText, nullable=False, index=True),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
)

# --- actors -----------------------------------------------------------------------------------

actors = Table(
    "actors",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("name", SAText, nullable=False, index=True),
    Column("type", SAText, nullable=False, index=True),
    Column("country", SAText, index=True),
    Column("sector", SAText, index=True),
    Column("data", JSON, nullable=False),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", SAText, ForeignKey("actors.id"), primary_key=True),
    Column("key", SAText, primary_key=True, index=True),  # casefolded alias, for lookups
    Column("alias", SAText, nullable=False),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("article_id", SAText, ForeignKey("articles.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label", SAText, nullable=False),
    Column("actor_id", SAText, index=True),
    Column("data", JSON, nullable=False),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("article_id", SAText, ForeignKey("articles.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", SAText, nullable=False),
    Column("value", SAText, nullable=False, index=True),
    Column("data", JSON, nullable=False),
)

# --- events -----------------------------------------------------------------------------------


def _event_columns() -> list[Column[object]]:
    """Columns merged events and event mentions share (EventCore)."""
    return [
        Column("type", SAText, nullable=False, index=True),
        Column("mode", SAText),
        Column("quad_class", SAText, index=True),
        Column("score", Float),
        Column("date", SAText),
        Column("date_start", SAText),
        Column("date_end", SAText),
        Column("date_precision", SAText),
        Column("day", SAText, nullable=False),
        Column("location", SAText),
        Column("location_country", SAText, index=True),
        Column("modality", SAText, nullable=False, index=True),
        Column("data", JSON, nullable=False),
    ]


event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("article_id", SAText, ForeignKey("articles.id"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    *_event_columns(),
    Index("ix_event_mentions_day", "day", "id"),
)

events = Table(
    "events",
    metadata,
    Column("id", SAText, primary_key=True),
    *_event_columns(),
    Column("sources", Integer, nullable=False),
    Column("story_id", SAText, index=True),
    Index("ix_events_day", "day", "id"),
    Index("ix_events_date", "date"),  # 0012: events without a year ("--MM-DD"), counted
)

event_parties = Table(
    "event_parties",
    metadata,
    Column("level", SAText, primary_key=True),  # "event" (merged) or "mention"
    Column("role", SAText, primary_key=True),  # "actor" or "recipient"
    Column("key", SAText, primary_key=True),  # actor id or ISO3 country
    Column("day", SAText, primary_key=True),
    Column("event_id", SAText, primary_key=True, index=True),
    sqlite_with_rowid=False,
)

# Also a small fact table for relation timelines: what is aggregated per period is here, so a
# timeline reads one clustered key range and never the events themselves.
event_dyads = Table(
    "event_dyads",
    metadata,
    Column("level", SAText, primary_key=True),
    Column("actor_key", SAText, primary_key=True),
    Column("recipient_key", SAText, primary_key=True),
    Column("day", SAText, primary_key=True),
    Column("event_id", SAText, primary_key=True, index=True),
    Column("type", SAText, nullable=False),
    Column("quad_class", SAText),
    Column("score", Float),
    Column("date_precision", SAText),
    Column("modality", SAText, nullable=False),
    # the merged event's number of independent sources (NULL for mentions): with the score,
    # what ranks a period's top evidence, read from this key range alone (migration 0008)
    Column("sources", Integer),
    sqlite_with_rowid=False,
)

# Merged events per dyad and month, kept by the writer as events are added, changed or
# removed: a monthly relation timeline reads a few hundred rows whatever the store's size.
# The pair is unordered (lo_key < hi_key); `direction` is 1 for lo → hi, 2 for hi → lo and 3
# for an event reported both ways, so each event counts once in an undirected timeline.
dyad_months = Table(
    "dyad_months",
    metadata,
    Column("lo_key", SAText, primary_key=True),
    Column("hi_key", SAText, primary_key=True),
    Column("month", SAText, primary_key=True),  # YYYY-MM, or '' when undated
    Column("direction", Integer, primary_key=True),
    Column("date_precision", SAText, primary_key=True),  # '' when undated
    Column("type", SAText, primary_key=True),
    Column("modality", SAText, primary_key=True),
    Column("quad_class", SAText),
    Column("events", Integer, nullable=False),
    Column("score_sum", Float, nullable=False),
    Column("scored", Integer, nullable=False),
    sqlite_with_rowid=False,
)

event_links = Table(
    "event_links",
    metadata,
    Column("event_id", SAText, ForeignKey("events.id"), primary_key=True),
    Column("mention_id", SAText, primary_key=True, index=True),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("article_id", SAText, ForeignKey("articles.id"), nullable=False, index=True),
    Column("speaker_id", SAText, index=True),
    Column("speaker", SAText),  # the speaker's canonical name, else the text naming them
    Column("speaker_country", SAText, index=True),
    Column("addressee_id", SAText, index=True),
    Column("direct", Boolean, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", SAText, index=True),  # the article's publication date
    Column("data", JSON, nullable=False),
)

# --- corpus -----------------------------------------------------------------------------------

duplicate_groups = Table(
    "duplicate_groups",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("canonical_id", SAText, nullable=False, index=True),
    Column("similarity", Float, nullable=False),
    Column("size", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("title", SAText, nullable=False),
    Column("first_seen", SAText, index=True),
    Column("last_seen", SAText, index=True),
    Column("size", Integer, nullable=False, index=True),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", SAText, ForeignKey("stories.id"), primary_key=True),
    Column("article_id", SAText, primary_key=True, index=True),
    Column("position", Integer, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", SAText, primary_key=True),
    Column("reviewer_article_id", SAText, nullable=False, index=True),
    Column("verdict", SAText, index=True),
    Column("rating_source", SAText, index=True),  # outlet of the reviewing article
    Column("claimant", SAText),
    Column("date", SAText, index=True),
    Column("data", JSON, nullable=False),
)

claim_evidence = Table(
    "claim_evidence",
    metadata,
    Column("claim_id", SAText, ForeignKey("claims.id"), primary_key=True),
    Column("target_id", SAText, primary_key=True, index=True),  # an event or a quote
    Column("relation", SAText, nullable=False),
)

# Story-level date estimates (eventline.corpus.story_dates), kept by each link: one row per
# report of unknown day its story dated, and one per mention that estimate re-dated holding the
# date the report itself gave it, so a later link estimates again from the report's own dates
# and reads only the rows of the articles it touches (migration 0011; was one blob).
story_dates = Table(
    "story_dates",
    metadata,
    Column("article_id", SAText, primary_key=True),
    Column("value", SAText, nullable=False),  # an ISO day or month
    Column("precision", SAText, nullable=False),  # "day" or "month"
    Column("evidence", SAText, nullable=False),  # the anchoring mention's id
)

story_dated_mentions = Table(
    "story_dated_mentions",
    metadata,
    Column("mention_id", SAText, primary_key=True),
    Column("article_id", SAText, nullable=False, index=True),
    Column("date", SAText),  # the mention's own date, before the story's estimate
    Column("date_precision", SAText),
)

# Text the full-text index covers: article title and body, quotes, event evidence. Kept in
# sync by the store's write methods; the index over it is backend-specific (store/search.py).
search_docs = Table(
    "search_docs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", SAText, nullable=False),  # "article", "quote" or "evidence"
    Column("ref_id", SAText, nullable=False),
    Column("article_id", SAText, nullable=False, index=True),
    Column("text", SAText, nullable=False),
    UniqueConstraint("kind", "ref_id", name="uq_search_docs_ref"),
)

# Opaque state of incremental indexes (near-duplicate LSH, stories) and parse caches.
blobs = Table(
    "blobs",
    metadata,
    Column("key", SAText, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# Record kinds as the rest of eventline names them (`Store.records(kind, Model)`).
record_tables = {
    "actors": actors,
    "mentions": actor_mentions,
    "timexes": timexes,
    "event_mentions": event_mentions,
    "quotes": quotes,
    "duplicate_groups": duplicate_groups,
    "stories": stories,
    "events": events,
    "claims": claims,
}

from eventline.store import schema_analysis  # noqa: E402,F401 - incremental analysis tables (H7)
