"""Direct messages: conversations between two bees, their messages, each bee's read position,
and the unread-messages badge.

Reviewed by hand:

* a conversation stores its pair lower id first (a check constraint) and
  uniquely, so two bees share one conversation whoever wrote first;
* each bee's side of a conversation carries the conversation's newest message
  id, indexed with the bee, so the inbox is a keyset page without OFFSET or
  COUNT; ``unread_count`` may never go below zero;
* ``bees.unread_messages`` is a plain ADD COLUMN with a server default of 0
  (no conversation exists yet, so 0 is exact for every bee); no table rebuild.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('low_bee_id', sa.Integer(), nullable=False),
    sa.Column('high_bee_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('low_bee_id < high_bee_id', name=op.f('ck_conversations_ordered_pair')),
    sa.ForeignKeyConstraint(['high_bee_id'], ['bees.id'], name=op.f('fk_conversations_high_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['low_bee_id'], ['bees.id'], name=op.f('fk_conversations_low_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations')),
    sa.UniqueConstraint('low_bee_id', 'high_bee_id', name='uq_conversations_pair')
    )
    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_messages_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sender_id'], ['bees.id'], name=op.f('fk_messages_sender_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    op.create_index('ix_messages_conversation_id', 'messages', ['conversation_id', 'id'], unique=False)
    op.create_table('conversation_participants',
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('bee_id', sa.Integer(), nullable=False),
    sa.Column('other_bee_id', sa.Integer(), nullable=False),
    sa.Column('last_message_id', sa.Integer(), nullable=False),
    sa.Column('read_message_id', sa.Integer(), server_default='0', nullable=False),
    sa.Column('unread_count', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint('bee_id <> other_bee_id', name=op.f('ck_conversation_participants_not_self')),
    sa.CheckConstraint('unread_count >= 0', name=op.f('ck_conversation_participants_unread_not_negative')),
    sa.ForeignKeyConstraint(['bee_id'], ['bees.id'], name=op.f('fk_conversation_participants_bee_id_bees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_conversation_participants_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['last_message_id'], ['messages.id'], name=op.f('fk_conversation_participants_last_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_bee_id'], ['bees.id'], name=op.f('fk_conversation_participants_other_bee_id_bees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('conversation_id', 'bee_id', name=op.f('pk_conversation_participants'))
    )
    op.create_index('ix_conversation_participants_bee_last', 'conversation_participants', ['bee_id', 'last_message_id'], unique=False)
    op.add_column('bees', sa.Column('unread_messages', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    op.drop_column('bees', 'unread_messages')
    op.drop_index('ix_conversation_participants_bee_last', table_name='conversation_participants')
    op.drop_table('conversation_participants')
    op.drop_index('ix_messages_conversation_id', table_name='messages')
    op.drop_table('messages')
    op.drop_table('conversations')
