"""Talent facts kept on ``bees`` for talent search: the location folded as search folds text,
and the month the bee's career started (their earliest position).

Reviewed by hand:

* plain ADD COLUMNs (no table rebuild on SQLite, whose batch rebuild of ``bees``
  would cascade through every table that references it);
* existing rows are filled: ``career_start`` in SQL both databases speak (the
  earliest ``positions.start_on``); ``location_key`` in batches of 1,000 with the
  app's own folding (``app.profiles.data.location_key``), as the services write it;
  ``flask search rebuild`` folds them again after a change to folding;
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
    _fold_locations()
    op.execute(
        "UPDATE bees SET career_start = "
        "(SELECT min(positions.start_on) FROM positions WHERE positions.bee_id = bees.id)"
    )
    op.create_index('ix_bees_career_start', 'bees', ['career_start'], unique=False)


def _fold_locations():
    """Every bee's location folded as search folds text, in batches: the services write the
    same from now on (app.profiles.data.location_key)."""
    from app.profiles.data import location_key

    bees = sa.table('bees', sa.column('id', sa.Integer), sa.column('location', sa.String),
                    sa.column('location_key', sa.String))
    connection = op.get_bind()
    after = 0
    while rows := connection.execute(
        sa.select(bees.c.id, bees.c.location)
        .where(bees.c.id > after, bees.c.location != '')
        .order_by(bees.c.id)
        .limit(1000)
    ).all():
        connection.execute(
            bees.update().where(bees.c.id == sa.bindparam('bee_id')).values(location_key=sa.bindparam('key')),
            [{'bee_id': bee_id, 'key': location_key(location)} for bee_id, location in rows],
        )
        after = rows[-1][0]


def downgrade():
    op.drop_index('ix_bees_career_start', table_name='bees')
    op.drop_column('bees', 'career_start')
    op.drop_column('bees', 'location_key')
