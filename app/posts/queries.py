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

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import (
    Select,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    select,
    true,
    union,
    union_all,
)
from sqlalchemy.orm import aliased

from app.db import MAX_ID
from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive, Membership, active_hive_ids
from app.posts.models import Kind, Post, PostFacts, PostHive, PostState, PostTag
from app.profiles.models import Bee, BeeMute, Follow, HiveMute, blocked_either_way, hidden_authors


@dataclass(frozen=True)
class FeedPage:
    """One page of a feed and the cursor of the next (older) page, if any; ``originals`` holds
    the posts its shares pass on, by id (one the reader may no longer see is missing)."""

    posts: list[FeedPost]
    next_cursor: int | None
    originals: dict[int, FeedPost] = field(default_factory=dict)


def parse_cursor(raw: str | None) -> int | None:
    """Turn ``?before=`` into a post id; raise :class:`ValidationError` if malformed."""
    if raw in (None, ""):
        return None
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise ValidationError("before", _("That page link is malformed."))
    return int(raw)


# The states are constants written into the SQL (not bound): SQLite and PostgreSQL then match
# the partial index on visible posts, and the compiled statement stays cached.
_VISIBLE_STATES = [literal_column(f"'{state}'") for state in PostState.VISIBLE]


def _visible(post=Post):
    """Visible posts (published or edited)."""
    return post.state.in_(_VISIBLE_STATES)


def _public(post=Post):
    """Visible posts the author's followers receive, in the words of the partial index
    ``ix_posts_public_author_id``."""
    return _visible(post) & post.private_hive_id.is_(None)


def _private(post=Post):
    """Visible posts to a private hive, in the words of ``ix_posts_private_author_id``."""
    return _visible(post) & post.private_hive_id.is_not(None)


# The home feed first looks this many ids back per post wanted (about two days of the 1M-post
# benchmark network), then eight times further each time a page is not yet full.
FIRST_WINDOW_PER_POST = 1024
WINDOW_GROWTH = 8


def home_feed_ids(bee_id: int, before: int | None, limit: int, *, window: int | None = None) -> list[int]:
    """Ids of posts by me or bees I follow, or in my hives, newest first.

    Left out: posts of bees I muted or who are on either side of a block with
    me, and posts of hives I muted (my membership and their counts stay).

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
    statement = _home_feed_statement(_dialect())
    return _look_back(
        lambda params: list(db.session.scalars(statement, params)), bee_id, before, limit, window
    )


def _look_back(read, bee_id: int, before: int | None, limit: int, window: int | None) -> list:
    """Call ``read`` on ever wider windows below the cursor until it finds ``limit`` rows or
    the window holds every post (see :func:`home_feed_ids`).

    The first look measures its window from the newest post inside the query
    itself, so a busy feed is one statement; only a page not yet full asks for
    the newest id, to know when the window has reached the first post.
    """
    if limit < 1 or (window is not None and window < 1):
        raise ValueError(f"a feed needs limit >= 1 and window >= 1, not {limit} and {window}")
    at_most = MAX_ID if before is None else before - 1
    window = window or limit * FIRST_WINDOW_PER_POST
    found = read({"bee_id": bee_id, "at_most": at_most, "window": window, "limit": limit})
    if len(found) >= limit:
        return found
    at_most = min(at_most, db.session.scalar(select(func.max(Post.id))) or 0)
    while window < at_most:
        window *= WINDOW_GROWTH
        found = read({"bee_id": bee_id, "at_most": at_most, "window": window, "limit": limit})
        if len(found) >= limit:
            break
    return found


def _dialect() -> str:
    return db.session.get_bind().dialect.name


@cache
def _home_feed_statement(dialect: str) -> Select:
    """The home feed query, built once per dialect (it is large), with ``bee_id``, ``limit``,
    ``at_most`` and ``window`` bound: it reads ids in ``top - window < id <= at_most``, where
    ``top`` is the lesser of ``at_most`` and the newest post's id.

    PostgreSQL reads each source's newest posts with a LATERAL join. SQLite has
    no LATERAL; it runs each source's correlated ``IN (… LIMIT n)`` once per
    source when joined back through the same index, which PostgreSQL would
    instead re-run for every row of the source. Same rows, either way.
    """
    bee_id, limit, at_most = bindparam("bee_id"), bindparam("limit"), bindparam("at_most")
    newest = select(func.max(Post.id)).scalar_subquery()
    top = (func.least if dialect == "postgresql" else func.min)(at_most, newest)
    above = top - bindparam("window")
    muted_bees = select(BeeMute.muted_id).where(BeeMute.bee_id == bee_id)
    authors = union_all(
        select(Follow.followee_id.label("author_id")).where(
            Follow.follower_id == bee_id, Follow.followee_id.not_in(muted_bees)
        ),
        select(bee_id.label("author_id")),
    ).subquery("authors")
    muted_hives = select(HiveMute.hive_id).where(HiveMute.bee_id == bee_id)
    hives = active_hive_ids(bee_id).where(Membership.hive_id.not_in(muted_hives)).subquery("my_hives")

    by_author = aliased(Post)
    newest_by_author = (
        select(by_author.id)
        .where(
            by_author.author_id == authors.c.author_id,
            _public(by_author),
            by_author.id <= at_most,
            by_author.id > above,
        )
        .order_by(by_author.id.desc())
        .limit(limit)
    )
    in_hive, hive_post = aliased(PostHive), aliased(Post)
    newest_in_hive = (
        select(in_hive.post_id)
        .join(hive_post, hive_post.id == in_hive.post_id)
        .where(
            in_hive.hive_id == hives.c.hive_id,
            _visible(hive_post),
            hive_post.author_id.not_in(hidden_authors(bee_id)),
            in_hive.post_id <= at_most,
            in_hive.post_id > above,
        )
        .order_by(in_hive.post_id.desc())
        .limit(limit)
    )
    if dialect == "postgresql":
        people_posts = newest_by_author.lateral("people_posts")
        hive_posts = newest_in_hive.lateral("hive_posts")
        by_people = select(people_posts.c.id.label("id")).select_from(authors).join(people_posts, true())
        by_hives = select(hive_posts.c.post_id.label("id")).select_from(hives).join(hive_posts, true())
    else:
        # Joining back through the same indexes (not the posts table) keeps the query index-only.
        by_people = (
            select(Post.id.label("id"))
            .select_from(authors)
            .join(
                Post,
                (Post.author_id == authors.c.author_id)
                & _public()
                & Post.id.in_(newest_by_author.correlate(authors)),
            )
        )
        by_hives = (
            select(PostHive.post_id.label("id"))
            .select_from(hives)
            .join(
                PostHive,
                (PostHive.hive_id == hives.c.hive_id) & PostHive.post_id.in_(newest_in_hive.correlate(hives)),
            )
        )
    merged = union(by_people, by_hives).subquery()
    return select(merged.c.id).order_by(merged.c.id.desc()).limit(limit)


def _keyset(before: int | None, limit: int, **params) -> dict:
    return {"at_most": MAX_ID if before is None else before - 1, "limit": limit, **params}


@cache
def _hive_feed_statement() -> Select:
    """A hive's newest posts up to ``at_most`` that ``viewer_id`` may see (not by a bee they
    muted or who is on either side of a block with them), with ``hive_id`` and ``limit``
    bound."""
    return (
        select(PostHive.post_id)
        .join(Post, Post.id == PostHive.post_id)
        .where(
            PostHive.hive_id == bindparam("hive_id"),
            _visible(),
            Post.author_id.not_in(hidden_authors(bindparam("viewer_id"))),
            PostHive.post_id <= bindparam("at_most"),
        )
        .order_by(PostHive.post_id.desc())
        .limit(bindparam("limit"))
    )


@cache
def _tag_feed_statement() -> Select:
    """The newest posts using ``tag`` up to ``at_most`` that ``viewer_id`` may see: visible,
    outside private hives or in one of the viewer's, by nobody hidden from the viewer."""
    viewer_id = bindparam("viewer_id")
    return (
        select(PostTag.post_id)
        .join(Post, Post.id == PostTag.post_id)
        .where(
            PostTag.tag == bindparam("tag"),
            _visible(),
            Post.private_hive_id.is_(None) | Post.private_hive_id.in_(active_hive_ids(viewer_id)),
            Post.author_id.not_in(hidden_authors(viewer_id)),
            PostTag.post_id <= bindparam("at_most"),
        )
        .order_by(PostTag.post_id.desc())
        .limit(bindparam("limit"))
    )


@cache
def _profile_feed_statement() -> Select:
    """An author's newest posts up to ``at_most`` that ``viewer_id`` may see: those for
    followers, and those in private hives when the viewer is the author or a member there;
    none across a block. With ``author_id`` and ``limit`` bound."""
    author_id, viewer_id = bindparam("author_id"), bindparam("viewer_id")
    public = (
        select(Post.id)
        .where(
            Post.author_id == author_id,
            _public(),
            Post.id <= bindparam("at_most"),
            Post.author_id.not_in(blocked_either_way(viewer_id)),
        )
        .order_by(Post.id.desc())
        .limit(bindparam("limit"))
    )
    private = (
        select(Post.id)
        .where(
            Post.author_id == author_id,
            _private(),
            Post.id <= bindparam("at_most"),
            (author_id == viewer_id) | Post.private_hive_id.in_(active_hive_ids(viewer_id)),
            Post.author_id.not_in(blocked_either_way(viewer_id)),
        )
        .order_by(Post.id.desc())
        .limit(bindparam("limit"))
    )
    merged = union_all(public.subquery().select(), private.subquery().select()).subquery()
    return select(merged.c.id).order_by(merged.c.id.desc()).limit(bindparam("limit"))


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
    relevant_count: int
    comment_count: int
    share_count: int
    shared_post_id: int | None
    private_hive_id: int | None
    created_at: datetime
    edited_at: datetime | None
    hives: list[FeedHive]


def _read_cards(ids_statement: Select, params: dict) -> list[FeedPost]:
    """The posts ``ids_statement`` selects, as feed cards, newest first: one query, columns only."""
    posts: list[FeedPost] = []
    hives: list[FeedHive] = []
    for post_id, author_id, handle, display_name, *columns, hive_slug, hive_name in db.session.execute(
        _cards_statement(ids_statement), params
    ):
        if not posts or posts[-1].id != post_id:
            hives = []
            author = FeedAuthor(handle, display_name)
            posts.append(FeedPost(post_id, author_id, author, *columns, hives=hives))
        if hive_slug is not None:
            hives.append(FeedHive(hive_slug, hive_name))
    return posts


@cache
def _cards_statement(ids_statement: Select) -> Select:
    """Feed card columns of the posts in ``ids_statement``, one row per post and hive."""
    return (
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
            Post.relevant_count,
            Post.comment_count,
            Post.share_count,
            Post.shared_post_id,
            Post.private_hive_id,
            Post.created_at,
            Post.edited_at,
            Hive.slug,
            Hive.name,
        )
        .join(Bee, Bee.id == Post.author_id)
        .outerjoin(PostHive, PostHive.post_id == Post.id)
        .outerjoin(Hive, Hive.id == PostHive.hive_id)
        .where(Post.id.in_(ids_statement))
        .order_by(Post.id.desc(), Hive.name)
    )


def _page(posts: list[FeedPost], limit: int, viewer_id: int) -> FeedPage:
    """A page of ``limit`` posts from ``limit + 1`` read, the extra one telling that more follow,
    with the originals of its shares."""
    next_cursor = posts[limit - 1].id if len(posts) > limit else None
    posts = posts[:limit]
    return FeedPage(posts=posts, next_cursor=next_cursor, originals=originals_of(posts, viewer_id))


def originals_of(posts, viewer_id: int) -> dict[int, FeedPost]:
    """The originals of the shares among ``posts`` that ``viewer_id`` may see, by id, as cards
    (one query, and none when the page holds no share). A deleted or removed original, or one
    by a bee on either side of a block with the viewer, is left out: its shares say it is gone."""
    wanted = sorted({post.shared_post_id for post in posts if post.shared_post_id})
    if not wanted:
        return {}
    cards = _read_cards(_originals_statement(), {"original_ids": wanted, "viewer_id": viewer_id})
    return {card.id: card for card in cards}


@cache
def _originals_statement() -> Select:
    return select(Post.id).where(
        Post.id.in_(bindparam("original_ids", expanding=True)),
        _public(),
        Post.author_id.not_in(blocked_either_way(bindparam("viewer_id"))),
    )


def home_feed(
    bee_id: int, before: int | None = None, limit: int = 20, *, window: int | None = None
) -> FeedPage:
    """One page of a bee's home feed (``window``: see :func:`home_feed_ids`)."""
    statement = _home_feed_statement(_dialect())
    posts = _look_back(lambda params: _read_cards(statement, params), bee_id, before, limit + 1, window)
    return _page(posts, limit, bee_id)


def hive_feed(hive_id: int, before: int | None = None, limit: int = 20, *, viewer_id: int = 0) -> FeedPage:
    """One page of a hive's feed as ``viewer_id`` (0: anonymous) reads it. Whether the viewer
    may read the hive at all is the caller's question (``policy.can_see_hive_content``)."""
    params = _keyset(before, limit + 1, hive_id=hive_id, viewer_id=viewer_id)
    return _page(_read_cards(_hive_feed_statement(), params), limit, viewer_id)


def tag_feed(tag: str, before: int | None = None, limit: int = 20, *, viewer_id: int = 0) -> FeedPage:
    """One page of the posts using ``tag`` (normalized), newest first, as ``viewer_id`` may
    see them."""
    params = _keyset(before, limit + 1, tag=tag, viewer_id=viewer_id)
    return _page(_read_cards(_tag_feed_statement(), params), limit, viewer_id)


def profile_feed(
    author_id: int, before: int | None = None, limit: int = 20, *, viewer_id: int = 0
) -> FeedPage:
    """One page of a bee's own posts as ``viewer_id`` (0: anonymous) may see them."""
    params = _keyset(before, limit + 1, author_id=author_id, viewer_id=viewer_id)
    return _page(_read_cards(_profile_feed_statement(), params), limit, viewer_id)
