"""A partial index of each author's visible posts, for feeds that read it alone.

Reviewed by hand: the same condition is written in app.posts.models.VISIBLE_SQL,
and queries spell it the same way (literal states) so both SQLite and
PostgreSQL choose it. The full (author_id, id) index stays for cascades.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 20:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

VISIBLE_SQL = "state IN ('published', 'edited')"


def upgrade():
    op.create_index(
        'ix_posts_visible_author_id',
        'posts',
        ['author_id', 'id'],
        unique=False,
        sqlite_where=sa.text(VISIBLE_SQL),
        postgresql_where=sa.text(VISIBLE_SQL),
    )


def downgrade():
    op.drop_index('ix_posts_visible_author_id', table_name='posts')
