"""Bees (members) and the follow graph."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db

# What an account is for: every bee is a member; recruiters and editors also look for talent.
ACCOUNT_KINDS = ("bee", "recruiter", "editor")
TALENT_SEEKERS = frozenset({"recruiter", "editor"})
HANDLE_PATTERN = re.compile(r"[a-z0-9_]{3,30}")
DISPLAY_NAME_MAX = 50
HEADLINE_MAX = 120
EMAIL_MAX = 254
LOCATION_MAX = 100
PASSWORD_MIN = 12
PASSWORD_MAX = 1024


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class Bee(UserMixin, db.Model):
    """A member of Apiary. The handle is stored lower-case and unique."""

    __tablename__ = "bees"
    __table_args__ = (
        Index("ix_bees_career_start", "career_start"),
        # The few bees who are gone, for searches that leave them out without reading every row.
        Index(
            "ix_bees_gone",
            "id",
            sqlite_where=text("deleted_at IS NOT NULL OR suspended_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL OR suspended_at IS NOT NULL"),
        ),
    )

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

    # The personal brand beside the headline: a Markdown statement (source and sanitized HTML,
    # rendered on write), where the bee is, and a photo (the random name of its files, or None).
    statement: Mapped[str] = mapped_column(Text, default="", server_default="")
    statement_html: Mapped[str] = mapped_column(Text, default="", server_default="")
    location: Mapped[str] = mapped_column(String(LOCATION_MAX), default="", server_default="")
    # The location folded as search folds text (app.search.folding), for talent search's filter.
    location_key: Mapped[str] = mapped_column(String(LOCATION_MAX), default="", server_default="")
    # The first month of the earliest position on the profile: years of experience count from it.
    career_start: Mapped[date | None] = mapped_column(Date)
    photo: Mapped[str | None] = mapped_column(String(40))
    # "Open to opportunities": shown to recruiter and editor accounts only (policy.can_see_openness).
    open_to_work: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    open_to_freelance: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # One of ACCOUNT_KINDS: recruiters and editors search talent and see who is open to work.
    account_kind: Mapped[str] = mapped_column(String(12), default="bee", server_default="bee")
    # Set when the bee deleted their account: the row stays only to hold the handle for a
    # grace period (app/profiles/account.py); everything personal is gone.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_suspended(self) -> bool:
        """True while a site admin has suspended the bee."""
        return self.suspended_at is not None

    @property
    def is_active(self) -> bool:
        """Flask-Login's question: a suspended or deleted bee is not let in."""
        return not self.is_suspended and self.deleted_at is None

    @property
    def is_deleted(self) -> bool:
        """True once the bee deleted their account."""
        return self.deleted_at is not None

    @property
    def is_talent_seeker(self) -> bool:
        """Recruiter and editor accounts search talent and see who is open to work."""
        return self.account_kind in TALENT_SEEKERS

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


def gone_bee_ids():
    """Select the ids of the bees who are gone (deleted or suspended): a few, read from the
    partial index ix_bees_gone."""
    return select(Bee.id).where(or_(Bee.deleted_at.is_not(None), Bee.suspended_at.is_not(None)))


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


# The whole person: the lists a profile shows beside the personal brand. Each row belongs to one
# bee and has a ``place`` in its list (0 first), which the bee changes by moving entries.


class _Entry:
    id: Mapped[int] = mapped_column(primary_key=True)
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    place: Mapped[int] = mapped_column(Integer, default=0)


# Kinds of profile tags: interests, hobbies and causes are free words; a language has a fluency.
TAG_KINDS = ("interest", "hobby", "cause", "language")


class ProfileTag(_Entry, db.Model):
    """An interest, hobby, cause or language as the bee wrote it, with its folded ``key``
    (app.search.folding) so that "Café" and "cafe" are one interest and searches match it."""

    __tablename__ = "profile_tags"
    __table_args__ = (
        UniqueConstraint("bee_id", "kind", "key", name="uq_profile_tags_bee_kind_key"),
        # Covering: talent search and suggestions read the bees of a key from the index alone.
        Index("ix_profile_tags_kind_key_bee", "kind", "key", "bee_id"),
    )

    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(50))
    key: Mapped[str] = mapped_column(String(50))
    # A language's fluency ("native", "C1", "conversational"); empty for other kinds.
    detail: Mapped[str] = mapped_column(String(40), default="", server_default="")


class ProfileLink(_Entry, db.Model):
    """A link on the profile: a label and an http or https address."""

    __tablename__ = "profile_links"
    __table_args__ = (Index("ix_profile_links_bee_place", "bee_id", "place"),)

    label: Mapped[str] = mapped_column(String(60))
    url: Mapped[str] = mapped_column(String(500))


class Position(_Entry, db.Model):
    """A job held: from a month to a month, or still held (``end_on`` None). Dates are the
    first of their month."""

    __tablename__ = "positions"
    __table_args__ = (
        Index("ix_positions_bee_place", "bee_id", "place"),
        CheckConstraint("end_on IS NULL OR end_on >= start_on", name="ends_after_start"),
    )

    title: Mapped[str] = mapped_column(String(120))
    organization: Mapped[str] = mapped_column(String(120))
    location: Mapped[str] = mapped_column(String(LOCATION_MAX), default="", server_default="")
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")


class Education(_Entry, db.Model):
    """A school or course: the institution, the degree and field, and optional months."""

    __tablename__ = "education"
    __table_args__ = (
        Index("ix_education_bee_place", "bee_id", "place"),
        CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on", name="ends_after_start"),
    )

    institution: Mapped[str] = mapped_column(String(120))
    degree: Mapped[str] = mapped_column(String(120), default="", server_default="")
    area: Mapped[str] = mapped_column(String(120), default="", server_default="")
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")


# A skill's optional level, lowest first.
SKILL_LEVELS = ("beginner", "intermediate", "advanced", "expert")


class Skill(_Entry, db.Model):
    """A skill with optional years of practice or level; ``key`` is its folded name."""

    __tablename__ = "skills"
    __table_args__ = (
        UniqueConstraint("bee_id", "key", name="uq_skills_bee_key"),
        Index("ix_skills_key_bee", "key", "bee_id"),  # covering, as for profile tags
    )

    name: Mapped[str] = mapped_column(String(60))
    key: Mapped[str] = mapped_column(String(60))
    years: Mapped[int | None] = mapped_column(SmallInteger)
    level: Mapped[str | None] = mapped_column(String(12))


class Certification(_Entry, db.Model):
    """A certificate: its name, who issued it, when, and where to check it."""

    __tablename__ = "certifications"
    __table_args__ = (Index("ix_certifications_bee_place", "bee_id", "place"),)

    name: Mapped[str] = mapped_column(String(120))
    issuer: Mapped[str] = mapped_column(String(120), default="", server_default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str] = mapped_column(String(500), default="", server_default="")


class WorkSample(_Entry, db.Model):
    """Something the bee made, to show: a title, an address and a few words about it."""

    __tablename__ = "work_samples"
    __table_args__ = (Index("ix_work_samples_bee_place", "bee_id", "place"),)

    title: Mapped[str] = mapped_column(String(120))
    url: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
