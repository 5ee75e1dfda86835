"""Story-level date estimates as rows (`story_dates`, `story_dated_mentions`) instead of the
one JSON blob ('index:story-dates') every link rewrote, so an incremental link reads and
writes only the estimates of the articles whose stories it touches (#10). A stored blob is
converted, then removed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OLD_KEY = "index:story-dates"


def upgrade() -> None:
    op.create_table(
        "story_dates",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("precision", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_table(
        "story_dated_mentions",
        sa.Column("mention_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("date", sa.Text),
        sa.Column("date_precision", sa.Text),
    )
    op.create_index("ix_story_dated_mentions_article_id", "story_dated_mentions", ["article_id"])
    conn = op.get_bind()
    blobs = sa.table("blobs", sa.column("key", sa.Text), sa.column("data", sa.LargeBinary))
    dump = conn.execute(sa.select(blobs.c.data).where(blobs.c.key == OLD_KEY)).scalar()
    if dump is not None:
        from eventline.store.story_dates import import_blob

        import_blob(conn, bytes(dump))
        conn.execute(sa.delete(blobs).where(blobs.c.key == OLD_KEY))


def downgrade() -> None:
    op.drop_index("ix_story_dated_mentions_article_id", table_name="story_dated_mentions")
    op.drop_table("story_dated_mentions")
    op.drop_table("story_dates")
