"""The moderation log: every moderator's and admin's action, written in the action's own
transaction, and read newest first by anyone a hive's content is open to."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from app.errors import ValidationError
from app.extensions import db
from app.hives.models import REASON_MAX, Action, Hive, LogEntry
from app.i18n import ngettext
from app.posts.models import Post
from app.profiles.models import Bee

LOG_PAGE_SIZE = 50


def record(
    hive_id: int | None,
    moderator: Bee,
    action: str,
    *,
    target_bee_id: int | None = None,
    post_id: int | None = None,
    comment_id: int | None = None,
    reason: str = "",
    until: datetime | None = None,
) -> None:
    """Write one moderation log entry inside the caller's transaction."""
    db.session.add(
        LogEntry(
            hive_id=hive_id,
            moderator_id=moderator.id,
            action=action,
            target_bee_id=target_bee_id,
            post_id=post_id,
            comment_id=comment_id,
            reason=reason,
            until=until,
        )
    )


def clean_reason(reason: str | None, *, required: bool) -> str:
    """A moderator's stated reason, trimmed; required for actions that affect someone."""
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError("reason", _("Say why: the bee affected will read it."))
    if len(reason) > REASON_MAX:
        raise ValidationError(
            "reason",
            ngettext(
                "Keep the reason under %(num)s character.",
                "Keep the reason under %(num)s characters.",
                REASON_MAX,
            ),
        )
    return reason


def log_page(hive: Hive | None, before: int | None = None, limit: int = LOG_PAGE_SIZE):
    """A page of the hive's log (the site's for ``None``), newest first, and the next cursor."""
    where_hive = LogEntry.hive_id.is_(None) if hive is None else LogEntry.hive_id == hive.id
    statement = select(LogEntry).where(where_hive)
    if before:
        statement = statement.where(LogEntry.id < before)
    rows = list(db.session.scalars(statement.order_by(LogEntry.id.desc()).limit(limit + 1)))
    return rows[:limit], rows[limit - 1].id if len(rows) > limit else None


def removal_of(post: Post) -> LogEntry | None:
    """The log entry that removed a post everywhere (or from its private hive), for its
    author's page."""
    return db.session.scalar(
        select(LogEntry)
        .where(
            LogEntry.post_id == post.id,
            LogEntry.action.in_([Action.POST_REMOVED_SITE, Action.POST_REMOVED]),
        )
        .order_by(LogEntry.id.desc())
        .limit(1)
    )
