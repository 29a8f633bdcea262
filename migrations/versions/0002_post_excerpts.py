"""Posts get a plain-text excerpt, shown for honey in feeds instead of the whole article.

Reviewed by hand: the column is added with an empty default so existing rows
stay valid on SQLite and PostgreSQL, then existing honey is backfilled with the
same function the services use on write.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:40:00

"""
from alembic import op
import sqlalchemy as sa

from app.markup import plain_excerpt


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

posts = sa.table(
    'posts',
    sa.column('id', sa.Integer),
    sa.column('kind', sa.String),
    sa.column('body_html', sa.Text),
    sa.column('excerpt', sa.Text),
)


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('excerpt', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.alter_column('excerpt', server_default=None)

    connection = op.get_bind()
    honey = connection.execute(sa.select(posts.c.id, posts.c.body_html).where(posts.c.kind == 'honey'))
    for post_id, body_html in honey.all():
        connection.execute(
            posts.update().where(posts.c.id == post_id).values(excerpt=plain_excerpt(body_html))
        )


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('excerpt')
