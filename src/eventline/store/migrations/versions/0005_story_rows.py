"""The story index as rows (`story_index_stories`, `story_index_members`,
`story_index_postings`, `story_index_terms`) instead of one blob, so a link reads and writes
only the stories its new articles touch. A stored blob ('index:stories') is converted.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_KEY = "index:stories"


def upgrade() -> None:
    op.create_table(
        "story_index_stories",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("founder", sa.Text, nullable=False),
        sa.Column("lo", sa.Integer),
        sa.Column("hi", sa.Integer),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "story_index_members",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("article_id", sa.Text, nullable=False, unique=True),
        sa.Column("story", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_story_index_members_story", "story_index_members", ["story"])
    op.create_table(
        "story_index_postings",
        sa.Column("term", sa.Text, primary_key=True),
        sa.Column("month", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("story", sa.Integer, primary_key=True, autoincrement=False),
    )
    op.create_table(
        "story_index_terms",
        sa.Column("term", sa.Text, primary_key=True),
        sa.Column("df", sa.Integer, nullable=False),
    )
    conn = op.get_bind()
    blobs = sa.table("blobs", sa.column("key", sa.Text), sa.column("data", sa.LargeBinary))
    dump = conn.execute(sa.select(blobs.c.data).where(blobs.c.key == OLD_KEY)).scalar()
    if dump is not None:
        from eventline.analysis.story_table import import_dump

        import_dump(conn, bytes(dump))
        conn.execute(sa.delete(blobs).where(blobs.c.key == OLD_KEY))


def downgrade() -> None:
    op.drop_table("story_index_terms")
    op.drop_table("story_index_postings")
    op.drop_index("ix_story_index_members_story", table_name="story_index_members")
    op.drop_table("story_index_members")
    op.drop_table("story_index_stories")
