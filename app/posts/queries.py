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
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, case, func, literal, literal_column, select, union, union_all
from sqlalchemy.orm import aliased

from app.db import MAX_ID
from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive, active_hive_ids
from app.posts.models import Kind, Post, PostFacts, PostHive, PostState
from app.profiles.models import Bee, Follow


@dataclass(frozen=True)
class FeedPage:
    """One page of a feed and the cursor of the next (older) page, if any."""

    posts: list[FeedPost]
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


# The home feed first looks this many ids back per post wanted (about two days of the 1M-post
# benchmark network), then eight times further each time a page is not yet full.
FIRST_WINDOW_PER_POST = 1024
WINDOW_GROWTH = 8


def home_feed_ids(bee_id: int, before: int | None, limit: int, *, window: int | None = None) -> list[int]:
    """Ids of posts by me or bees I follow, or in my hives, newest first.

    Each source (a followed author, myself, one of my hives) gives at most
    ``limit`` of its newest posts older than the cursor, read by one index
    range scan that stops there; the page is the newest ``limit`` of their
    union. A prolific author costs the same as a quiet one, and the page never
    grows with the size of the network.

    The scans are first confined to the ``window`` ids below the cursor (post
    ids grow with time, so that is the last day or two), where a busy feed
    finds a whole page; when fewer than ``limit`` posts are there, the window
    grows until it reaches the first post ever. A post older than the window
    has a smaller id than any post in it, so a full page from the window is
    exactly the page the whole history gives: nothing is skipped or capped.
    """
    newest = db.session.scalar(select(func.max(Post.id))) or 0
    at_most = newest if before is None else min(before - 1, newest)
    window = window or limit * FIRST_WINDOW_PER_POST
    while True:
        above = max(at_most - window, 0)
        params = {"bee_id": bee_id, "at_most": at_most, "above": above, "limit": limit}
        ids = list(db.session.scalars(_home_feed_statement(), params))
        if len(ids) >= limit or above == 0:
            return ids
        window *= WINDOW_GROWTH


@cache
def _home_feed_statement() -> Select:
    """The home feed query, built once (it is large), with ``bee_id``, ``limit`` and the window
    ``above < id <= at_most`` bound."""
    bee_id, limit = bindparam("bee_id"), bindparam("limit")
    at_most, above = bindparam("at_most"), bindparam("above")
    authors = union_all(
        select(Follow.followee_id.label("author_id")).where(Follow.follower_id == bee_id),
        select(bee_id.label("author_id")),
    ).subquery("authors")
    hives = active_hive_ids(bee_id).subquery("my_hives")

    by_author = aliased(Post)
    newest_by_author = (
        select(by_author.id)
        .where(
            by_author.author_id == authors.c.author_id,
            _visible(by_author),
            by_author.id <= at_most,
            by_author.id > above,
        )
        .order_by(by_author.id.desc())
        .limit(limit)
        .correlate(authors)
    )
    in_hive, hive_post = aliased(PostHive), aliased(Post)
    newest_in_hive = (
        select(in_hive.post_id)
        .join(hive_post, hive_post.id == in_hive.post_id)
        .where(
            in_hive.hive_id == hives.c.hive_id,
            _visible(hive_post),
            in_hive.post_id <= at_most,
            in_hive.post_id > above,
        )
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


@dataclass(frozen=True, slots=True)
class FeedAuthor:
    """The author line of a feed card."""

    handle: str
    display_name: str


@dataclass(frozen=True, slots=True)
class FeedHive:
    """A hive badge on a feed card."""

    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class FeedPost(PostFacts):
    """A post as a feed card shows it, read as plain columns rather than ORM objects.

    ``body_html`` is empty for honey: a feed shows its title and excerpt, and
    the article itself is read on its own page.
    """

    id: int
    author_id: int
    author: FeedAuthor
    kind: str
    state: str
    title: str | None
    slug: str | None
    body_html: str
    excerpt: str
    delivered_count: int
    created_at: datetime
    edited_at: datetime | None
    hives: tuple[FeedHive, ...]


def load_posts(ids: list[int]) -> list[FeedPost]:
    """The posts with these ids as feed cards, in the order given: two queries, columns only."""
    if not ids:
        return []
    posts_query, hives_query = _feed_card_statements()
    hives: dict[int, list[FeedHive]] = {}
    for post_id, slug, name in db.session.execute(hives_query, {"ids": ids}):
        hives.setdefault(post_id, []).append(FeedHive(slug, name))
    by_id = {}
    for post_id, author_id, handle, display_name, *columns in db.session.execute(posts_query, {"ids": ids}):
        author = FeedAuthor(handle, display_name)
        by_id[post_id] = FeedPost(post_id, author_id, author, *columns, hives=tuple(hives.get(post_id, ())))
    return [by_id[post_id] for post_id in ids if post_id in by_id]


@cache
def _feed_card_statements() -> tuple[Select, Select]:
    """The two queries of :func:`load_posts`, built once with the ids bound as ``ids``."""
    ids = bindparam("ids", expanding=True)
    posts = (
        select(
            Post.id,
            Post.author_id,
            Bee.handle,
            Bee.display_name,
            Post.kind,
            Post.state,
            Post.title,
            Post.slug,
            case((Post.kind == Kind.HONEY, literal("")), else_=Post.body_html),
            Post.excerpt,
            Post.delivered_count,
            Post.created_at,
            Post.edited_at,
        )
        .join(Bee, Bee.id == Post.author_id)
        .where(Post.id.in_(ids))
    )
    hives = (
        select(PostHive.post_id, Hive.slug, Hive.name)
        .join(Hive, Hive.id == PostHive.hive_id)
        .where(PostHive.post_id.in_(ids))
        .order_by(Hive.name)
    )
    return posts, hives


def page(ids_for, *, before: int | None, limit: int) -> FeedPage:
    """Fetch one page with ``ids_for(before, limit)``, looking one post ahead."""
    ids = ids_for(before, limit + 1)
    next_cursor = ids[limit - 1] if len(ids) > limit else None
    return FeedPage(posts=load_posts(ids[:limit]), next_cursor=next_cursor)


def home_feed(
    bee_id: int, before: int | None = None, limit: int = 20, *, window: int | None = None
) -> FeedPage:
    """One page of a bee's home feed (``window``: see :func:`home_feed_ids`)."""
    return page(lambda b, n: home_feed_ids(bee_id, b, n, window=window), before=before, limit=limit)


def hive_feed(hive_id: int, before: int | None = None, limit: int = 20) -> FeedPage:
    """One page of a hive's feed."""
    return page(lambda b, n: hive_feed_ids(hive_id, b, n), before=before, limit=limit)


def profile_feed(author_id: int, before: int | None = None, limit: int = 20) -> FeedPage:
    """One page of a bee's own posts."""
    return page(lambda b, n: profile_feed_ids(author_id, b, n), before=before, limit=limit)
