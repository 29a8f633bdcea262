"""Shares and tags: a post can pass on another (``shared_post_id``, ``share_count``), and the
``#tags`` a post uses are kept for the tag pages.

Reviewed by hand: on SQLite, a foreign key is added by rebuilding the posts
table, which would not carry the two partial indexes of the feeds over with
their WHERE clauses; they are dropped first and made again after, in the same
words as ``app.posts.models``. ``shared_post_id`` is SET NULL on delete, though
posts are never deleted as rows (a deleted post keeps its row, emptied), so a
share always knows what it shared and can say that it is gone. Tags of
existing posts are not back-filled: they were written before tags linked, and
re-rendering every old post is not a migration's job.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 06:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

VISIBLE_SQL = "state IN ('published', 'edited')"
PUBLIC_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NULL"
PRIVATE_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NOT NULL"


def _drop_feed_indexes():
    op.drop_index('ix_posts_public_author_id', table_name='posts')
    op.drop_index('ix_posts_private_author_id', table_name='posts')


def _create_feed_indexes():
    op.create_index('ix_posts_private_author_id', 'posts', ['author_id', 'id'], unique=False, sqlite_where=sa.text(PRIVATE_SQL), postgresql_where=sa.text(PRIVATE_SQL))
    op.create_index('ix_posts_public_author_id', 'posts', ['author_id', 'id'], unique=False, sqlite_where=sa.text(PUBLIC_SQL), postgresql_where=sa.text(PUBLIC_SQL))


def upgrade():
    op.create_table('post_tags',
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_tags_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', 'tag', name=op.f('pk_post_tags'))
    )
    with op.batch_alter_table('post_tags', schema=None) as batch_op:
        batch_op.create_index('ix_post_tags_tag_post', ['tag', 'post_id'], unique=False)

    _drop_feed_indexes()
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('share_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('shared_post_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_posts_shared_post_id_posts'), 'posts', ['shared_post_id'], ['id'], ondelete='SET NULL')
    _create_feed_indexes()


def downgrade():
    _drop_feed_indexes()
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_posts_shared_post_id_posts'), type_='foreignkey')
        batch_op.drop_column('shared_post_id')
        batch_op.drop_column('share_count')
    _create_feed_indexes()

    with op.batch_alter_table('post_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_post_tags_tag_post')

    op.drop_table('post_tags')
