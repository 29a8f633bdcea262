"""Provable reach: how many bees a post is delivered to, kept exact on every change.

The rule
--------
A post's audience is every bee who follows its author, together with every
active member of each hive it is in, counted once, the author and any bee on
either side of a block with the author excluded. A post to a private hive is
that hive's alone: its audience is the hive's members, and followers outside
it do not receive it.
Home feeds are built from the current follow graph and memberships, so the
audience is exactly the set of bees whose home feed holds the post, and
``Post.delivered_count`` is its size *now*:

* following a bee, or joining a hive, brings that bee's (or that hive's) earlier
  posts into my feed, so each of those posts counts me from then on;
* unfollowing or leaving takes a post out of my feed only if no other path
  (another followed author, another hive of the post) still reaches me, and the
  count drops exactly then;
* a moderator removing a post from a hive takes it out of the feeds it reached
  through that hive only (:func:`recount`);
* blocking takes each bee's posts out of the other's feed (follows between
  them end first), and unblocking brings back those a hive still carries;
* muting is the reader's choice about their own feed, not a change of
  audience: a mute hides posts when the feed is read and moves no count;
* deleted or removed posts leave every feed and their count is no longer shown.

Counts are kept in the same transaction as the change that moves them, so a
reader never sees a feed and a count that disagree. The tests compare every
count with a brute-force recount over random graphs.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, func, or_, select, union, update
from sqlalchemy.orm import aliased

from app.extensions import db
from app.hives.models import Membership, MembershipState
from app.posts.models import Post, PostHive, PostState
from app.profiles.models import Block, Follow, blocked_either_way


def _audience(author_id: int, hive_ids: list[int], *, private: bool):
    """SELECT the distinct ids of the bees a post of ``author_id`` to ``hive_ids`` reaches, or
    None when nobody can be reached (a private post with no hive)."""
    followers = select(Follow.follower_id.label("bee_id")).where(Follow.followee_id == author_id)
    if not hive_ids:
        return None if private else followers
    members = select(Membership.bee_id).where(
        Membership.hive_id.in_(hive_ids),
        Membership.state == MembershipState.ACTIVE,
        Membership.bee_id != author_id,
        Membership.bee_id.not_in(blocked_either_way(author_id)),
    )
    return members if private else union(followers, members)


def audience_size(author_id: int, hive_ids: list[int], *, private: bool = False) -> int:
    """Count the distinct bees reached by a post of ``author_id`` to ``hive_ids`` (a private
    post: to its one private hive, without the author's followers)."""
    audience = _audience(author_id, hive_ids, private=private)
    if audience is None:
        return 0
    return db.session.scalar(select(func.count()).select_from(audience.subquery())) or 0


def audience_ids(author_id: int, hive_ids: list[int], *, private: bool = False) -> list[int]:
    """The bees a new post reaches (see :func:`audience_size`): its count, and whom to tell."""
    audience = _audience(author_id, hive_ids, private=private)
    if audience is None:
        return []
    return list(db.session.connection().execute(audience).scalars())  # plain rows: thousands of ids


def recount(post_id: int) -> None:
    """Set a post's count from its audience now (after it left a hive)."""
    post = db.session.get(Post, post_id)
    hive_ids = list(db.session.scalars(select(PostHive.hive_id).where(PostHive.post_id == post_id)))
    post.delivered_count = audience_size(post.author_id, hive_ids, private=post.private_hive_id is not None)


def _blocked_between(bee_id: int, author_id):
    """EXISTS: a block stands between ``bee_id`` and the author, either way."""
    return exists(
        select(Block.blocker_id).where(
            or_(
                and_(Block.blocker_id == bee_id, Block.blocked_id == author_id),
                and_(Block.blocker_id == author_id, Block.blocked_id == bee_id),
            )
        )
    )


def _reaches_through_hive(bee_id: int, *, except_hive_id: int | None = None):
    """EXISTS: the post being updated is in a hive ``bee_id`` is an active member of."""
    post_hive = aliased(PostHive)
    query = (
        select(post_hive.post_id)
        .join(Membership, Membership.hive_id == post_hive.hive_id)
        .where(
            post_hive.post_id == Post.id,
            Membership.bee_id == bee_id,
            Membership.state == MembershipState.ACTIVE,
        )
    )
    if except_hive_id is not None:
        query = query.where(post_hive.hive_id != except_hive_id)
    return exists(query)


def follow_changed(follower_id: int, followee_id: int, delta: int) -> None:
    """Adjust the followee's posts that the follower reaches only through the follow."""
    db.session.execute(
        update(Post)
        .where(
            Post.author_id == followee_id,
            Post.state.in_(PostState.VISIBLE),
            Post.private_hive_id.is_(None),
            ~_reaches_through_hive(follower_id),
        )
        .values(delivered_count=Post.delivered_count + delta)
        .execution_options(synchronize_session=False)
    )


def membership_changed(bee_id: int, hive_id: int, delta: int) -> None:
    """Adjust the hive's posts that the bee reaches only through this membership."""
    follows_author = exists(
        select(Follow.follower_id).where(Follow.follower_id == bee_id, Follow.followee_id == Post.author_id)
    )
    db.session.execute(
        update(Post)
        .where(
            Post.id.in_(select(PostHive.post_id).where(PostHive.hive_id == hive_id)),
            Post.author_id != bee_id,
            Post.state.in_(PostState.VISIBLE),
            ~(follows_author & Post.private_hive_id.is_(None)),
            ~_reaches_through_hive(bee_id, except_hive_id=hive_id),
            ~_blocked_between(bee_id, Post.author_id),
        )
        .values(delivered_count=Post.delivered_count + delta)
        .execution_options(synchronize_session=False)
    )


def block_changed(bee_id: int, other_id: int, delta: int) -> None:
    """Adjust each bee's posts that reach the other through a hive (a block has ended any
    follow between them, so a hive is the only way left)."""
    for author_id, reader_id in ((bee_id, other_id), (other_id, bee_id)):
        db.session.execute(
            update(Post)
            .where(
                Post.author_id == author_id,
                Post.state.in_(PostState.VISIBLE),
                _reaches_through_hive(reader_id),
            )
            .values(delivered_count=Post.delivered_count + delta)
            .execution_options(synchronize_session=False)
        )
