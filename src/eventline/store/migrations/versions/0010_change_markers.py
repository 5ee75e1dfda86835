"""Change markers kept by the database: any write of articles (not their corpus links) or of
per-article results and failures stores a fresh random value in a `blobs` row
(`index:articles-changed`, `index:results-changed`), in the writing transaction. `analyse`
with nothing new compares those two rows with what it saw last (one primary-key read)
instead of counting the store (#10). Triggers, so no writer can forget them: ingest,
metadata corrections, repairs and analysis all write these tables.

On articles, an update of the corpus links only (`story_id`, `duplicate_group_id`,
`canonical_id`, written by every link) is not a change: only the columns an analysis reads.
PostgreSQL fires once per statement; SQLite, which has no statement triggers, once per row
(a replaced row of a tiny table).

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-30
"""

from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

ARTICLES = "index:articles-changed"
RESULTS = "index:results-changed"
ARTICLE_COLUMNS = "document_id, item, kind, title, outlet, published, url, source_id, data"

#: (trigger name, SQL event, table, marker)
TRIGGERS = [
    ("articles_added", "INSERT", "articles", ARTICLES),
    ("articles_edited", f"UPDATE OF {ARTICLE_COLUMNS}", "articles", ARTICLES),
    ("articles_removed", "DELETE", "articles", ARTICLES),
    ("results_added", "INSERT", "analysis_results", RESULTS),
    ("results_edited", "UPDATE", "analysis_results", RESULTS),
    ("results_removed", "DELETE", "analysis_results", RESULTS),
    ("failures_added", "INSERT", "analysis_errors", RESULTS),
    ("failures_edited", "UPDATE", "analysis_errors", RESULTS),
    ("failures_removed", "DELETE", "analysis_errors", RESULTS),
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION eventline_mark_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO blobs (key, data)
    VALUES (TG_ARGV[0], convert_to(md5(random()::text || clock_timestamp()::text), 'UTF8'))
    ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute(PG_FUNCTION)
    for name, when, table, marker in TRIGGERS:
        if postgresql:
            op.execute(
                f"CREATE TRIGGER eventline_{name} AFTER {when} ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION eventline_mark_changed('{marker}')"
            )
        else:
            op.execute(
                f"CREATE TRIGGER eventline_{name} AFTER {when} ON {table} FOR EACH ROW "
                f"BEGIN INSERT OR REPLACE INTO blobs (key, data) "
                f"VALUES ('{marker}', CAST(hex(randomblob(16)) AS BLOB)); END"
            )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, _, table, _ in TRIGGERS:
        op.execute(
            f"DROP TRIGGER IF EXISTS eventline_{name}" + (f" ON {table}" if postgresql else "")
        )
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS eventline_mark_changed()")
