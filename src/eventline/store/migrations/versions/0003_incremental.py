"""Incremental analysis: per-article results, per-article failures, stable id assignments.

The parse cache (blobs 'parse:*', about 17 KB an article) is dropped: corpus linking now reads
the stored per-article results and never a parse.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_results",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_analysis_results_key", "analysis_results", ["key"])
    op.create_table(
        "analysis_errors",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("stage", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "id_assignments",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("member", sa.Text, primary_key=True),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_id_assignments_target", "id_assignments", ["kind", "target"])
    op.create_table(
        "dedup_entries",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False, unique=True),
        sa.Column("sig", sa.LargeBinary, nullable=False),
        sa.Column("shingles", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("span_lo", sa.Integer, nullable=False),
        sa.Column("span_hi", sa.Integer, nullable=False),
        sa.Column("span_md", sa.Integer, nullable=False),
        sa.Column("wire", sa.Text),
        sa.Column("own_wire", sa.Boolean, nullable=False),
        sa.Column("grp", sa.Integer),
        sa.Column("link", sa.Float, nullable=False),
    )
    op.create_index("ix_dedup_entries_grp", "dedup_entries", ["grp"])
    op.create_table(
        "dedup_bands",
        sa.Column("band", sa.BigInteger, primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
    )
    op.create_table(
        "record_digests",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("digest", sa.Text, nullable=False),
    )
    # The parse cache and the near-duplicate blob are replaced by the tables above.
    op.execute("DELETE FROM blobs WHERE key LIKE 'parse:%' OR key = 'index:duplicates'")


def downgrade() -> None:
    op.drop_table("record_digests")
    op.drop_table("dedup_bands")
    op.drop_table("dedup_entries")
    op.drop_table("id_assignments")
    op.drop_table("analysis_errors")
    op.drop_table("analysis_results")
