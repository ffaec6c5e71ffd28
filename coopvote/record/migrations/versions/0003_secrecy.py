"""secrecy: two audit chains, random ids and no times on papers

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 18:15:00.000000

Why (docs/records.md, "What the record keeps about papers"): one audit sequence, autoincrement ids and
microsecond times on recorded papers let anyone holding the desk's order of arrival pair members with
papers. From this revision the audit log is two chains (``desk`` and ``ballot``) with sequences of their
own, paper rows and audit entries get random ids, and recorded papers and scanned sheets keep no time.

A meeting file made by 0001 is upgraded in place: its existing entries become the desk chain (their
hashes are unchanged, so the chain still verifies), existing rows get random ids, and the times of
recorded papers and sheets are dropped. Entries already written keep their times: a hash chain cannot
be edited without breaking it. The public archive never carries the audit log, so those old times stay
in the private file only.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

import coopvote.record.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

RANDOM_ID_TABLES = ("recorded_ballot", "audit_entry")


def _random_ids(table: str) -> None:
    """Give every existing row a random id, so the ids of an upgraded file carry no order either."""
    bind = op.get_bind()
    old_ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
    taken = set(old_ids)
    for old in old_ids:
        new = secrets.randbelow(2**63 - 1) + 1
        while new in taken:
            new = secrets.randbelow(2**63 - 1) + 1
        taken.add(new)
        bind.execute(sa.text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": new, "old": old})


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chain', sa.String(length=8), nullable=False, server_default='desk'))
        batch_op.alter_column('at', existing_type=coopvote.record.types.UTCDateTime(), nullable=True)
        batch_op.drop_constraint('uq_audit_entry_meeting_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_audit_entry_meeting_id'), ['meeting_id', 'chain', 'sequence'])
    with op.batch_alter_table('recorded_ballot', schema=None) as batch_op:
        batch_op.drop_column('recorded_at')
    with op.batch_alter_table('pending_sheet', schema=None) as batch_op:
        batch_op.alter_column('created_at', existing_type=coopvote.record.types.UTCDateTime(), nullable=True)
    op.execute("UPDATE pending_sheet SET created_at = NULL, decided_at = NULL")
    if postgres:
        for table in RANDOM_ID_TABLES:
            op.alter_column(table, 'id', type_=sa.BigInteger(), existing_type=sa.Integer(), server_default=None)
    for table in RANDOM_ID_TABLES:
        _random_ids(table)


def downgrade() -> None:
    raise NotImplementedError("a meeting cannot go back to schema 0001: its papers no longer carry times to restore")
