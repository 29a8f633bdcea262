"""Notices: one row per thing a bee is told, read or not."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.hives.models import Hive
from app.opportunities.models import Opportunity
from app.profiles.models import Bee, utcnow
from app.talent.models import SavedSearch


class Kind:
    """What a notice says; ``notifications/index.html`` words each one."""

    FOLLOWED = "followed"
    COMMENTED = "commented"
    REPLIED = "replied"
    RELEVANT = "relevant"
    SHARED = "shared"
    MENTIONED = "mentioned"
    JOIN_REQUESTED = "join_requested"
    JOIN_APPROVED = "join_approved"
    JOIN_DECLINED = "join_declined"
    POST_REMOVED = "post_removed"
    POST_REMOVED_SITE = "post_removed_site"
    COMMENT_REMOVED = "comment_removed"
    WARNED = "warned"
    BANNED = "banned"
    UNBANNED = "unbanned"
    MADE_MODERATOR = "made_moderator"
    MODERATOR_REMOVED = "moderator_removed"
    MADE_OWNER = "made_owner"
    PITCH_RECEIVED = "pitch_received"
    PITCH_WITHDRAWN = "pitch_withdrawn"
    PITCH_SHORTLISTED = "pitch_shortlisted"
    PITCH_ACCEPTED = "pitch_accepted"
    PITCH_DECLINED = "pitch_declined"
    PITCH_REOPENED = "pitch_reopened"
    OPPORTUNITY_CLOSED = "opportunity_closed"
    SEARCH_MATCHED = "search_matched"


# The kinds a bee may turn off, by preference; what moderators and admins do about a bee's
# own content, role or bans is always told.
PREFERENCES: dict[str, tuple[str, ...]] = {
    "followed": (Kind.FOLLOWED,),
    "commented": (Kind.COMMENTED,),
    "replied": (Kind.REPLIED,),
    "relevant": (Kind.RELEVANT,),
    "shared": (Kind.SHARED,),
    "mentioned": (Kind.MENTIONED,),
    "join_requested": (Kind.JOIN_REQUESTED,),
    "join_answered": (Kind.JOIN_APPROVED, Kind.JOIN_DECLINED),
    "pitches": (Kind.PITCH_RECEIVED, Kind.PITCH_WITHDRAWN),
    "search_matched": (Kind.SEARCH_MATCHED,),
}
PREFERENCE_OF = {kind: name for name, kinds in PREFERENCES.items() for kind in kinds}


class Notice(db.Model):
    """Something that happened to ``bee``: done by ``actor`` (another bee), in a hive, to a
    post or comment, with a moderator's reason."""

    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_bee_id", "bee_id", "id"),
        # What an opportunity, an answer or a saved search takes with it when it goes.
        Index("ix_notices_opportunity_id", "opportunity_id"),
        Index("ix_notices_pitch_id", "pitch_id"),
        Index("ix_notices_saved_search_id", "saved_search_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    hive_id: Mapped[int | None] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # An opportunity, an answer to one, or a saved search the notice is about, and how many
    # (new matches of a saved search).
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    pitch_id: Mapped[int | None] = mapped_column(ForeignKey("pitches.id", ondelete="CASCADE"))
    saved_search_id: Mapped[int | None] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"))
    amount: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    hive: Mapped[Hive | None] = relationship(lazy="joined")
    bee: Mapped[Bee] = relationship(foreign_keys=[bee_id], lazy="raise")
    actor: Mapped[Bee | None] = relationship(foreign_keys=[actor_id], lazy="joined")
    opportunity: Mapped[Opportunity | None] = relationship(lazy="joined")
    saved_search: Mapped[SavedSearch | None] = relationship(lazy="joined")


class NoticeOptOut(db.Model):
    """A kind of notice (a key of ``PREFERENCES``) that ``bee`` chose not to receive."""

    __tablename__ = "notice_opt_outs"

    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    preference: Mapped[str] = mapped_column(String(32), primary_key=True)
