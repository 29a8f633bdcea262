"""Covering indexes for talent search and suggestions: the bees holding a skill or a profile
tag are read from the index alone, without a visit to the table per row.

Reviewed by hand: ``ix_skills_key`` becomes ``ix_skills_key_bee (key, bee_id)`` and
``ix_profile_tags_kind_key`` becomes ``ix_profile_tags_kind_key_bee (kind, key, bee_id)``;
plain index changes on both databases (no table rebuild). Measured in
bench/results/2026-11-24-talent-diagnosis.md (proposal A): at 100,000 bees the first page's
p95 goes from 66 to 56 ms on SQLite and from 126–142 to 93–101 ms on PostgreSQL.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-24 09:40:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_skills_key_bee', 'skills', ['key', 'bee_id'], unique=False)
    op.drop_index('ix_skills_key', table_name='skills')
    op.create_index('ix_profile_tags_kind_key_bee', 'profile_tags', ['kind', 'key', 'bee_id'], unique=False)
    op.drop_index('ix_profile_tags_kind_key', table_name='profile_tags')


def downgrade():
    op.create_index('ix_profile_tags_kind_key', 'profile_tags', ['kind', 'key'], unique=False)
    op.drop_index('ix_profile_tags_kind_key_bee', table_name='profile_tags')
    op.create_index('ix_skills_key', 'skills', ['key'], unique=False)
    op.drop_index('ix_skills_key_bee', table_name='skills')
