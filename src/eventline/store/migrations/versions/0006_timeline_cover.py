"""PostgreSQL: a covering index for monthly dyad timelines (`ix_dyad_months_pair`).

A monthly timeline reads one pair's `dyad_months` rows (a few thousand at a million events).
On SQLite the table is WITHOUT ROWID, clustered on its key, so they are contiguous. On
PostgreSQL the rows of a pair lie wherever the writer's upserts put them: at a million
events one timeline visited about 4,800 heap pages for 5,900 rows (200 ms). With every
column the timeline reads in the index, it is an index-only scan of one key range.
Nothing changes on SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from eventline.store.search import create_timeline_index_ddl

    for statement in create_timeline_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_dyad_months_pair")
