"""advance votes: packs sent, envelopes received, directed proxy tallies, how a member votes on an item

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import coopvote.record.types

# coopvote/record/db.py reads these two lines as plain assignments: keep each on its own, with no comment after it.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows it with a constant default): a batch copy of the table would grow the
    # write-ahead log of every new meeting for nothing.
    op.add_column("paper_issue", sa.Column("channel", sa.String(length=16), server_default="room", nullable=False))
    op.create_table(
        "advance_pack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("issued_at", coopvote.record.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=op.f("fk_advance_pack_meeting_id_meeting")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_advance_pack_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advance_pack")),
        sa.UniqueConstraint("member_id", name=op.f("uq_advance_pack_member_id")),
    )
    with op.batch_alter_table("advance_pack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advance_pack_meeting_id"), ["meeting_id"], unique=False)
    op.create_table(
        "advance_envelope",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("opened", sa.Boolean(), nullable=False),
        sa.Column("received_at", coopvote.record.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["membership_class.id"], name=op.f("fk_advance_envelope_class_id_membership_class")
        ),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=op.f("fk_advance_envelope_meeting_id_meeting")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_advance_envelope_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advance_envelope")),
    )
    with op.batch_alter_table("advance_envelope", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advance_envelope_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_advance_envelope_member_id"), ["member_id"], unique=False)
    op.create_table(
        "directed_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("tally", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["membership_class.id"], name=op.f("fk_directed_tally_class_id_membership_class")),
        sa.ForeignKeyConstraint(["item_id"], ["agenda_item.id"], name=op.f("fk_directed_tally_item_id_agenda_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directed_tally")),
        sa.UniqueConstraint("item_id", "class_id", name=op.f("uq_directed_tally_item_id")),
    )
    with op.batch_alter_table("directed_tally", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directed_tally_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("directed_tally", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_directed_tally_item_id"))
    op.drop_table("directed_tally")
    with op.batch_alter_table("advance_envelope", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advance_envelope_member_id"))
        batch_op.drop_index(batch_op.f("ix_advance_envelope_meeting_id"))
    op.drop_table("advance_envelope")
    with op.batch_alter_table("advance_pack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advance_pack_meeting_id"))
    op.drop_table("advance_pack")
    with op.batch_alter_table("paper_issue", schema=None) as batch_op:
        batch_op.drop_column("channel")
