"""Telling a bee what happened to them, and reading what they were told."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, select, update

from app.db import MAX_ID, write_transaction
from app.extensions import db
from app.notifications.models import Notice
from app.profiles.models import Bee, utcnow

NOTICES_PAGE_SIZE = 30


def notify(
    bee_id: int,
    kind: str,
    *,
    hive_id: int | None = None,
    post_id: int | None = None,
    comment_id: int | None = None,
    reason: str = "",
    until: datetime | None = None,
) -> None:
    """Leave ``bee_id`` a notice, inside the caller's write transaction."""
    db.session.add(
        Notice(
            bee_id=bee_id,
            kind=kind,
            hive_id=hive_id,
            post_id=post_id,
            comment_id=comment_id,
            reason=reason,
            until=until,
        )
    )
    db.session.execute(
        update(Bee)
        .where(Bee.id == bee_id)
        .values(unread_notices=Bee.unread_notices + 1)
        .execution_options(synchronize_session=False)
    )


def notices_page(
    bee_id: int, before: int | None, limit: int = NOTICES_PAGE_SIZE
) -> tuple[list[Notice], int | None]:
    """A bee's notices, newest first, and the cursor of the next (older) page."""
    rows = list(
        db.session.scalars(
            _notices_statement(),
            {"bee_id": bee_id, "at_most": before - 1 if before else MAX_ID, "limit": limit + 1},
        )
    )
    return rows[:limit], rows[limit - 1].id if len(rows) > limit else None


@cache
def _notices_statement():
    return (
        select(Notice)
        .where(Notice.bee_id == bindparam("bee_id"), Notice.id <= bindparam("at_most"))
        .order_by(Notice.id.desc())
        .limit(bindparam("limit"))
    )


def mark_all_read(bee: Bee) -> None:
    """Mark every notice of ``bee`` read and clear the badge."""
    with write_transaction():
        db.session.execute(
            update(Notice)
            .where(Notice.bee_id == bee.id, Notice.read_at.is_(None))
            .values(read_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        db.session.execute(
            update(Bee)
            .where(Bee.id == bee.id)
            .values(unread_notices=0)
            .execution_options(synchronize_session=False)
        )
