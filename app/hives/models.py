"""Hives, their topic tags, and memberships with their lifecycle."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.profiles.models import utcnow

HIVE_NAME_MAX = 60
HIVE_DESCRIPTION_MAX = 2000
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
    """What a member may do in a hive (moderators arrive with hive governance)."""

    OWNER = "owner"
    MEMBER = "member"


class MembershipState:
    """A membership's lifecycle; the allowed moves are in ``TRANSITIONS``."""

    ACTIVE = "active"
    LEFT = "left"

    TRANSITIONS: ClassVar[dict[str | None, set[str]]] = {
        None: {ACTIVE},
        ACTIVE: {LEFT},
        LEFT: {ACTIVE},
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
