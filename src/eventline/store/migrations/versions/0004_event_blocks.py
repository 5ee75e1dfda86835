"""Incremental linking: blocking keys of event mentions (`event_blocks`) and of actors
(`actor_keys`).

A new event mention finds the stored mentions it could merge with through this table
(type family, participant code, month), so adding articles re-clusters only the events they
touch. The table starts empty; the next link fills it (a store without it links in full once).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_blocks",
        sa.Column("family", sa.Text, primary_key=True),
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("bucket", sa.Text, primary_key=True),
        sa.Column("mention_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
    )
    op.create_index("ix_event_blocks_article_id", "event_blocks", ["article_id"])
    op.create_table(
        "actor_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("actor_id", sa.Text, primary_key=True),
    )
    op.create_index("ix_actor_keys_actor_id", "actor_keys", ["actor_id"])


def downgrade() -> None:
    op.drop_index("ix_actor_keys_actor_id", table_name="actor_keys")
    op.drop_table("actor_keys")
    op.drop_index("ix_event_blocks_article_id", table_name="event_blocks")
    op.drop_table("event_blocks")
