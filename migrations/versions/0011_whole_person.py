"""Whole-person profiles: the personal brand on ``bees`` and the professional record beside it
(positions, education, skills, certifications, work samples, links, and interests, hobbies,
causes and languages as profile tags).

Reviewed by hand:

* the new ``bees`` columns are plain ADD COLUMNs with server defaults (empty text, false,
  ``'bee'``) that are exact for every existing bee, so neither database rebuilds the table
  (SQLite's batch rebuild of ``bees`` would cascade through every table that references it);
* every record table hangs off ``bees`` with ON DELETE CASCADE and is listed by
  ``(bee_id, place)``; tags and skills are unique per bee by their folded ``key``, and
  indexed by key for talent search;
* a position that ends, ends on or after its start (a check constraint, as the services
  check first with a clear message); so does an education entry with both months.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 07:25:18

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('certifications',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('issuer', sa.String(length=120), server_default='', nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('url', sa.String(length=500), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_certifications_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certifications'))
    )
    with op.batch_alter_table('certifications', schema=None) as batch_op:
        batch_op.create_index('ix_certifications_bee_place', ['bee_id', 'place'], unique=False)

    op.create_table('education',
    sa.Column('institution', sa.String(length=120), nullable=False),
    sa.Column('degree', sa.String(length=120), server_default='', nullable=False),
    sa.Column('area', sa.String(length=120), server_default='', nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_on IS NULL OR start_on IS NULL OR end_on >= start_on', name=op.f('ck_education_ends_after_start')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_education_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_education'))
    )
    with op.batch_alter_table('education', schema=None) as batch_op:
        batch_op.create_index('ix_education_bee_place', ['bee_id', 'place'], unique=False)

    op.create_table('positions',
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('organization', sa.String(length=120), nullable=False),
    sa.Column('location', sa.String(length=100), server_default='', nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_on IS NULL OR end_on >= start_on', name=op.f('ck_positions_ends_after_start')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_positions_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_positions'))
    )
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.create_index('ix_positions_bee_place', ['bee_id', 'place'], unique=False)

    op.create_table('profile_links',
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_profile_links_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_links'))
    )
    with op.batch_alter_table('profile_links', schema=None) as batch_op:
        batch_op.create_index('ix_profile_links_bee_place', ['bee_id', 'place'], unique=False)

    op.create_table('profile_tags',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.String(length=40), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_profile_tags_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_tags')),
    sa.UniqueConstraint('bee_id', 'kind', 'key', name='uq_profile_tags_bee_kind_key')
    )
    with op.batch_alter_table('profile_tags', schema=None) as batch_op:
        batch_op.create_index('ix_profile_tags_kind_key', ['kind', 'key'], unique=False)

    op.create_table('skills',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('years', sa.SmallInteger(), nullable=True),
    sa.Column('level', sa.String(length=12), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_skills_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skills')),
    sa.UniqueConstraint('bee_id', 'key', name='uq_skills_bee_key')
    )
    with op.batch_alter_table('skills', schema=None) as batch_op:
        batch_op.create_index('ix_skills_key', ['key'], unique=False)

    op.create_table('work_samples',
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_work_samples_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_samples'))
    )
    with op.batch_alter_table('work_samples', schema=None) as batch_op:
        batch_op.create_index('ix_work_samples_bee_place', ['bee_id', 'place'], unique=False)

    for column in (
        sa.Column('statement', sa.Text(), server_default='', nullable=False),
        sa.Column('statement_html', sa.Text(), server_default='', nullable=False),
        sa.Column('location', sa.String(length=100), server_default='', nullable=False),
        sa.Column('photo', sa.String(length=40), nullable=True),
        sa.Column('open_to_work', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('open_to_freelance', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('account_kind', sa.String(length=12), server_default='bee', nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    ):
        op.add_column('bees', column)


def downgrade():
    for column in (
        'deleted_at', 'account_kind', 'open_to_freelance', 'open_to_work', 'photo', 'location',
        'statement_html', 'statement',
    ):
        op.drop_column('bees', column)

    with op.batch_alter_table('work_samples', schema=None) as batch_op:
        batch_op.drop_index('ix_work_samples_bee_place')

    op.drop_table('work_samples')
    with op.batch_alter_table('skills', schema=None) as batch_op:
        batch_op.drop_index('ix_skills_key')

    op.drop_table('skills')
    with op.batch_alter_table('profile_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_profile_tags_kind_key')

    op.drop_table('profile_tags')
    with op.batch_alter_table('profile_links', schema=None) as batch_op:
        batch_op.drop_index('ix_profile_links_bee_place')

    op.drop_table('profile_links')
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.drop_index('ix_positions_bee_place')

    op.drop_table('positions')
    with op.batch_alter_table('education', schema=None) as batch_op:
        batch_op.drop_index('ix_education_bee_place')

    op.drop_table('education')
    with op.batch_alter_table('certifications', schema=None) as batch_op:
        batch_op.drop_index('ix_certifications_bee_place')

    op.drop_table('certifications')
