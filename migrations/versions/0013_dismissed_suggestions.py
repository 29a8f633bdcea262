"""Suggestions a bee set aside: "not interested" in a suggested bee or hive, so it never comes
back.

Reviewed by hand: one row per (bee, kind, target), the bee's own rows going with the bee
(ON DELETE CASCADE); ``target_id`` is a bee's or a hive's id by ``kind`` (a check constraint
keeps it to those two), without a foreign key: a suggestion of a hive or bee that is gone is
simply never made again. An index on (kind, target_id) lets a deleted account's row leave
everyone's list without reading the whole table.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-24 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('dismissed_suggestions',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('bee', 'hive')", name=op.f('ck_dismissed_suggestions_known_kind')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_dismissed_suggestions_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', 'kind', 'target_id', name=op.f('pk_dismissed_suggestions'))
    )
    op.create_index('ix_dismissed_suggestions_kind_target', 'dismissed_suggestions', ['kind', 'target_id'], unique=False)


def downgrade():
    op.drop_index('ix_dismissed_suggestions_kind_target', table_name='dismissed_suggestions')
    op.drop_table('dismissed_suggestions')
