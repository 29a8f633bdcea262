"""Direct messages: a conversation between two bees, its messages, and where each bee has read to.

A conversation is one unordered pair of bees, stored lower id first, so the
pair is unique whichever of the two wrote first. Each of the two has a
:class:`Participant` row: the other bee, the conversation's newest message (the
inbox's order, read from the index on ``(bee_id, last_message_id)`` without
OFFSET or COUNT), how far they have read, and how many messages from the other
bee they have not read yet. ``Bee.unread_messages`` is the sum of a bee's
``unread_count``; ``app/messages/services.py`` keeps both exact in the
transaction that changes them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.profiles.models import utcnow

MESSAGE_MAX = 5_000
MESSAGE_EXCERPT_MAX = 140


class Conversation(db.Model):
    """Two bees writing to each other; ``low_bee_id < high_bee_id``, one row per pair."""

    __tablename__ = "conversations"
    __table_args__ = (
        CheckConstraint("low_bee_id < high_bee_id", name="ordered_pair"),
        UniqueConstraint("low_bee_id", "high_bee_id", name="uq_conversations_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    low_bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    high_bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @staticmethod
    def pair(bee_id: int, other_id: int) -> tuple[int, int]:
        """The two ids as the row stores them: lower first."""
        return (bee_id, other_id) if bee_id < other_id else (other_id, bee_id)

    def has(self, bee_id: int) -> bool:
        """True when ``bee_id`` is one of the two."""
        return bee_id in (self.low_bee_id, self.high_bee_id)

    def other_than(self, bee_id: int) -> int:
        """The id of the bee ``bee_id`` is talking to."""
        return self.high_bee_id if bee_id == self.low_bee_id else self.low_bee_id

    def __repr__(self) -> str:
        return f"<Conversation {self.id} {self.low_bee_id}-{self.high_bee_id}>"


class Message(db.Model):
    """One message; ``id`` grows with time, so it orders a conversation and pages it.

    The Markdown source and the sanitized HTML rendered from it on write are
    both kept, with a plain-text excerpt for the inbox.
    """

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_conversation_id", "conversation_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    sender_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<Message {self.id} in {self.conversation_id}>"


class Participant(db.Model):
    """One bee's side of a conversation: whom with, the newest message, and what is unread.

    ``read_message_id`` is the newest message this bee has read (0: none);
    ``unread_count`` counts the other bee's messages after it.
    """

    __tablename__ = "conversation_participants"
    __table_args__ = (
        CheckConstraint("bee_id <> other_bee_id", name="not_self"),
        CheckConstraint("unread_count >= 0", name="unread_not_negative"),
        Index("ix_conversation_participants_bee_last", "bee_id", "last_message_id"),
    )

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    other_bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    last_message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    read_message_id: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unread_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def __repr__(self) -> str:
        return f"<Participant {self.bee_id} in {self.conversation_id}: {self.unread_count} unread>"
