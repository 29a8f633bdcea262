"""Hives, their topic tags, and memberships with their lifecycle."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.profiles.models import Bee, utcnow

HIVE_NAME_MAX = 60
HIVE_DESCRIPTION_MAX = 2000
HIVE_RULES_MAX = 10_000
HIVE_TAGS_MAX = 8
TAG_MAX = 30
TAG_PATTERN = re.compile(r"[\w-]{1,30}")


class Hive(db.Model):
    """An affinity group around a hobby, passion or profession."""

    __tablename__ = "hives"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(HIVE_NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(HIVE_NAME_MAX), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("bees.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Chosen at creation, for good: a private hive's posts were written for its members alone.
    is_private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The hive's rules as Markdown and as the sanitized HTML rendered from it on write.
    rules_source: Mapped[str] = mapped_column(Text, default="", server_default="")
    rules_html: Mapped[str] = mapped_column(Text, default="", server_default="")

    tags: Mapped[list[HiveTag]] = relationship(
        order_by="HiveTag.tag", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def tag_names(self) -> list[str]:
        """The hive's tags, alphabetically."""
        return [tag.tag for tag in self.tags]

    def __repr__(self) -> str:
        return f"<Hive {self.slug}>"


class HiveTag(db.Model):
    """A topic tag on a hive (lower-case, any script)."""

    __tablename__ = "hive_tags"
    __table_args__ = (Index("ix_hive_tags_tag", "tag"),)

    hive_id: Mapped[int] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(TAG_MAX), primary_key=True)


class Role:
    """A member's standing in a hive. A higher rank may act on a lower one, never the reverse
    or an equal (see ``app/policy.py`` and the README's "Who may do what")."""

    OWNER = "owner"
    MODERATOR = "moderator"
    MEMBER = "member"

    RANK: ClassVar[dict[str, int]] = {MEMBER: 1, MODERATOR: 2, OWNER: 3}


class MembershipState:
    """A membership's lifecycle; the allowed moves are in ``TRANSITIONS``.

    ``pending`` is a request to join a private hive, which moderators approve
    (``active``) or decline (``declined``). ``banned`` keeps a bee out of the
    hive until ``Membership.banned_until`` (or for good when it is empty).
    """

    PENDING = "pending"
    ACTIVE = "active"
    DECLINED = "declined"
    LEFT = "left"
    BANNED = "banned"

    TRANSITIONS: ClassVar[dict[str | None, set[str]]] = {
        None: {PENDING, ACTIVE, BANNED},
        PENDING: {ACTIVE, DECLINED, LEFT, BANNED},
        ACTIVE: {LEFT, BANNED},
        DECLINED: {PENDING, BANNED},
        LEFT: {PENDING, ACTIVE, BANNED},
        BANNED: {ACTIVE, LEFT, PENDING},
    }

    @classmethod
    def can_move(cls, current: str | None, target: str) -> bool:
        """True when a membership may go from ``current`` to ``target``."""
        return target in cls.TRANSITIONS.get(current, set())


class Membership(db.Model):
    """A bee's membership of a hive. One row per pair, whatever its state."""

    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("bee_id", "hive_id", name="uq_memberships_bee_hive"),
        Index("ix_memberships_hive_state_bee", "hive_id", "state", "bee_id"),
        Index("ix_memberships_bee_state_hive", "bee_id", "state", "hive_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    hive_id: Mapped[int] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16), default=Role.MEMBER)
    state: Mapped[str] = mapped_column(String(16), default=MembershipState.ACTIVE)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # When the state last changed: a request's age in the queue, a ban's start.
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A ban's end (None: permanent), and whether lifting it early makes the bee a member again.
    banned_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    member_before_ban: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def is_banned(self, now: datetime) -> bool:
        """True while a ban keeps the bee out (a ban whose date has passed no longer does)."""
        if self.state != MembershipState.BANNED:
            return False
        return self.banned_until is None or _aware(self.banned_until) > now


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every moment Apiary stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def active_member_ids(hive_id: int):
    """Select the ids of a hive's active members."""
    return select(Membership.bee_id).where(
        Membership.hive_id == hive_id, Membership.state == MembershipState.ACTIVE
    )


def active_hive_ids(bee_id: int):
    """Select the ids of the hives a bee is an active member of."""
    return select(Membership.hive_id).where(
        Membership.bee_id == bee_id, Membership.state == MembershipState.ACTIVE
    )


class ReportReason:
    """Why a bee reports a post."""

    INSULT = "insult"
    MISINFORMATION = "misinformation"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"
    OTHER = "other"
    ALL = (INSULT, MISINFORMATION, SPAM, OFF_TOPIC, OTHER)


REPORT_DETAIL_MAX = 1000
REASON_MAX = 1000


class Report(db.Model):
    """One bee's report of a post, or of a comment (``comment_id``, with the post it is on).
    Only moderators see who reported; a bee reports the same post or comment once."""

    __tablename__ = "reports"
    __table_args__ = (
        Index(
            "uq_reports_post_reporter",
            "post_id",
            "reporter_id",
            unique=True,
            sqlite_where=text("comment_id IS NULL"),
            postgresql_where=text("comment_id IS NULL"),
        ),
        Index("uq_reports_comment_reporter", "comment_id", "reporter_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    reporter_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CaseState:
    """A moderation case is open until a moderator acts on it."""

    OPEN = "open"
    RESOLVED = "resolved"
    ALL = (OPEN, RESOLVED)


class ModerationCase(db.Model):
    """A reported post in one queue: a hive's, or the site admins' (``hive_id`` empty) for a
    post in no hive. Reports of the post open it; a moderator's action resolves it, and a new
    report of a post the queue's hive still holds (dismissed, or its author warned) opens it
    again."""

    __tablename__ = "moderation_cases"
    __table_args__ = (
        Index("ix_moderation_cases_hive_state_opened", "hive_id", "state", "opened_at"),
        Index("ix_moderation_cases_post", "post_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hive_id: Mapped[int | None] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A case about a comment names it (and the post it is on); a case about a post does not.
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default=CaseState.OPEN)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("bees.id", ondelete="SET NULL"))
    resolution: Mapped[str | None] = mapped_column(String(32))


class Action:
    """What the moderation log records. Every moderator or admin action writes one entry."""

    JOIN_APPROVED = "join_approved"
    JOIN_DECLINED = "join_declined"
    REPORT_DISMISSED = "report_dismissed"
    POST_REMOVED = "post_removed"
    COMMENT_REMOVED = "comment_removed"
    AUTHOR_WARNED = "author_warned"
    BANNED = "banned"
    UNBANNED = "unbanned"
    MODERATOR_APPOINTED = "moderator_appointed"
    MODERATOR_REMOVED = "moderator_removed"
    OWNERSHIP_TRANSFERRED = "ownership_transferred"
    RULES_CHANGED = "rules_changed"
    # Site-wide (``hive_id`` empty), by site admins.
    POST_REMOVED_SITE = "post_removed_site"
    COMMENT_REMOVED_SITE = "comment_removed_site"
    BEE_SUSPENDED = "bee_suspended"
    BEE_UNSUSPENDED = "bee_unsuspended"


class LogEntry(db.Model):
    """One line of a hive's moderation log (or the site's, with ``hive_id`` empty)."""

    __tablename__ = "moderation_log"
    __table_args__ = (Index("ix_moderation_log_hive_id", "hive_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hive_id: Mapped[int | None] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"))
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("bees.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    target_bee_id: Mapped[int | None] = mapped_column(ForeignKey("bees.id", ondelete="SET NULL"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # A ban's end, when the action is a ban for a time.
    until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    moderator: Mapped[Bee | None] = relationship(foreign_keys=[moderator_id], lazy="joined")
    target: Mapped[Bee | None] = relationship(foreign_keys=[target_bee_id], lazy="joined")
