"""Hive governance: roles, private hives and rules, reports and the moderation queue, bans,
the moderation log, site admins and suspension, blocks and mutes, and notices.

Reviewed by hand:

* booleans default to false on the server, so existing bees and hives are
  ordinary bees and public hives; existing memberships take their join time as
  the time their state last changed (added nullable, filled, then required);
* posts gain ``private_hive_id`` (empty for every existing post: no hive was
  private), and the feeds' partial index of visible posts is replaced by one
  of posts for followers (visible, not private) and a small one of posts in
  private hives. ``app.posts.models`` spells both conditions the same way.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 02:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

VISIBLE_SQL = "state IN ('published', 'edited')"
PUBLIC_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NULL"
PRIVATE_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NOT NULL"


def upgrade():
    op.create_table('bee_mutes',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('muted_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('bee_id <> muted_id', name=op.f('ck_bee_mutes_not_self')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_bee_mutes_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['muted_id'], ['bees.id'], name=op.f('fk_bee_mutes_muted_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', 'muted_id', name=op.f('pk_bee_mutes'))
    )
    op.create_table('blocks',
    sa.Column('blocker_id', sa.Integer(), nullable=False),
    sa.Column('blocked_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('blocker_id <> blocked_id', name=op.f('ck_blocks_not_self')),
    sa.ForeignKeyConstraint(['blocked_id'], ['bees.id'], name=op.f('fk_blocks_blocked_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blocker_id'], ['bees.id'], name=op.f('fk_blocks_blocker_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('blocker_id', 'blocked_id', name=op.f('pk_blocks'))
    )
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.create_index('ix_blocks_blocked_blocker', ['blocked_id', 'blocker_id'], unique=False)

    op.create_table('hive_mutes',
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_hive_mutes_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_hive_mutes_hive_id_hives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bee_id', 'hive_id', name=op.f('pk_hive_mutes'))
    )
    op.create_table('moderation_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolution', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_moderation_cases_hive_id_hives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_moderation_cases_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['bees.id'], name=op.f('fk_moderation_cases_resolved_by_id_bees'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_cases'))
    )
    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_cases_hive_state_opened', ['hive_id', 'state', 'opened_at'], unique=False)
        batch_op.create_index('ix_moderation_cases_post', ['post_id'], unique=False)

    op.create_table('moderation_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=True),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target_bee_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_moderation_log_hive_id_hives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['bees.id'], name=op.f('fk_moderation_log_moderator_id_bees'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_moderation_log_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_bee_id'], ['bees.id'], name=op.f('fk_moderation_log_target_bee_id_bees'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_log'))
    )
    with op.batch_alter_table('moderation_log', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_log_hive_id', ['hive_id', 'id'], unique=False)

    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('hive_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_notices_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['hive_id'], ['hives.id'], name=op.f('fk_notices_hive_id_hives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_notices_post_id_posts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index('ix_notices_bee_id', ['bee_id', 'id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_reports_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_id'], ['bees.id'], name=op.f('fk_reports_reporter_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('post_id', 'reporter_id', name='uq_reports_post_reporter')
    )
    # Plain ADD COLUMN where SQLite allows it: a batch rebuild copies the whole table. (env.py
    # turns foreign keys off while migrating SQLite, so a rebuild never cascades.)
    op.add_column('bees', sa.Column('is_admin', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('bees', sa.Column('suspended_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('bees', sa.Column('suspension_reason', sa.Text(), server_default='', nullable=False))
    op.add_column('bees', sa.Column('unread_notices', sa.Integer(), server_default='0', nullable=False))
    op.add_column('hives', sa.Column('is_private', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('hives', sa.Column('rules_source', sa.Text(), server_default='', nullable=False))
    op.add_column('hives', sa.Column('rules_html', sa.Text(), server_default='', nullable=False))

    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('banned_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('member_before_ban', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE memberships SET changed_at = joined_at")
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.alter_column('changed_at', existing_type=sa.DateTime(timezone=True), nullable=False)

    op.drop_index('ix_posts_visible_author_id', table_name='posts')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('private_hive_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            'fk_posts_private_hive_id_hives', 'hives', ['private_hive_id'], ['id'], ondelete='CASCADE'
        )
    op.create_index('ix_posts_private_author_id', 'posts', ['author_id', 'id'], unique=False, sqlite_where=sa.text(PRIVATE_SQL), postgresql_where=sa.text(PRIVATE_SQL))
    op.create_index('ix_posts_public_author_id', 'posts', ['author_id', 'id'], unique=False, sqlite_where=sa.text(PUBLIC_SQL), postgresql_where=sa.text(PUBLIC_SQL))


def downgrade():
    op.drop_index('ix_posts_public_author_id', table_name='posts')
    op.drop_index('ix_posts_private_author_id', table_name='posts')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint('fk_posts_private_hive_id_hives', type_='foreignkey')
        batch_op.drop_column('private_hive_id')
    op.create_index('ix_posts_visible_author_id', 'posts', ['author_id', 'id'], unique=False, sqlite_where=sa.text(VISIBLE_SQL), postgresql_where=sa.text(VISIBLE_SQL))

    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_column('member_before_ban')
        batch_op.drop_column('banned_until')
        batch_op.drop_column('changed_at')

    for table, column in (
        ('hives', 'rules_html'),
        ('hives', 'rules_source'),
        ('hives', 'is_private'),
        ('bees', 'unread_notices'),
        ('bees', 'suspension_reason'),
        ('bees', 'suspended_at'),
        ('bees', 'is_admin'),
    ):
        op.drop_column(table, column)

    op.drop_table('reports')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index('ix_notices_bee_id')

    op.drop_table('notices')
    with op.batch_alter_table('moderation_log', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_log_hive_id')

    op.drop_table('moderation_log')
    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_cases_post')
        batch_op.drop_index('ix_moderation_cases_hive_state_opened')

    op.drop_table('moderation_cases')
    op.drop_table('hive_mutes')
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_index('ix_blocks_blocked_blocker')

    op.drop_table('blocks')
    op.drop_table('bee_mutes')
