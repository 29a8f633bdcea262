"""Opportunities and the answers to them, saved talent searches, and notices about them.

Reviewed by hand: an opportunity, its terms (skills it needs and topics, folded keys indexed
by (kind, key, opportunity) so the opportunities suiting a bee are found by index), the
pitches and applications (one per bee and opportunity, a unique constraint; the poster's
pipeline read by (opportunity, state, id), a bee's own by (bee, id)) and the work samples
chosen for an application, copied in (title and address) so a later edit or import of the
profile changes nothing the poster was shown; the sample they came from is kept while it exists
(SET NULL). A saved search keeps its page's query string; its matches are
one row per (search, bee), so a check finds the new ones with one anti-join. Everything goes
with its bee, opportunity or search (ON DELETE CASCADE), except the announcing post, whose
deletion leaves the opportunity standing (SET NULL). Notices gain the opportunity, answer
or saved search they are about (going with them, each indexed so the cascade finds them) and an
amount; a deleted account's row leaves every saved search's matches by an index on bee_id; on SQLite the notices
table is rebuilt by batch mode, which copies every row (no table refers to notices).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-24 11:09:28.791657

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('saved_searches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_saved_searches_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_searches'))
    )
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.create_index('ix_saved_searches_bee_id', ['bee_id', 'id'], unique=False)

    op.create_table('saved_search_matches',
    sa.Column('saved_search_id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_saved_search_matches_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['saved_search_id'], ['saved_searches.id'], name=op.f('fk_saved_search_matches_saved_search_id_saved_searches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('saved_search_id', 'bee_id', name=op.f('pk_saved_search_matches'))
    )
    with op.batch_alter_table('saved_search_matches', schema=None) as batch_op:
        batch_op.create_index('ix_saved_search_matches_found', ['saved_search_id', 'found_at'], unique=False)
        batch_op.create_index('ix_saved_search_matches_bee_id', ['bee_id'], unique=False)

    op.create_table('opportunities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poster_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('description_source', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('remote', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('compensation', sa.String(length=120), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('pitch_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('job', 'freelance', 'story_call')", name=op.f('ck_opportunities_known_kind')),
    sa.CheckConstraint("state IN ('open', 'closed')", name=op.f('ck_opportunities_known_state')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_opportunities_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['poster_id'], ['bees.id'], name=op.f('fk_opportunities_poster_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunities'))
    )
    with op.batch_alter_table('opportunities', schema=None) as batch_op:
        batch_op.create_index('ix_opportunities_poster_id', ['poster_id', 'id'], unique=False)
        batch_op.create_index('ix_opportunities_state_id', ['state', 'id'], unique=False)

    op.create_table('opportunity_terms',
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('place', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint("kind IN ('skill', 'topic')", name=op.f('ck_opportunity_terms_known_kind')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_opportunity_terms_opportunity_id_opportunities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('opportunity_id', 'kind', 'key', name=op.f('pk_opportunity_terms'))
    )
    with op.batch_alter_table('opportunity_terms', schema=None) as batch_op:
        batch_op.create_index('ix_opportunity_terms_kind_key', ['kind', 'key', 'opportunity_id'], unique=False)

    op.create_table('pitches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('idea', sa.String(length=200), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('new', 'shortlisted', 'accepted', 'declined', 'withdrawn')", name=op.f('ck_pitches_known_state')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_pitches_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_pitches_opportunity_id_opportunities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pitches')),
    sa.UniqueConstraint('opportunity_id', 'bee_id', name=op.f('uq_pitches_opportunity_bee'))
    )
    with op.batch_alter_table('pitches', schema=None) as batch_op:
        batch_op.create_index('ix_pitches_bee_id', ['bee_id', 'id'], unique=False)
        batch_op.create_index('ix_pitches_opportunity_state', ['opportunity_id', 'state', 'id'], unique=False)

    op.create_table('pitch_samples',
    sa.Column('pitch_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.SmallInteger(), nullable=False),
    sa.Column('sample_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['pitch_id'], ['pitches.id'], name=op.f('fk_pitch_samples_pitch_id_pitches'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sample_id'], ['work_samples.id'], name=op.f('fk_pitch_samples_sample_id_work_samples'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('pitch_id', 'place', name=op.f('pk_pitch_samples'))
    )
    with op.batch_alter_table('pitch_samples', schema=None) as batch_op:
        batch_op.create_index('ix_pitch_samples_sample_id', ['sample_id'], unique=False)

    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opportunity_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pitch_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('saved_search_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('amount', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notices_saved_search_id_saved_searches'), 'saved_searches', ['saved_search_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_notices_opportunity_id_opportunities'), 'opportunities', ['opportunity_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_notices_pitch_id_pitches'), 'pitches', ['pitch_id'], ['id'], ondelete='CASCADE')
        batch_op.create_index('ix_notices_opportunity_id', ['opportunity_id'], unique=False)
        batch_op.create_index('ix_notices_pitch_id', ['pitch_id'], unique=False)
        batch_op.create_index('ix_notices_saved_search_id', ['saved_search_id'], unique=False)



def downgrade():
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index('ix_notices_saved_search_id')
        batch_op.drop_index('ix_notices_pitch_id')
        batch_op.drop_index('ix_notices_opportunity_id')
        batch_op.drop_constraint(batch_op.f('fk_notices_pitch_id_pitches'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notices_opportunity_id_opportunities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notices_saved_search_id_saved_searches'), type_='foreignkey')
        batch_op.drop_column('amount')
        batch_op.drop_column('saved_search_id')
        batch_op.drop_column('pitch_id')
        batch_op.drop_column('opportunity_id')

    with op.batch_alter_table('pitch_samples', schema=None) as batch_op:
        batch_op.drop_index('ix_pitch_samples_sample_id')

    op.drop_table('pitch_samples')
    with op.batch_alter_table('pitches', schema=None) as batch_op:
        batch_op.drop_index('ix_pitches_opportunity_state')
        batch_op.drop_index('ix_pitches_bee_id')

    op.drop_table('pitches')
    with op.batch_alter_table('opportunity_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunity_terms_kind_key')

    op.drop_table('opportunity_terms')
    with op.batch_alter_table('opportunities', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunities_state_id')
        batch_op.drop_index('ix_opportunities_poster_id')

    op.drop_table('opportunities')
    with op.batch_alter_table('saved_search_matches', schema=None) as batch_op:
        batch_op.drop_index('ix_saved_search_matches_bee_id')
        batch_op.drop_index('ix_saved_search_matches_found')

    op.drop_table('saved_search_matches')
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.drop_index('ix_saved_searches_bee_id')

    op.drop_table('saved_searches')
