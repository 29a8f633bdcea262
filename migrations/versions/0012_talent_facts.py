"""Talent facts kept on ``bees`` for talent search: the location folded as search folds text,
and the month the bee's career started (their earliest position).

Reviewed by hand:

* plain ADD COLUMNs (no table rebuild on SQLite, whose batch rebuild of ``bees``
  would cascade through every table that references it);
* existing rows are filled in SQL both databases speak: ``career_start`` is the
  earliest ``positions.start_on``; ``location_key`` is ``lower(location)``, which
  folds ASCII only: the services write the full folding from now on, and
  ``flask search rebuild`` rewrites every bee's key with it;
* an index on ``career_start`` serves "at least N years of experience".

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24 08:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('bees', sa.Column('location_key', sa.String(length=100), server_default='', nullable=False))
    op.add_column('bees', sa.Column('career_start', sa.Date(), nullable=True))
    op.execute("UPDATE bees SET location_key = lower(location)")
    op.execute(
        "UPDATE bees SET career_start = "
        "(SELECT min(positions.start_on) FROM positions WHERE positions.bee_id = bees.id)"
    )
    op.create_index('ix_bees_career_start', 'bees', ['career_start'], unique=False)


def downgrade():
    op.drop_index('ix_bees_career_start', table_name='bees')
    op.drop_column('bees', 'career_start')
    op.drop_column('bees', 'location_key')
