"""Each bee's neighbours: the bees it shares most with, ranked ahead of time for bees to know.

Ranking every bee who shares anything with me reads tens of thousands of postings at scale
(a p95 of 64 ms on PostgreSQL with 100,000 bees). So the :data:`KEPT` strongest are kept,
and bees to know reads them instead: it scores just those again, as they stand now (what we
share, its strength and the order are always current), and leaves out whom I have followed,
blocked or set aside since. When too few are left, or no list was kept, the page ranks
everyone as before, and writes nothing.

A list is ranked again, and kept:

* after each write that changes my hives, interests or skills (:func:`changed`, called by
  those writes), once it has committed: never on a page view;
* by ``flask talent refresh-neighbours``, from cron (:func:`refresh_due`): first the live
  bees who list something and have no list yet, then the oldest lists, which brings in the
  bees whose own changes made them stronger neighbours of mine;
* never from hives, interests or skills I no longer list: each list keeps a fingerprint of
  what it was ranked from, and one that differs is not read.

Both ways: strength is symmetric (what I share with you, you share with me), so when my list
is ranked I also enter the lists of my neighbours for whom I am now among the strongest
(unless they follow me or set me aside). A bee who joins my hive or lists my interests thus
shows among mine at once whenever I am among hers; otherwise, after the next scheduled run.

A ranking is read before its write and kept inside one, with the bee and the neighbours whose
lists it enters locked in id order (PostgreSQL; SQLite has one writer): two rankings touching
the same lists take turns, and one ranked from what the bee no longer lists keeps nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import delete, exists, func, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from app.db import after_write, lock_rows, write_transaction
from app.extensions import db
from app.hives.models import Membership, MembershipState
from app.profiles.models import Bee, Follow, ProfileTag, Skill, utcnow
from app.talent import ranking
from app.talent.models import DismissedSuggestion, Neighbour, NeighbourList
from app.talent.ranking import INTERESTS, Listed

# How many neighbours each list keeps: four pages of bees to know.
KEPT = 24


def fingerprint(mine: Listed) -> str:
    """A digest of what a bee lists: a list ranked from anything else is not read."""
    return hashlib.blake2b(repr(tuple(mine)).encode(), digest_size=16).hexdigest()


class Ranked(NamedTuple):
    """(bee id, strength) of the bees found, strongest first; and whether a kept list gave them."""

    rows: list[tuple[int, int]]
    kept: bool


def ranked(bee_id: int, mine: Listed, never: set[int], limit: int) -> Ranked:
    """The ``limit`` bees not in ``never`` the bee shares most with, strongest first: its kept
    neighbours scored as they stand, or everyone ranked when no list fits (none kept, ranked
    from what the bee no longer lists, or too few left)."""
    kept = db.session.get(NeighbourList, bee_id)
    if kept is not None and kept.fingerprint == fingerprint(mine):
        others = [
            other
            for other in db.session.scalars(select(Neighbour.other_id).where(Neighbour.bee_id == bee_id))
            if other not in never
        ]
        rows = ranking.strongest(mine, set(), limit, among=others) if others else []
        if len(rows) == limit or kept.complete:
            return Ranked(rows, kept=True)
    return Ranked(ranking.rank(mine, never, limit), kept=False)


def changed(bee_id: int) -> None:
    """Inside a write that may change the bee's hives, interests or skills: once it has
    committed, its neighbours are ranked again if what it lists did change (once per write)."""
    after_write(lambda: _refresh_after_write(bee_id), once=("neighbours", bee_id))


def _refresh_after_write(bee_id: int) -> None:
    """:func:`refresh`, after a write that has committed: a failure is logged, never raised
    (the write stands, and the page ranks everyone until the next scheduled run)."""
    try:
        refresh(bee_id)
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.warning("bee %s: neighbours not ranked again", bee_id, exc_info=True)


@dataclass
class Refreshed:
    """What one ranking of a list did."""

    ranked: bool = False
    entered: int = 0  # other bees' lists this bee entered


def refresh(bee_id: int, *, force: bool = False) -> Refreshed:
    """Rank the bee's neighbours and keep them, then enter the lists of those for whom it is
    now among the strongest. Unless ``force``, only when no list is kept or it was ranked from
    what the bee no longer lists. A gone bee, or one who lists nothing, keeps no list."""
    bee = db.session.get(Bee, bee_id)
    mine = ranking.listed(bee_id)
    mark = fingerprint(mine)
    kept = db.session.get(NeighbourList, bee_id)
    if not force and kept is not None and kept.fingerprint == mark:
        return Refreshed()
    if bee is None or not bee.is_active or not any(mine):
        if kept is not None:
            with write_transaction():
                db.session.execute(delete(NeighbourList).where(NeighbourList.bee_id == bee_id))
        return Refreshed()
    rows = ranking.rank(mine, ranking.never(bee_id), KEPT)
    with write_transaction():
        lock_rows(Bee, [bee_id, *(other for other, _strength in rows)])
        if fingerprint(ranking.listed(bee_id)) != mark:  # changed meanwhile: that write ranks it
            return Refreshed()
        _keep(bee_id, mark, rows)
        entered = _enter_theirs(bee_id, rows)
    return Refreshed(ranked=True, entered=entered)


def _upsert(rows: list[dict]) -> postgresql.Insert | sqlite.Insert:
    """INSERT the neighbours, or where one is kept already, set its strength."""
    dialect = db.session.get_bind().dialect.name
    statement = (postgresql if dialect == "postgresql" else sqlite).insert(Neighbour).values(rows)
    return statement.on_conflict_do_update(
        index_elements=["bee_id", "other_id"], set_={"strength": statement.excluded.strength}
    )


def _keep(bee_id: int, mark: str, rows: list[tuple[int, int]]) -> None:
    """Inside the write: the bee's list replaced by ``rows``, ranked from ``mark``."""
    db.session.execute(delete(Neighbour).where(Neighbour.bee_id == bee_id))
    kept = db.session.get(NeighbourList, bee_id, populate_existing=True)
    if kept is None:
        kept = NeighbourList(bee_id=bee_id)
        db.session.add(kept)
    kept.fingerprint, kept.complete, kept.ranked_at = mark, len(rows) < KEPT, utcnow()
    db.session.flush()
    if rows:
        db.session.execute(_upsert([{"bee_id": bee_id, "other_id": o, "strength": s} for o, s in rows]))


def _enter_theirs(bee_id: int, rows: list[tuple[int, int]]) -> int:
    """Enter (or update) the bee in its neighbours' kept lists where it is among the strongest:
    the list is complete, not full, or its weakest is weaker. Not the lists of those who
    follow the bee or set it aside: it is never suggested to them. A list grown past
    :data:`KEPT` loses its weakest, and no longer holds everyone."""
    strengths = dict(rows)
    if not strengths:
        return 0
    for other in db.session.scalars(_not_suggested_to(bee_id, list(strengths))):
        del strengths[other]
    theirs = db.session.execute(
        select(NeighbourList.bee_id, NeighbourList.complete, func.count(Neighbour.other_id))
        .add_columns(func.min(Neighbour.strength))
        .outerjoin(Neighbour, Neighbour.bee_id == NeighbourList.bee_id)
        .where(NeighbourList.bee_id.in_(strengths))
        .group_by(NeighbourList.bee_id, NeighbourList.complete)
    ).all()
    entered = [
        other
        for other, complete, count, weakest in theirs
        if complete or count < KEPT or strengths[other] > weakest
    ]
    if not entered:
        return 0
    db.session.execute(
        _upsert([{"bee_id": other, "other_id": bee_id, "strength": strengths[other]} for other in entered])
    )
    _trim([other for other, _complete, count, _weakest in theirs if other in entered and count >= KEPT])
    return len(entered)


def _not_suggested_to(bee_id: int, others: list[int]):
    """SELECT those of ``others`` who follow the bee or set it aside."""
    return select(Bee.id).where(
        Bee.id.in_(others),
        or_(
            exists().where(Follow.follower_id == Bee.id, Follow.followee_id == bee_id),
            exists().where(
                DismissedSuggestion.bee_id == Bee.id,
                DismissedSuggestion.kind == "bee",
                DismissedSuggestion.target_id == bee_id,
            ),
        ),
    )


def _trim(bee_ids: list[int]) -> None:
    """Keep the :data:`KEPT` strongest of each of these lists (ties: who joined first): three
    statements however many lists grew."""
    if not bee_ids:
        return
    place = func.row_number().over(
        partition_by=Neighbour.bee_id, order_by=(Neighbour.strength.desc(), Neighbour.other_id)
    )
    placed = (
        select(Neighbour.bee_id, Neighbour.other_id, place.label("place"))
        .where(Neighbour.bee_id.in_(bee_ids))
        .subquery()
    )
    beyond = db.session.execute(select(placed.c.bee_id, placed.c.other_id).where(placed.c.place > KEPT)).all()
    if beyond:
        pairs = [tuple(row) for row in beyond]
        db.session.execute(delete(Neighbour).where(tuple_(Neighbour.bee_id, Neighbour.other_id).in_(pairs)))
        db.session.execute(
            update(NeighbourList)
            .where(NeighbourList.bee_id.in_({bee_id for bee_id, _other in pairs}))
            .values(complete=False)
        )


@dataclass
class RefreshRun:
    """What one scheduled run did."""

    ranked: int = 0
    entered: int = 0
    failed: int = 0


def refresh_due(older_than: timedelta, limit: int | None = None) -> RefreshRun:
    """Rank the neighbours of the live bees who list something and have no list yet, then
    again every list older than ``older_than``, oldest first; at most ``limit`` in all. Each
    list is its own transaction; one that fails is logged and the run goes on."""
    run = RefreshRun()
    for bee_id in _due(older_than, limit):
        try:
            done = refresh(bee_id, force=True)
        except SQLAlchemyError:
            db.session.rollback()
            current_app.logger.warning("bee %s: neighbours not ranked again", bee_id, exc_info=True)
            run.failed += 1
            continue
        run.ranked += done.ranked
        run.entered += done.entered
    return run


def _due(older_than: timedelta, limit: int | None) -> list[int]:
    """The bees whose lists are due, in turn: missing ones first (by id), then the oldest."""
    lists_something = or_(
        exists().where(Membership.bee_id == Bee.id, Membership.state == MembershipState.ACTIVE),
        exists().where(ProfileTag.bee_id == Bee.id, ProfileTag.kind.in_(INTERESTS)),
        exists().where(Skill.bee_id == Bee.id),
    )
    missing = (
        select(Bee.id)
        .where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None), lists_something)
        .where(~exists().where(NeighbourList.bee_id == Bee.id))
        .order_by(Bee.id)
        .limit(limit)
    )
    due = list(db.session.scalars(missing))
    if limit is None or len(due) < limit:
        oldest = (
            select(NeighbourList.bee_id)
            .where(NeighbourList.ranked_at < utcnow() - older_than)
            .order_by(NeighbourList.ranked_at, NeighbourList.bee_id)
            .limit(None if limit is None else limit - len(due))
        )
        due += db.session.scalars(oldest)
    return due
