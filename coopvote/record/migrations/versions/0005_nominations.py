"""nominations: candidates nominated with a proposer and a seconder, their statements and photos

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 19:15:00

Why (docs/nominations.md): candidates for an election are nominated before the meeting by members of
the class they stand for; the nomination keeps who proposed and seconded them, their statements in
Welsh and English and an optional photo for the candidate booklet. It names members, so it is a member
table and references no paper.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'nomination',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('proposer_id', sa.Integer(), nullable=False),
        sa.Column('seconder_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('class_code', sa.String(length=16), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('withdrawal_reason', sa.Text(), nullable=False),
        sa.Column('statement_cy', sa.Text(), nullable=False),
        sa.Column('statement_en', sa.Text(), nullable=False),
        sa.Column('photo_png', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_nomination_item_id_agenda_item')),
        sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_nomination_member_id_member')),
        sa.ForeignKeyConstraint(['proposer_id'], ['member.id'], name=op.f('fk_nomination_proposer_id_member')),
        sa.ForeignKeyConstraint(['seconder_id'], ['member.id'], name=op.f('fk_nomination_seconder_id_member')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_nomination')),
        sa.UniqueConstraint('item_id', 'member_id', name=op.f('uq_nomination_item_id')),
    )
    with op.batch_alter_table('nomination') as batch:
        batch.create_index(batch.f('ix_nomination_item_id'), ['item_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('nomination') as batch:
        batch.drop_index(batch.f('ix_nomination_item_id'))
    op.drop_table('nomination')
