"""Telling a bee what happened to them, and reading what they were told."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, delete, func, select, update

from app import realtime
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.notifications.models import PREFERENCE_OF, PREFERENCES, Notice, NoticeOptOut
from app.profiles.models import Bee, utcnow

NOTICES_PAGE_SIZE = 30


def notify(
    bee_id: int,
    kind: str,
    *,
    actor_id: int | None = None,
    hive_id: int | None = None,
    post_id: int | None = None,
    comment_id: int | None = None,
    reason: str = "",
    until: datetime | None = None,
    opportunity_id: int | None = None,
    pitch_id: int | None = None,
    saved_search_id: int | None = None,
    amount: int | None = None,
) -> bool:
    """Leave ``bee_id`` a notice, inside the caller's write transaction; their open pages
    update the badge after the commit. Nobody is told of their own doings, and a kind the bee
    turned off is not written. Returns whether a notice was left."""
    if actor_id == bee_id or _turned_off(bee_id, kind):
        return False
    db.session.add(
        Notice(
            bee_id=bee_id,
            actor_id=actor_id,
            kind=kind,
            hive_id=hive_id,
            post_id=post_id,
            comment_id=comment_id,
            reason=reason,
            until=until,
            opportunity_id=opportunity_id,
            pitch_id=pitch_id,
            saved_search_id=saved_search_id,
            amount=amount,
        )
    )
    _count_unread(bee_id, +1)
    return True


def lock_recipients(*bee_ids: int | None) -> None:
    """Lock the rows of the actor and every bee a write may tell, in id order, before any
    post's or hive's row: :func:`notify` updates each recipient's badge, and a recipient's row
    taken late (after a post's, say) would deadlock on PostgreSQL with a write that takes the
    same two rows the other way round. Call it first in the write transaction."""
    lock_rows(Bee, [bee_id for bee_id in bee_ids if bee_id])


def drop_notices(condition) -> None:
    """Inside the caller's write: delete the notices matching ``condition`` (read or not),
    taking the unread ones off their recipients' badges."""
    unread = db.session.execute(
        select(Notice.bee_id, func.count(Notice.id))
        .where(condition, Notice.read_at.is_(None))
        .group_by(Notice.bee_id)
    ).all()
    db.session.execute(delete(Notice).where(condition).execution_options(synchronize_session=False))
    for recipient_id, count in unread:
        _count_unread(recipient_id, -count)


def withdraw(
    bee_id: int, kind: str, *, actor_id: int, post_id: int | None = None, hive_id: int | None = None
) -> None:
    """Take back the unread notices of ``kind`` that ``actor_id`` caused (a Relevant mark taken
    back, an unfollow), inside the caller's write transaction."""
    gone = db.session.execute(
        delete(Notice)
        .where(
            Notice.bee_id == bee_id,
            Notice.kind == kind,
            Notice.actor_id == actor_id,
            Notice.post_id.is_(None) if post_id is None else Notice.post_id == post_id,
            Notice.hive_id.is_(None) if hive_id is None else Notice.hive_id == hive_id,
            Notice.read_at.is_(None),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if gone:
        _count_unread(bee_id, -gone)


def _count_unread(bee_id: int, delta: int) -> None:
    move_badge(bee_id, Bee.unread_notices, delta)


def move_badge(bee_id: int, badge, delta: int) -> None:
    """Add ``delta`` to one of a bee's badge counters (``Bee.unread_notices`` or
    ``Bee.unread_messages``) inside the caller's transaction; their open pages fetch the
    numbers again after the commit."""
    if delta:
        db.session.execute(
            update(Bee)
            .where(Bee.id == bee_id)
            .values({badge: badge + delta})
            .execution_options(synchronize_session=False)
        )
        realtime.badges_changed([bee_id])


def _turned_off(bee_id: int, kind: str) -> bool:
    preference = PREFERENCE_OF.get(kind)
    return preference is not None and db.session.get(NoticeOptOut, (bee_id, preference)) is not None


def preferences(bee_id: int) -> dict[str, bool]:
    """Each kind of notice a bee may turn off, and whether it is on."""
    off = set(db.session.scalars(select(NoticeOptOut.preference).where(NoticeOptOut.bee_id == bee_id)))
    return {name: name not in off for name in PREFERENCES}


def set_preferences(bee: Bee, wanted: Iterable[str]) -> dict[str, bool]:
    """Turn on exactly the ``wanted`` kinds of notice (the others off); unknown names are
    refused with a :class:`ValidationError`."""
    wanted = set(wanted)
    if not wanted <= PREFERENCES.keys():
        raise ValidationError("kinds", _("Choose among the kinds of notice listed."))
    with write_transaction():
        lock_rows(Bee, [bee.id])
        db.session.execute(delete(NoticeOptOut).where(NoticeOptOut.bee_id == bee.id))
        db.session.add_all(
            NoticeOptOut(bee_id=bee.id, preference=name) for name in PREFERENCES if name not in wanted
        )
    return preferences(bee.id)


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
        lock_rows(Bee, [bee.id])  # a notice written meanwhile must not be cleared unread
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
        realtime.badges_changed([bee.id])


def mark_read(bee: Bee, notice_id: int) -> Notice:
    """Mark one of ``bee``'s notices read (again is harmless); someone else's is not found."""
    with write_transaction():
        lock_rows(Bee, [bee.id])
        notice = db.session.get(Notice, notice_id) if 0 < notice_id <= MAX_ID else None
        if notice is None or notice.bee_id != bee.id:
            raise NotFound(_("That notice does not exist."))
        if notice.read_at is None:
            notice.read_at = utcnow()
            _count_unread(bee.id, -1)
    return notice


def unread_counts(bee_id: int) -> dict[str, int]:
    """The numbers on a bee's badges."""
    row = db.session.execute(select(Bee.unread_notices, Bee.unread_messages).where(Bee.id == bee_id)).first()
    notices, messages = row if row else (0, 0)
    return {"notices": notices or 0, "messages": messages or 0}
