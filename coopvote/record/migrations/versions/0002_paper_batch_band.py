"""value bands: a paper batch may carry the vote value of its papers (per_member weighting)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import coopvote.record.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('paper_batch') as batch:
        batch.add_column(sa.Column('band_value', coopvote.record.types.FractionType(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('paper_batch') as batch:
        batch.drop_column('band_value')
