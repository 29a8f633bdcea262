"""What the talent network keeps: the suggestions a bee has set aside, each bee's neighbours
(the bees it shares most with, as last ranked), and the searches recruiters and editors saved
with the bees each one has matched."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.profiles.models import utcnow

# What a suggestion is of.
SUGGESTION_KINDS = ("bee", "hive")


class DismissedSuggestion(db.Model):
    """``bee`` does not want ``target_id`` (a bee or a hive) suggested again."""

    __tablename__ = "dismissed_suggestions"
    __table_args__ = (
        CheckConstraint("kind IN ('bee', 'hive')", name="known_kind"),
        # A deleted account's row goes from everyone's set-aside list (app/profiles/account.py).
        Index("ix_dismissed_suggestions_kind_target", "kind", "target_id"),
    )

    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(4), primary_key=True)
    target_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NeighbourList(db.Model):
    """When ``bee``'s neighbours were last ranked, and from what it listed then.

    ``fingerprint`` digests the bee's hives, interests and skills at that moment: once they
    change, the list is not read. ``complete`` says the ranking found fewer bees than it keeps,
    so the list held every bee who then shared anything and could be suggested (followed,
    blocked, set-aside and gone bees are left out of a ranking), with those who entered it
    since; a list trimmed back to the number kept is not complete (app/talent/neighbours.py).
    """

    __tablename__ = "neighbour_lists"
    __table_args__ = (Index("ix_neighbour_lists_ranked_at", "ranked_at"),)

    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(32))
    complete: Mapped[bool] = mapped_column(Boolean)
    ranked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Neighbour(db.Model):
    """``other`` is among the bees ``bee`` shares most with, ``strength`` points as last ranked."""

    __tablename__ = "neighbours"
    # A deleted account leaves everyone's list (app/profiles/account.py).
    __table_args__ = (Index("ix_neighbours_other_id", "other_id"),)

    bee_id: Mapped[int] = mapped_column(
        ForeignKey("neighbour_lists.bee_id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    strength: Mapped[int] = mapped_column(Integer)


SAVED_NAME_MAX = 80
SAVED_QUERY_MAX = 2_000


class SavedSearch(db.Model):
    """A talent search ``bee`` keeps, as the query string of its page, to be told of new
    matches. ``seen_at`` is when its owner last opened it: matches found since are new."""

    __tablename__ = "saved_searches"
    __table_args__ = (Index("ix_saved_searches_bee_id", "bee_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(SAVED_NAME_MAX))
    query: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SavedSearchMatch(db.Model):
    """A bee a saved search has matched, and when it was first found."""

    __tablename__ = "saved_search_matches"
    __table_args__ = (
        Index("ix_saved_search_matches_found", "saved_search_id", "found_at"),
        # A deleted account leaves every search's matches (app/profiles/account.py).
        Index("ix_saved_search_matches_bee_id", "bee_id"),
    )

    saved_search_id: Mapped[int] = mapped_column(
        ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True
    )
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"), primary_key=True)
    found_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
