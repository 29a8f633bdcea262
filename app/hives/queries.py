"""Finding hives and listing their members."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import bindparam, func, or_, select

from app.extensions import db
from app.hives.models import Hive, HiveTag, Membership, MembershipState, active_member_ids
from app.profiles.models import Bee

HIVES_PAGE_SIZE = 24
SEARCH_MAX = 100


@dataclass(frozen=True)
class HiveRow:
    """A hive in a listing, with its member count."""

    hive: Hive
    member_count: int


@dataclass(frozen=True)
class HivesPage:
    """A page of hives by name and the name key to continue after."""

    rows: list[HiveRow]
    next_after: str | None


def _member_count():
    return (
        select(func.count(Membership.id))
        .where(Membership.hive_id == Hive.id, Membership.state == MembershipState.ACTIVE)
        .correlate(Hive)
        .scalar_subquery()
    )


def search_hives(query: str = "", after: str | None = None, limit: int = HIVES_PAGE_SIZE) -> HivesPage:
    """Hives whose name contains ``query`` or that carry it as a tag, by name."""
    statement = select(Hive, _member_count())
    words = (query or "").strip()[:SEARCH_MAX].casefold()
    if words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        tag = words.lstrip("#")
        statement = statement.where(
            or_(
                Hive.name_key.like(f"%{escaped}%", escape="\\"),
                Hive.id.in_(select(HiveTag.hive_id).where(HiveTag.tag == tag)),
            )
        )
    if after:
        statement = statement.where(Hive.name_key > after)
    rows = db.session.execute(statement.order_by(Hive.name_key).limit(limit + 1)).all()
    page = [HiveRow(hive, count) for hive, count in rows[:limit]]
    return HivesPage(rows=page, next_after=rows[limit - 1][0].name_key if len(rows) > limit else None)


def member_count(hive_id: int) -> int:
    """How many active members a hive has."""
    return db.session.scalar(_member_count_statement(), {"hive_id": hive_id}) or 0


@cache
def _member_count_statement():
    return select(func.count()).select_from(active_member_ids(bindparam("hive_id")).subquery())


def member_preview(hive_id: int, limit: int) -> list[Bee]:
    """The first ``limit`` of a hive's active members, by handle (a hive page's sidebar)."""
    return list(db.session.scalars(_member_preview_statement(), {"hive_id": hive_id, "limit": limit}))


@cache
def _member_preview_statement():
    return (
        select(Bee)
        .where(Bee.id.in_(active_member_ids(bindparam("hive_id"))))
        .order_by(Bee.handle)
        .limit(bindparam("limit"))
    )


def member_ids(hive_id: int):
    """Select the ids of a hive's active members (for people pages)."""
    return active_member_ids(hive_id)
