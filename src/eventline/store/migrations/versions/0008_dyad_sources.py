"""A merged event's number of sources on its dyad rows (`event_dyads.sources`), so that a
relation timeline ranks each period's top evidence from the pair's dyad rows and reads the
full event rows of the few it shows, not of every event of the pair; on PostgreSQL a
covering index for that ranking (`ix_event_dyads_evidence`). Mention rows keep NULL.
And "joint" party rows (`event_parties.role = 'joint'`, key "A|B") for events with no
recipient, one per pair of actor keys: a timeline's joint events ("Russia and Iran signed a
treaty") are then one key range, not the intersection of both parties' every event.

Existing rows are filled from `events` in one UPDATE (on PostgreSQL this rewrites the
table's rows: the index-only scans need the next VACUUM, which autovacuum runs after so
large an update).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from eventline.store.search import create_evidence_index_ddl

    op.add_column("event_dyads", sa.Column("sources", sa.Integer))
    op.execute(
        "UPDATE event_dyads SET sources = e.sources FROM events e "
        "WHERE e.id = event_dyads.event_id AND event_dyads.level = 'event'"
    )
    for statement in create_evidence_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    op.execute(JOINT_ROWS.format(collate=' COLLATE "C"' if op.get_bind().dialect.name ==
                                 "postgresql" else ""))  # fmt: skip


# The "joint" party rows of events with no recipient: one per pair of actor keys
# (`rows.joint_key`: the two keys in code point order, joined by "|").
JOINT_ROWS = (
    "INSERT INTO event_parties (level, role, key, day, event_id) "
    "SELECT p1.level, 'joint', p1.key || '|' || p2.key, p1.day, p1.event_id "
    "FROM event_parties p1 JOIN event_parties p2 ON p2.event_id = p1.event_id "
    "AND p2.level = p1.level AND p2.role = 'actor' AND p2.key{collate} > p1.key{collate} "
    "WHERE p1.role = 'actor' AND NOT EXISTS (SELECT 1 FROM event_parties r "
    "WHERE r.event_id = p1.event_id AND r.level = p1.level AND r.role = 'recipient')"
)


def downgrade() -> None:
    op.execute("DELETE FROM event_parties WHERE role = 'joint'")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_event_dyads_evidence")
    with op.batch_alter_table("event_dyads") as batch:
        batch.drop_column("sources")
