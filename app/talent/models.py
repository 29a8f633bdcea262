"""What the talent network keeps: the suggestions a bee has set aside."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String
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
