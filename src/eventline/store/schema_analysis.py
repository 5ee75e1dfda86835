"""Tables of the incremental analysis (eventline.analysis), created by migration 0003.

- `analysis_results`: one row per article, its `ArticleAnalysis` (zlib-compressed JSON) and
  the analysis key it was computed with; an article whose key differs from the current one
  is re-analysed. It replaces the parse cache: linking needs these records, never the parse.
- `analysis_errors`: articles a per-article stage could not process (stage, reason, key).
- `dedup_entries` and `dedup_bands`: the near-duplicate index as rows: one entry per article
  (MinHash signature, shingle hashes, date span, wire cue, its group's root) and one band row
  per (LSH band key, entry), so a new article reads only the entries it collides with.
- `record_digests`: a digest of every record corpus linking wrote (corpus records by id, an
  article's per-article records by article id): the next link writes only what changed.
- `id_assignments`: stable ids of corpus records (events, duplicate groups): which record id a
  member (an event mention, an article) was given, and when (`seq`), so an id chosen once
  survives new coverage, a relink and a re-merge.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
)

from eventline.store.schema import metadata

analysis_results = Table(
    "analysis_results",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("key", Text, nullable=False, index=True),
    Column("words", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),  # zlib of compact JSON: about 5x smaller
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Index("ix_analysis_results_analysed_at", "analysed_at"),  # 0012: results since a link
    Index("ix_analysis_results_key_article", "key", "article_id"),  # 0012: pending articles
)

analysis_errors = Table(
    "analysis_errors",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("stage", Text, primary_key=True),
    Column("key", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)

id_assignments = Table(
    "id_assignments",
    metadata,
    Column("kind", Text, primary_key=True),
    Column("member", Text, primary_key=True),
    Column("target", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Index("ix_id_assignments_target", "kind", "target"),
    Index("ix_id_assignments_seq", "seq"),  # 0012: the highest sequence number
)

dedup_entries = Table(
    "dedup_entries",
    metadata,
    Column("seq", Integer, primary_key=True),  # arrival order
    Column("article_id", Text, nullable=False, unique=True),
    Column("sig", LargeBinary, nullable=False),
    Column("shingles", LargeBinary, nullable=False),  # zlib of delta-coded sorted uint32
    Column("size", Integer, nullable=False),
    Column("span_lo", Integer, nullable=False),
    Column("span_hi", Integer, nullable=False),
    Column("span_md", Integer, nullable=False),
    Column("wire", Text),
    Column("own_wire", Boolean, nullable=False),
    Column("grp", Integer, index=True),  # seq of the group's root; NULL: no copy yet
    Column("link", Float, nullable=False),
)

dedup_bands = Table(
    "dedup_bands",
    metadata,
    Column("band", BigInteger, primary_key=True),
    Column("seq", Integer, primary_key=True),
)

record_digests = Table(
    "record_digests",
    metadata,
    Column("kind", Text, primary_key=True),
    Column("id", Text, primary_key=True),
    Column("digest", Text, nullable=False),
)

#: Blocking keys of event mentions (migration 0004): one row per (type family, participant
#: code, month the mention's date can fall in, mention), so a new mention finds the stored
#: mentions it could merge with by index, without reading the corpus (eventline.corpus.merge
#: `block_keys` / `probe_keys`). Monthly buckets are "YYYY-MM"; a day and month of unknown
#: year is filed under "--MM".
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("family", Text, primary_key=True),
    Column("code", Text, primary_key=True),
    Column("bucket", Text, primary_key=True),
    Column("mention_id", Text, primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
)

#: One summary row per merged event (migration 0007): what `eventline.corpus.merge._fits`
#: compares a new mention with (type family, modality group, modes, persons, places,
#: participant codes and ids, copy-group/story/article links, its members' distinct dates), so
#: an incremental link re-clusters only the stored events a new mention could join instead of
#: every event sharing an actor id and a few days with it (`event_summary` / `summary_fits`).
event_summaries = Table(
    "event_summaries",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

#: The resolver's blocking keys of stored actors (migration 0004): a person's folded surname
#: ("sur:…"), an organisation's folded name ("org:…"), for each name it was seen under; a new
#: article's actor is compared only with the stored actors sharing a key.
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("actor_id", Text, primary_key=True, index=True),
)

#: The story index as rows (migration 0005; eventline.analysis.story_table), so a link reads
#: and writes only the stories its new articles are compared with or join:
#: - `story_index_stories`: one row per story (creation order `seq`), its founding article,
#:   first and last dated day, and its state (members, their dates, TF-IDF centroid; zlib JSON);
#: - `story_index_members`: one row per filed article (arrival order), its story, title and
#:   state (date, TF-IDF vector);
#: - `story_index_postings`: (name or key term, month, story): the stories holding a strong
#:   term, by each month they span (-1: a story with an undated member), so an article reads
#:   only the stories of its date window;
#: - `story_index_terms`: document frequency of every term (TF-IDF weights).
story_index_stories = Table(
    "story_index_stories",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("founder", Text, nullable=False),
    Column("lo", Integer),
    Column("hi", Integer),
    Column("data", LargeBinary, nullable=False),
)

story_index_members = Table(
    "story_index_members",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("article_id", Text, nullable=False, unique=True),
    Column("story", Integer, nullable=False, index=True),
    Column("title", Text),
    Column("data", LargeBinary, nullable=False),
)

story_index_postings = Table(
    "story_index_postings",
    metadata,
    Column("term", Text, primary_key=True),
    Column("month", Integer, primary_key=True, autoincrement=False),
    Column("story", Integer, primary_key=True, autoincrement=False),
)

story_index_terms = Table(
    "story_index_terms",
    metadata,
    Column("term", Text, primary_key=True),
    Column("df", Integer, nullable=False),
)
