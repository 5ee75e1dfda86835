"""Documents, articles, later-stage record tables and index blobs.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

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


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("format", sa.Text, nullable=False),
        sa.Column("encoding", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("item", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_articles_document_id", "articles", ["document_id"])
    for name in RECORD_TABLES:
        op.create_table(
            name,
            sa.Column("id", sa.Text, primary_key=True),
            sa.Column("article_id", sa.Text),
            sa.Column("data", sa.JSON, nullable=False),
        )
        op.create_index(f"ix_{name}_article_id", name, ["article_id"])
    op.create_table(
        "blobs",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("blobs")
    for name in RECORD_TABLES:
        op.drop_table(name)
    op.drop_table("articles")
    op.drop_table("documents")
