"""The core network: bees, follows, hives (tags, memberships), posts and post_hives.

Reviewed by hand: constraint names come from the naming convention in
app/extensions.py; indexes serve the feed queries in app/posts/queries.py.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 02:02:11.362670

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('bees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('handle', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('headline', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bees')),
    sa.UniqueConstraint('email', name=op.f('uq_bees_email')),
    sa.UniqueConstraint('handle', name=op.f('uq_bees_handle'))
    )
    op.create_table('follows',
    sa.Column('follower_id', sa.Integer(), nullable=False),
    sa.Column('followee_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('follower_id <> followee_id', name=op.f('ck_follows_not_self')),
    sa.ForeignKeyConstraint(['followee_id'], ['bees.id'], name=op.f('fk_follows_followee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['follower_id'], ['bees.id'], name=op.f('fk_follows_follower_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('follower_id', 'followee_id', name=op.f('pk_follows'))
    )
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.create_index('ix_follows_followee_follower', ['followee_id', 'follower_id'], unique=False)

    op.create_table('hives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('name_key', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['bees.id'], name=op.f('fk_hives_created_by_id_bees'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hives')),
    sa.UniqueConstraint('name_key', name=op.f('uq_hives_name_key')),
    sa.UniqueConstraint('slug', name=op.f('uq_hives_slug'))
    )
    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('slug', sa.String(length=80), nullable=True),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('delivered_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['bees.id'], name=op.f('fk_posts_author_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posts')),
    sa.UniqueConstraint('author_id', 'slug', name='uq_posts_author_slug')
    )
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.create_index('ix_posts_author_id_id', ['author_id', 'id'], unique=False)

    op.create_table('hive_tags',
    sa.Column('hive_id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_hive_tags_hive_id_hives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('hive_id', 'tag', name=op.f('pk_hive_tags'))
    )
    with op.batch_alter_table('hive_tags', schema=None) as batch_op:
        batch_op.create_index('ix_hive_tags_tag', ['tag'], unique=False)

    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_memberships_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_memberships_hive_id_hives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships')),
    sa.UniqueConstraint('bee_id', 'hive_id', name='uq_memberships_bee_hive')
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index('ix_memberships_bee_state_hive', ['bee_id', 'state', 'hive_id'], unique=False)
        batch_op.create_index('ix_memberships_hive_state_bee', ['hive_id', 'state', 'bee_id'], unique=False)

    op.create_table('post_hives',
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_post_hives_hive_id_hives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_hives_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', 'hive_id', name=op.f('pk_post_hives'))
    )
    with op.batch_alter_table('post_hives', schema=None) as batch_op:
        batch_op.create_index('ix_post_hives_hive_post', ['hive_id', 'post_id'], unique=False)



def downgrade():
    with op.batch_alter_table('post_hives', schema=None) as batch_op:
        batch_op.drop_index('ix_post_hives_hive_post')

    op.drop_table('post_hives')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index('ix_memberships_hive_state_bee')
        batch_op.drop_index('ix_memberships_bee_state_hive')

    op.drop_table('memberships')
    with op.batch_alter_table('hive_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_hive_tags_tag')

    op.drop_table('hive_tags')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index('ix_posts_author_id_id')

    op.drop_table('posts')
    op.drop_table('hives')
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.drop_index('ix_follows_followee_follower')

    op.drop_table('follows')
    op.drop_table('bees')
