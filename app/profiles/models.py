"""Bees (members) and the follow graph."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    select,
    union,
)
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db

HANDLE_PATTERN = re.compile(r"[a-z0-9_]{3,30}")
DISPLAY_NAME_MAX = 50
HEADLINE_MAX = 120
EMAIL_MAX = 254
PASSWORD_MIN = 12
PASSWORD_MAX = 1024


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class Bee(UserMixin, db.Model):
    """A member of Apiary. The handle is stored lower-case and unique."""

    __tablename__ = "bees"

    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(30), unique=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), unique=True)
    display_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX))
    headline: Mapped[str] = mapped_column(String(HEADLINE_MAX), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The interface language the bee chose (a code of app.i18n.LANGUAGES); None: the browser's.
    language: Mapped[str | None] = mapped_column(String(10), default=None)
    # Site admins (granted with ``flask admin grant``) act in every hive and suspend bees.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A suspended bee cannot log in; their sessions end at their next request.
    suspended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    suspension_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Kept with the row every signed-in page loads anyway, so the badge costs no query.
    unread_notices: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The same for direct messages: the sum of the bee's unread counts (app/messages/models.py).
    unread_messages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_suspended(self) -> bool:
        """True while a site admin has suspended the bee."""
        return self.suspended_at is not None

    @property
    def is_active(self) -> bool:
        """Flask-Login's question: a suspended bee is not let in."""
        return not self.is_suspended

    def set_password(self, password: str) -> None:
        """Store a strong (scrypt) hash of ``password``; never the password."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<Bee @{self.handle}>"


class Follow(db.Model):
    """``follower`` follows ``followee``; a bee never follows itself."""

    __tablename__ = "follows"
    __table_args__ = (
        CheckConstraint("follower_id <> followee_id", name="not_self"),
        Index("ix_follows_followee_follower", "followee_id", "follower_id"),
    )

    follower_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    followee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Block(db.Model):
    """``blocker`` blocked ``blocked``: no follows either way, no interaction, no posts seen."""

    __tablename__ = "blocks"
    __table_args__ = (
        CheckConstraint("blocker_id <> blocked_id", name="not_self"),
        Index("ix_blocks_blocked_blocker", "blocked_id", "blocker_id"),
    )

    blocker_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    blocked_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class BeeMute(db.Model):
    """``bee`` hides ``muted``'s posts from their own feeds; nobody else is affected."""

    __tablename__ = "bee_mutes"
    __table_args__ = (CheckConstraint("bee_id <> muted_id", name="not_self"),)

    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    muted_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HiveMute(db.Model):
    """``bee`` hides a hive's posts from their own home feed; the membership stays."""

    __tablename__ = "hive_mutes"

    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    hive_id: Mapped[int] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def blocked_either_way(bee_id):
    """Select the ids of the bees ``bee_id`` blocked or was blocked by."""
    return union(
        select(Block.blocked_id).where(Block.blocker_id == bee_id),
        select(Block.blocker_id).where(Block.blocked_id == bee_id),
    )


def hidden_authors(bee_id):
    """Select the ids of the authors whose posts ``bee_id``'s feeds leave out: blocked either
    way, or muted by ``bee_id``."""
    return union(
        select(Block.blocked_id).where(Block.blocker_id == bee_id),
        select(Block.blocker_id).where(Block.blocked_id == bee_id),
        select(BeeMute.muted_id).where(BeeMute.bee_id == bee_id),
    )


def followers_of(bee_id: int):
    """Select the ids of the bees that follow ``bee_id``."""
    return select(Follow.follower_id).where(Follow.followee_id == bee_id)


def followees_of(bee_id: int):
    """Select the ids of the bees that ``bee_id`` follows."""
    return select(Follow.followee_id).where(Follow.follower_id == bee_id)
