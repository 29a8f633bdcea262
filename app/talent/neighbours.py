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
* by ``flask talent refresh-neighbours``, from cron, oldest first (:func:`refresh_oldest`),
  which brings in the bees whose own changes made them stronger neighbours of mine;
* never from hives, interests or skills I no longer list: each list keeps a fingerprint of
  what it was ranked from, and one that differs is not read.

Both ways: strength is symmetric (what I share with you, you share with me), so when my list
is ranked I also enter the lists of my neighbours for whom I am now among the strongest. A
bee who joins my hive or lists my interests thus shows among mine at once whenever I am
among hers; otherwise, after the next scheduled run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from app.db import after_write, write_transaction
from app.extensions import db
from app.profiles.models import Bee, utcnow
from app.talent import ranking
from app.talent.models import Neighbour, NeighbourList
from app.talent.ranking import Listed

# How many neighbours each list keeps: four pages of bees to know.
KEPT = 24


def fingerprint(mine: Listed) -> str:
    """A digest of what a bee lists: a list ranked from anything else is not read."""
    return hashlib.blake2b(repr(tuple(mine)).encode(), digest_size=16).hexdigest()


def ranked(bee_id: int, mine: Listed, never: set[int], limit: int) -> list[tuple[int, int]]:
    """(bee id, strength) of the ``limit`` bees not in ``never`` the bee shares most with,
    strongest first: its kept neighbours scored as they stand, or everyone ranked when no
    list fits (none kept, ranked from what the bee no longer lists, or too few left)."""
    kept = db.session.get(NeighbourList, bee_id)
    if kept is not None and kept.fingerprint == fingerprint(mine):
        others = [
            other
            for other in db.session.scalars(select(Neighbour.other_id).where(Neighbour.bee_id == bee_id))
            if other not in never
        ]
        rows = ranking.strongest(mine, set(), limit, among=others) if others else []
        if len(rows) == limit or kept.complete:
            return rows
    return ranking.rank(mine, never, limit)


def changed(bee_id: int) -> None:
    """Inside a write that may change the bee's hives, interests or skills: once it has
    committed, its neighbours are ranked again if what it lists did change."""
    after_write(lambda: _refresh_after_write(bee_id))


def _refresh_after_write(bee_id: int) -> None:
    try:
        refresh(bee_id)
    except OperationalError:  # the write stands; the page ranks everyone until the next run
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
        with write_transaction():
            db.session.execute(delete(NeighbourList).where(NeighbourList.bee_id == bee_id))
        return Refreshed()
    rows = ranking.rank(mine, ranking.never(bee_id), KEPT)
    with write_transaction():
        _keep(bee_id, mark, rows)
        entered = _enter_theirs(bee_id, rows)
    return Refreshed(ranked=True, entered=entered)


def _upsert(rows: list[dict]):
    """INSERT the neighbours, or where one is kept already, set its strength."""
    dialect = db.session.get_bind().dialect.name
    statement = (postgresql if dialect == "postgresql" else sqlite).insert(Neighbour).values(rows)
    return statement.on_conflict_do_update(
        index_elements=["bee_id", "other_id"], set_={"strength": statement.excluded.strength}
    )


def _keep(bee_id: int, mark: str, rows: list[tuple[int, int]]) -> None:
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
    the list is complete, not full, or its weakest is no stronger. A list grown past
    :data:`KEPT` loses its weakest, and no longer holds everyone."""
    strengths = dict(rows)
    if not strengths:
        return 0
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
        if complete or count < KEPT or strengths[other] >= weakest
    ]
    if not entered:
        return 0
    db.session.execute(
        _upsert([{"bee_id": other, "other_id": bee_id, "strength": strengths[other]} for other in entered])
    )
    for other, _complete, count, _weakest in theirs:
        if other in entered and count >= KEPT:
            _trim(other)
    return len(entered)


def _trim(bee_id: int) -> None:
    """Keep the :data:`KEPT` strongest of the bee's list (ties: who joined first)."""
    beyond = (
        select(Neighbour.other_id)
        .where(Neighbour.bee_id == bee_id)
        .order_by(Neighbour.strength.desc(), Neighbour.other_id)
        .offset(KEPT)
    )
    weakest = list(db.session.scalars(beyond))
    if weakest:
        db.session.execute(
            delete(Neighbour).where(Neighbour.bee_id == bee_id, Neighbour.other_id.in_(weakest))
        )
        db.session.get(NeighbourList, bee_id).complete = False


def refresh_oldest(older_than: timedelta, limit: int | None = None) -> tuple[int, int]:
    """Rank again every kept list older than ``older_than``, oldest first (at most ``limit``):
    (lists ranked, other lists entered). Each list is its own transaction."""
    query = (
        select(NeighbourList.bee_id)
        .where(NeighbourList.ranked_at < utcnow() - older_than)
        .order_by(NeighbourList.ranked_at, NeighbourList.bee_id)
        .limit(limit)
    )
    ranked_count = entered = 0
    for bee_id in db.session.scalars(query).all():
        done = refresh(bee_id, force=True)
        ranked_count += done.ranked
        entered += done.entered
    return ranked_count, entered
