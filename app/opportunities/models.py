"""Opportunities (a job, a freelance gig, a story call) and what bees send in answer.

An opportunity names the skills it needs and the topics it is about
(:class:`OpportunityTerm`, folded like a profile's skills and interests, so the
bees it suits are found by index). Posted to hives, it is announced by a post
of its poster's in those hives (``post_id``), which reaches every member like
any post. A bee answers once: a **pitch** for a story call (an idea and a
summary) or an **application** otherwise (a message and chosen work samples);
the poster moves it through :class:`PitchState`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.profiles.models import LOCATION_MAX, Bee, utcnow

TITLE_MAX = 120
DESCRIPTION_MAX = 10_000
COMPENSATION_MAX = 120
TERM_MAX = 60
IDEA_MAX = 200
PITCH_MAX = 5_000
SAMPLE_TITLE_MAX = 120  # as a work sample's
SAMPLE_URL_MAX = 500


class OpportunityKind:
    """What is offered."""

    JOB = "job"
    FREELANCE = "freelance"
    STORY_CALL = "story_call"
    ALL = (JOB, FREELANCE, STORY_CALL)


class OpportunityState:
    """Open opportunities take answers until their deadline; closed ones take none."""

    OPEN = "open"
    CLOSED = "closed"


class Opportunity(db.Model):
    """Work a recruiter or editor offers, with what it needs and until when."""

    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint("kind IN ('job', 'freelance', 'story_call')", name="known_kind"),
        CheckConstraint("state IN ('open', 'closed')", name="known_state"),
        Index("ix_opportunities_state_id", "state", "id"),
        Index("ix_opportunities_poster_id", "poster_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    poster_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description_source: Mapped[str] = mapped_column(Text)
    description_html: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(LOCATION_MAX), default="")
    remote: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    compensation: Mapped[str] = mapped_column(String(COMPENSATION_MAX), default="")
    # The last day answers are taken (in UTC); None: until the poster closes it.
    deadline: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(8), default=OpportunityState.OPEN)
    # The post that announced it to hives, if it was posted to any.
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    # Answers received (withdrawn ones too), kept in the transaction that adds one.
    pitch_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    poster: Mapped[Bee] = relationship(lazy="joined", innerjoin=True)
    terms: Mapped[list[OpportunityTerm]] = relationship(
        order_by="(OpportunityTerm.kind, OpportunityTerm.place)", lazy="selectin", viewonly=True
    )

    @property
    def is_story_call(self) -> bool:
        """True when answers are pitches (an idea), not applications."""
        return self.kind == OpportunityKind.STORY_CALL

    @property
    def skills(self) -> list[str]:
        """The skills it needs, as the poster wrote them."""
        return [term.name for term in self.terms if term.kind == "skill"]

    @property
    def topics(self) -> list[str]:
        """The interests it is about, as the poster wrote them."""
        return [term.name for term in self.terms if term.kind == "topic"]

    def is_open_on(self, today: date) -> bool:
        """True while it takes answers: open, and its deadline not past."""
        return self.state == OpportunityState.OPEN and (self.deadline is None or today <= self.deadline)


class OpportunityTerm(db.Model):
    """A skill an opportunity needs or a topic (an interest) it is about, folded for matching."""

    __tablename__ = "opportunity_terms"
    __table_args__ = (
        CheckConstraint("kind IN ('skill', 'topic')", name="known_kind"),
        Index("ix_opportunity_terms_kind_key", "kind", "key", "opportunity_id"),
    )

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(TERM_MAX), primary_key=True)
    name: Mapped[str] = mapped_column(String(TERM_MAX))
    place: Mapped[int] = mapped_column(SmallInteger, default=0)


class PitchState:
    """Where an answer stands. The poster moves it among the first four; the bee who sent it
    may withdraw it until it is accepted or declined."""

    NEW = "new"
    SHORTLISTED = "shortlisted"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    PIPELINE = (NEW, SHORTLISTED, ACCEPTED, DECLINED)

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        NEW: {SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN},
        SHORTLISTED: {NEW, ACCEPTED, DECLINED, WITHDRAWN},
        ACCEPTED: {SHORTLISTED, DECLINED},
        DECLINED: {SHORTLISTED, ACCEPTED},
        WITHDRAWN: set(),
    }

    @classmethod
    def can_move(cls, current: str, target: str) -> bool:
        """True when an answer may go from ``current`` to ``target``."""
        return target in cls.TRANSITIONS.get(current, set())


class Pitch(db.Model):
    """A bee's one answer to an opportunity: a pitch (``idea`` set) or an application."""

    __tablename__ = "pitches"
    __table_args__ = (
        UniqueConstraint("opportunity_id", "bee_id", name="uq_pitches_opportunity_bee"),
        CheckConstraint(
            "state IN ('new', 'shortlisted', 'accepted', 'declined', 'withdrawn')", name="known_state"
        ),
        Index("ix_pitches_bee_id", "bee_id", "id"),
        Index("ix_pitches_opportunity_state", "opportunity_id", "state", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    idea: Mapped[str] = mapped_column(String(IDEA_MAX), default="")
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default=PitchState.NEW)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    opportunity: Mapped[Opportunity] = relationship(lazy="joined", innerjoin=True)
    bee: Mapped[Bee] = relationship(lazy="joined", innerjoin=True)
    # The work samples as they were when sent: a profile edited or imported later changes
    # nothing the poster was shown.
    samples: Mapped[list[PitchSample]] = relationship(
        order_by="PitchSample.place", lazy="selectin", viewonly=True
    )


class PitchSample(db.Model):
    """A work sample of the bee's, chosen to go with an application: its title and address
    copied in, and the sample it came from while that exists."""

    __tablename__ = "pitch_samples"
    __table_args__ = (Index("ix_pitch_samples_sample_id", "sample_id"),)

    pitch_id: Mapped[int] = mapped_column(ForeignKey("pitches.id", ondelete="CASCADE"), primary_key=True)
    place: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("work_samples.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(SAMPLE_TITLE_MAX))
    url: Mapped[str] = mapped_column(String(SAMPLE_URL_MAX))
