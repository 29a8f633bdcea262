"""Bees choose their interface language (NULL: follow the browser's).

Reviewed by hand: one nullable column, so existing bees keep following their
browser; batch mode lets SQLite drop it again on downgrade.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 00:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('bees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=10), nullable=True))


def downgrade():
    with op.batch_alter_table('bees', schema=None) as batch_op:
        batch_op.drop_column('language')
