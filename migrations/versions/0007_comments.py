"""Comments on posts (one level of replies), and reports, cases, log entries and notices
that can name a comment.

Reviewed by hand: a bee reports a post once and a comment once, so the unique
constraint on (post_id, reporter_id) becomes a partial unique index on post
reports (comment_id IS NULL) beside a unique index on (comment_id,
reporter_id); both databases support partial unique indexes. Downgrading drops
comment reports and cases first, so the old constraint can hold again and no
comment case turns into a second case of its post.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 02:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['bees.id'], name=op.f('fk_comments_author_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['comments.id'], name=op.f('fk_comments_parent_id_comments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_comments_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_post_id', ['post_id', 'id'], unique=False)

    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_moderation_cases_comment_id_comments'), 'comments', ['comment_id'], ['id'], ondelete='CASCADE')

    with op.batch_alter_table('moderation_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_moderation_log_comment_id_comments'), 'comments', ['comment_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notices_comment_id_comments'), 'comments', ['comment_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_reports_post_reporter'), type_='unique')
        batch_op.create_index('uq_reports_post_reporter', ['post_id', 'reporter_id'], unique=True, sqlite_where=sa.text('comment_id IS NULL'), postgresql_where=sa.text('comment_id IS NULL'))
        batch_op.create_index('uq_reports_comment_reporter', ['comment_id', 'reporter_id'], unique=True)
        batch_op.create_foreign_key(batch_op.f('fk_reports_comment_id_comments'), 'comments', ['comment_id'], ['id'], ondelete='CASCADE')



def downgrade():
    op.execute("DELETE FROM reports WHERE comment_id IS NOT NULL")
    op.execute("DELETE FROM moderation_cases WHERE comment_id IS NOT NULL")
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_reports_comment_id_comments'), type_='foreignkey')
        batch_op.drop_index('uq_reports_comment_reporter')
        batch_op.drop_index('uq_reports_post_reporter', sqlite_where=sa.text('comment_id IS NULL'), postgresql_where=sa.text('comment_id IS NULL'))
        batch_op.create_unique_constraint(batch_op.f('uq_reports_post_reporter'), ['post_id', 'reporter_id'])
        batch_op.drop_column('comment_id')

    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notices_comment_id_comments'), type_='foreignkey')
        batch_op.drop_column('comment_id')

    with op.batch_alter_table('moderation_log', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_moderation_log_comment_id_comments'), type_='foreignkey')
        batch_op.drop_column('comment_id')

    with op.batch_alter_table('moderation_cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_moderation_cases_comment_id_comments'), type_='foreignkey')
        batch_op.drop_column('comment_id')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_post_id')

    op.drop_table('comments')
