"""Feeds: strictly newest first, every post exactly once, paged by keyset cursor.

A feed page is the ids of the next ``limit`` posts older than the cursor (post
ids grow with time), then those posts. There is no OFFSET and no COUNT on this
path, and nothing is ranked, filtered, sampled or capped: "Older posts" walks
back to a feed's very first post.

The home feed is built on read from the bee's current follows and hives, so a
follow or join shows the earlier posts at once and an unfollow or leave takes
out exactly what no other path reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, literal_column, select, union, union_all
from sqlalchemy.orm import aliased, defer, selectinload

from app.db import MAX_ID
from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive, active_hive_ids
from app.posts.models import Post, PostHive, PostState
from app.profiles.models import Follow


@dataclass(frozen=True)
class FeedPage:
    """One page of a feed and the cursor of the next (older) page, if any."""

    posts: list[Post]
    next_cursor: int | None


def parse_cursor(raw: str | None) -> int | None:
    """Turn ``?before=`` into a post id; raise :class:`ValidationError` if malformed."""
    if raw in (None, ""):
        return None
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise ValidationError("before", _("That page link is malformed."))
    return int(raw)


def _older(query: Select, column, before: int | None, limit: int) -> Select:
    if before is not None:
        query = query.where(column < before)
    return query.order_by(column.desc()).limit(limit)


# The states are constants written into the SQL (not bound): SQLite and PostgreSQL then match
# the partial index on visible posts, and the compiled statement stays cached.
_VISIBLE_STATES = [literal_column(f"'{state}'") for state in PostState.VISIBLE]


def _visible(post=Post):
    """Visible posts, in the words of the partial index ``ix_posts_visible_author_id``."""
    return post.state.in_(_VISIBLE_STATES)


def home_feed_ids(bee_id: int, before: int | None, limit: int) -> list[int]:
    """Ids of posts by me or bees I follow, or in my hives, newest first.

    Each source (a followed author, myself, one of my hives) gives at most
    ``limit`` of its newest posts older than the cursor, read by one index
    range scan that stops there; the page is the newest ``limit`` of their
    union. A prolific author costs the same as a quiet one, and the page never
    grows with the size of the network.
    """
    params = {"bee_id": bee_id, "at_most": MAX_ID if before is None else before - 1, "limit": limit}
    return list(db.session.scalars(_home_feed_statement(), params))


@cache
def _home_feed_statement() -> Select:
    """The home feed query, built once (it is large) with ``bee_id``, ``at_most`` and ``limit`` bound."""
    bee_id, at_most, limit = bindparam("bee_id"), bindparam("at_most"), bindparam("limit")
    authors = union_all(
        select(Follow.followee_id.label("author_id")).where(Follow.follower_id == bee_id),
        select(bee_id.label("author_id")),
    ).subquery("authors")
    hives = active_hive_ids(bee_id).subquery("my_hives")

    by_author = aliased(Post)
    newest_by_author = (
        select(by_author.id)
        .where(by_author.author_id == authors.c.author_id, _visible(by_author), by_author.id <= at_most)
        .order_by(by_author.id.desc())
        .limit(limit)
        .correlate(authors)
    )
    in_hive, hive_post = aliased(PostHive), aliased(Post)
    newest_in_hive = (
        select(in_hive.post_id)
        .join(hive_post, hive_post.id == in_hive.post_id)
        .where(in_hive.hive_id == hives.c.hive_id, _visible(hive_post), in_hive.post_id <= at_most)
        .order_by(in_hive.post_id.desc())
        .limit(limit)
        .correlate(hives)
    )
    # Joining back through the same indexes (not the posts table) keeps the whole query index-only.
    by_people = (
        select(Post.id.label("id"))
        .select_from(authors)
        .join(Post, (Post.author_id == authors.c.author_id) & _visible() & Post.id.in_(newest_by_author))
    )
    by_hives = (
        select(PostHive.post_id.label("id"))
        .select_from(hives)
        .join(PostHive, (PostHive.hive_id == hives.c.hive_id) & PostHive.post_id.in_(newest_in_hive))
    )
    merged = union(by_people, by_hives).subquery()
    return select(merged.c.id).order_by(merged.c.id.desc()).limit(limit)


def hive_feed_ids(hive_id: int, before: int | None, limit: int) -> list[int]:
    """Ids of the posts in one hive, newest first."""
    query = (
        select(PostHive.post_id)
        .join(Post, Post.id == PostHive.post_id)
        .where(PostHive.hive_id == hive_id, _visible())
    )
    return list(db.session.scalars(_older(query, PostHive.post_id, before, limit)))


def profile_feed_ids(author_id: int, before: int | None, limit: int) -> list[int]:
    """Ids of one bee's posts, newest first."""
    query = select(Post.id).where(Post.author_id == author_id, _visible())
    return list(db.session.scalars(_older(query, Post.id, before, limit)))


def load_posts(ids: list[int]) -> list[Post]:
    """The posts with these ids, authors and hives loaded, in the order given.

    A feed never shows Markdown source or hive tags, so neither is loaded; honey
    shows its excerpt.
    """
    if not ids:
        return []
    posts = db.session.scalars(
        select(Post)
        .where(Post.id.in_(ids))
        .options(selectinload(Post.hives).lazyload(Hive.tags), defer(Post.body_source))
    ).unique()
    by_id = {post.id: post for post in posts}
    return [by_id[post_id] for post_id in ids if post_id in by_id]


def page(ids_for, *, before: int | None, limit: int) -> FeedPage:
    """Fetch one page with ``ids_for(before, limit)``, looking one post ahead."""
    ids = ids_for(before, limit + 1)
    next_cursor = ids[limit - 1] if len(ids) > limit else None
    return FeedPage(posts=load_posts(ids[:limit]), next_cursor=next_cursor)


def home_feed(bee_id: int, before: int | None = None, limit: int = 20) -> FeedPage:
    """One page of a bee's home feed."""
    return page(lambda b, n: home_feed_ids(bee_id, b, n), before=before, limit=limit)


def hive_feed(hive_id: int, before: int | None = None, limit: int = 20) -> FeedPage:
    """One page of a hive's feed."""
    return page(lambda b, n: hive_feed_ids(hive_id, b, n), before=before, limit=limit)


def profile_feed(author_id: int, before: int | None = None, limit: int = 20) -> FeedPage:
    """One page of a bee's own posts."""
    return page(lambda b, n: profile_feed_ids(author_id, b, n), before=before, limit=limit)
