"""Indexes for the look-ups an incremental link and `analyse` make on every run, so that
they read what changed rather than scan a table as large as the store (#10):

- `ix_analysis_results_analysed_at`: the newest result's time (`increment.linked_at`) and the
  results written since the last link (`increment.new_articles`) are index range reads;
- `ix_analysis_results_key_article`: the articles without a result for an analysis key
  (`state.pending_query`) are read from this index, not by reading each result's row (the
  rows hold the zlib'd results: a 20,000-article store read 80 MB of them);
- `ix_id_assignments_seq`: the highest id sequence number (`state.max_seq`);
- `ix_events_date`: the events without a year a link reports (`date GLOB '--*'`, an index
  range on SQLite; PostgreSQL's `LIKE` under a non-C collation still scans).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: (index, table, columns)
INDEXES = [
    ("ix_analysis_results_analysed_at", "analysis_results", ["analysed_at"]),
    ("ix_analysis_results_key_article", "analysis_results", ["key", "article_id"]),
    ("ix_id_assignments_seq", "id_assignments", ["seq"]),
    ("ix_events_date", "events", ["date"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
