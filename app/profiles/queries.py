"""What a profile page shows: counts, lists of bees, a bee's hives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import bindparam, exists, func, select

from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive, active_hive_ids
from app.posts.models import Kind, Post, PostState
from app.profiles.models import Bee, BeeMute, Block, Follow, HiveMute, followees_of, followers_of

PEOPLE_PAGE_SIZE = 30


@dataclass(frozen=True)
class PeoplePage:
    """A page of bees ordered by handle, and the handle to continue after."""

    bees: list[Bee]
    next_after: str | None


def follow_counts(bee_id: int) -> tuple[int, int]:
    """(followers, following) for a profile page."""
    counted = db.session.execute(_follow_counts_statement(), {"bee_id": bee_id}).one()
    return counted[0], counted[1]


@cache
def _follow_counts_statement():
    bee_id = bindparam("bee_id")
    followers, following = (
        select(func.count()).select_from(query.subquery()).scalar_subquery()
        for query in (followers_of(bee_id), followees_of(bee_id))
    )
    return select(followers, following)


class HiveName(NamedTuple):
    """A hive as a link or a choice: its id, slug, name and privacy."""

    id: int
    slug: str
    name: str
    is_private: bool


def hives_of(bee_id: int, *, viewer_id: int | None = None) -> list[HiveName]:
    """The hives a bee is an active member of, by name. With ``viewer_id`` (0: anonymous),
    only those the viewer may know of: public ones, and private ones the viewer is in."""
    if viewer_id is None or viewer_id == bee_id:
        rows = db.session.execute(_hives_of_statement(), {"bee_id": bee_id})
    else:
        rows = db.session.execute(_hives_seen_statement(), {"bee_id": bee_id, "viewer_id": viewer_id})
    return [HiveName(*row) for row in rows]


@cache
def _hives_of_statement():
    return (
        select(Hive.id, Hive.slug, Hive.name, Hive.is_private)
        .where(Hive.id.in_(active_hive_ids(bindparam("bee_id"))))
        .order_by(Hive.name_key)
    )


@cache
def _hives_seen_statement():
    return _hives_of_statement().where(
        ~Hive.is_private | Hive.id.in_(active_hive_ids(bindparam("viewer_id")))
    )


class Relation(NamedTuple):
    """What stands between a viewer and a bee whose profile they open."""

    follows: bool
    i_blocked: bool
    blocked_me: bool
    i_muted: bool

    @property
    def blocked(self) -> bool:
        """A block either way: neither sees the other's posts."""
        return self.i_blocked or self.blocked_me


NO_RELATION = Relation(False, False, False, False)


def relation(viewer_id: int, bee_id: int) -> Relation:
    """Follow, blocks and mute between ``viewer_id`` and ``bee_id``, in one statement."""
    if not viewer_id or viewer_id == bee_id:
        return NO_RELATION
    return Relation(*db.session.execute(_relation_statement(), {"viewer": viewer_id, "bee": bee_id}).one())


@cache
def _relation_statement():
    viewer, bee = bindparam("viewer"), bindparam("bee")
    return select(
        exists().where(Follow.follower_id == viewer, Follow.followee_id == bee),
        exists().where(Block.blocker_id == viewer, Block.blocked_id == bee),
        exists().where(Block.blocker_id == bee, Block.blocked_id == viewer),
        exists().where(BeeMute.bee_id == viewer, BeeMute.muted_id == bee),
    )


def controls_of(bee_id: int) -> dict[str, list]:
    """The bees ``bee_id`` blocked and muted and the hives they muted, by name."""
    blocked = select(Bee).join(Block, Block.blocked_id == Bee.id).where(Block.blocker_id == bee_id)
    muted = select(Bee).join(BeeMute, BeeMute.muted_id == Bee.id).where(BeeMute.bee_id == bee_id)
    hives = select(Hive).join(HiveMute, HiveMute.hive_id == Hive.id).where(HiveMute.bee_id == bee_id)
    return {
        "blocked": list(db.session.scalars(blocked.order_by(Bee.handle))),
        "muted": list(db.session.scalars(muted.order_by(Bee.handle))),
        "muted_hives": list(db.session.scalars(hives.order_by(Hive.name_key))),
    }


AFTER_MAX = 255


def parse_after(raw: str | None) -> str | None:
    """Validate an ``?after=`` cursor (a handle, or a hive's name key)."""
    if raw in (None, ""):
        return None
    if len(raw) > AFTER_MAX:
        raise ValidationError("after", _("That page link is malformed."))
    return raw


def people_page(ids_query, after: str | None, limit: int = PEOPLE_PAGE_SIZE) -> PeoplePage:
    """Bees whose id is in ``ids_query``, by handle, after the cursor."""
    query = select(Bee).where(Bee.id.in_(ids_query))
    if after:
        query = query.where(Bee.handle > after)
    bees = list(db.session.scalars(query.order_by(Bee.handle).limit(limit + 1)))
    next_after = bees[limit - 1].handle if len(bees) > limit else None
    return PeoplePage(bees=bees[:limit], next_after=next_after)


def existing_handles(handles: set[str]) -> set[str]:
    """Which of ``handles`` (lower case) belong to bees (not deleted ones): what ``@mentions``
    may link to."""
    if not handles:
        return set()
    return set(
        db.session.scalars(
            select(Bee.handle).where(Bee.handle.in_(sorted(handles)), Bee.deleted_at.is_(None))
        )
    )


class HoneyLink(NamedTuple):
    """A honey article as a link on its author's profile."""

    title: str
    slug: str
    created_at: datetime


RECENT_HONEY = 5


def recent_honey(author_id: int, limit: int = RECENT_HONEY) -> list[HoneyLink]:
    """The author's newest honey that anyone may read (none from private hives), newest first."""
    rows = db.session.execute(_recent_honey_statement(), {"author_id": author_id, "limit": limit})
    return [HoneyLink(*row) for row in rows]


@cache
def _recent_honey_statement():
    return (
        select(Post.title, Post.slug, Post.created_at)
        .where(
            Post.author_id == bindparam("author_id"),
            Post.kind == Kind.HONEY,
            Post.state.in_(PostState.VISIBLE),
            Post.private_hive_id.is_(None),
        )
        .order_by(Post.id.desc())
        .limit(bindparam("limit"))
    )
