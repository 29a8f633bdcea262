"""Each bee's neighbours: the bees it shares most with, as last ranked, for bees to know.

Reviewed by hand: ``neighbour_lists`` holds one row per bee whose neighbours were ranked (when,
a digest of what it listed then, and whether every bee sharing anything was kept);
``neighbours`` the bees kept, with their strength. A list's rows go with it and with the bee
(ON DELETE CASCADE); an index on ``other_id`` lets a deleted account leave everyone's list
without reading the whole table, and one on ``ranked_at`` lets ``flask talent
refresh-neighbours`` take the oldest lists first. Derived data only: the downgrade drops it.
Why: ranking every bee who shares anything took a p95 of 63.7 ms on PostgreSQL with 100,000
bees (bench/results/2026-11-24-talent-diagnosis.md); reading a kept list is a few index reads.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-24 13:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('neighbour_lists',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('ranked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_neighbour_lists_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', name=op.f('pk_neighbour_lists'))
    )
    op.create_index('ix_neighbour_lists_ranked_at', 'neighbour_lists', ['ranked_at'], unique=False)
    op.create_table('neighbours',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('strength', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['neighbour_lists.bee_id'], name=op.f('fk_neighbours_bee_id_neighbour_lists'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_id'], ['bees.id'], name=op.f('fk_neighbours_other_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', 'other_id', name=op.f('pk_neighbours'))
    )
    op.create_index('ix_neighbours_other_id', 'neighbours', ['other_id'], unique=False)


def downgrade():
    op.drop_index('ix_neighbours_other_id', table_name='neighbours')
    op.drop_table('neighbours')
    op.drop_index('ix_neighbour_lists_ranked_at', table_name='neighbour_lists')
    op.drop_table('neighbour_lists')
