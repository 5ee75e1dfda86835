"""One summary row per merged event (`event_summaries`), so an incremental link compares a
new mention with the summaries of the events it could join and re-clusters only those. A store
linked before this revision has no summaries: its events count as possible joins until the
next link writes theirs (no data to convert).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_summaries",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("event_summaries")
