"""Engagement: Relevant marks, counters on posts, who caused a notice, notice preferences.

Reviewed by hand: the two counters are added with a server default of 0 (on
SQLite, ALTER TABLE ADD COLUMN: the posts table is not rebuilt), then
``comment_count`` is filled from the visible comments that already exist, so
a feed card shows the same number as the post's page from the first request.
``notices.actor_id`` is nullable: notices from moderators name no actor.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 04:45:08.148264

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notice_opt_outs',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('preference', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_notice_opt_outs_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', 'preference', name=op.f('pk_notice_opt_outs'))
    )
    op.create_table('reactions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_reactions_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_reactions_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reactions')),
    sa.UniqueConstraint('post_id', 'bee_id', name='uq_reactions_post_bee')
    )
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.create_index('ix_reactions_bee_id', ['bee_id'], unique=False)
        batch_op.create_index('ix_reactions_post_id', ['post_id', 'id'], unique=False)

    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actor_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notices_actor_id_bees'), 'bees', ['actor_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('relevant_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('comment_count', sa.Integer(), server_default='0', nullable=False))

    op.execute(
        "UPDATE posts SET comment_count = ("
        " SELECT count(*) FROM comments"
        " WHERE comments.post_id = posts.id AND comments.state IN ('published', 'edited'))"
        " WHERE id IN (SELECT post_id FROM comments)"
    )


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('comment_count')
        batch_op.drop_column('relevant_count')

    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notices_actor_id_bees'), type_='foreignkey')
        batch_op.drop_column('actor_id')

    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.drop_index('ix_reactions_post_id')
        batch_op.drop_index('ix_reactions_bee_id')

    op.drop_table('reactions')
    op.drop_table('notice_opt_outs')
