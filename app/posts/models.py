"""Honey and buzz, the hives they are posted to, and the post lifecycle."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.hives.models import Hive
from app.markup import TAG_MAX
from app.profiles.models import Bee, utcnow

TITLE_MAX = 200
SLUG_MAX = 80
BUZZ_MAX = 3_000
HONEY_MAX = 100_000
POST_HIVES_MAX = 10


class Kind:
    """The kinds of post: the two a bee writes, and a share of someone's post."""

    HONEY = "honey"
    BUZZ = "buzz"
    ALL = (HONEY, BUZZ)  # what the composer writes
    # A post passed on to the sharer's followers and hives, with an optional comment of its own.
    SHARE = "share"


class PostState:
    """A post's lifecycle; the allowed moves are in ``TRANSITIONS``."""

    PUBLISHED = "published"
    EDITED = "edited"
    DELETED = "deleted"
    # Taken down site-wide by a site admin; the author still sees it, with the reason.
    REMOVED = "removed"
    VISIBLE = (PUBLISHED, EDITED)

    TRANSITIONS: ClassVar[dict[str | None, set[str]]] = {
        PUBLISHED: {EDITED, DELETED, REMOVED},
        EDITED: {EDITED, DELETED, REMOVED},
        REMOVED: {DELETED},
        DELETED: set(),
    }

    @classmethod
    def can_move(cls, current: str, target: str) -> bool:
        """True when a post may go from ``current`` to ``target``."""
        return target in cls.TRANSITIONS.get(current, set())


# The partial indexes' conditions; queries must say them the same way to use the indexes.
VISIBLE_SQL = "state IN ('published', 'edited')"
# Posts the author's followers receive: visible, and not written for one private hive alone.
PUBLIC_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NULL"
PRIVATE_SQL = f"{VISIBLE_SQL} AND private_hive_id IS NOT NULL"


class PostFacts:
    """What a post's kind and state say about it, for :class:`Post` and the feeds' plain rows."""

    kind: str
    state: str

    @property
    def is_honey(self) -> bool:
        """True for a long-form article."""
        return self.kind == Kind.HONEY

    @property
    def is_edited(self) -> bool:
        """True once the author has changed the post after publishing."""
        return self.state == PostState.EDITED

    @property
    def is_share(self) -> bool:
        """True for a share of another post (``shared_post_id``)."""
        return self.kind == Kind.SHARE

    @property
    def is_visible(self) -> bool:
        """True unless the post was deleted or removed site-wide."""
        return self.state in PostState.VISIBLE

    @property
    def is_removed(self) -> bool:
        """True once a site admin has removed the post everywhere."""
        return self.state == PostState.REMOVED


class Post(PostFacts, db.Model):
    """A honey (titled article with its own URL) or a buzz (short post).

    ``id`` grows with time, so it is the feed order and the pagination key.
    ``excerpt`` is the opening prose as plain text, shown for honey in feeds so
    a page of feed never carries whole articles. ``delivered_count`` is the
    number of bees whose home feed holds the post; see ``app/posts/delivery.py``
    for the rule and how it is kept exact. ``relevant_count`` and
    ``comment_count`` (visible comments and replies) are kept exact in the
    transaction of each change, so a feed card reads them as columns. ``private_hive_id`` is set on a post
    to a private hive: it is that hive's alone, and the author's followers do
    not receive it. A share (``kind`` ``share``) points at the post it passes
    on with ``shared_post_id`` (always the original, never another share);
    its body is the sharer's optional comment.
    """

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("author_id", "slug", name="uq_posts_author_slug"),
        Index("ix_posts_author_id_id", "author_id", "id"),
        # Feeds read each author's newest posts for followers from this index alone…
        Index(
            "ix_posts_public_author_id",
            "author_id",
            "id",
            sqlite_where=text(PUBLIC_SQL),
            postgresql_where=text(PUBLIC_SQL),
        ),
        # … and a profile its author's posts in private hives (few) from this one.
        Index(
            "ix_posts_private_author_id",
            "author_id",
            "id",
            sqlite_where=text(PRIVATE_SQL),
            postgresql_where=text(PRIVATE_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(String(TITLE_MAX))
    slug: Mapped[str | None] = mapped_column(String(SLUG_MAX))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default=PostState.PUBLISHED)
    delivered_count: Mapped[int] = mapped_column(Integer, default=0)
    relevant_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    comment_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    share_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    shared_post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    private_hive_id: Mapped[int | None] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"))

    author: Mapped[Bee] = relationship(lazy="joined", innerjoin=True)
    hives: Mapped[list[Hive]] = relationship(
        secondary="post_hives", order_by="Hive.name", lazy="selectin", viewonly=True
    )

    def __repr__(self) -> str:
        return f"<Post {self.id} {self.kind}>"


class PostTag(db.Model):
    """A ``#tag`` a post's text uses (normalized: see ``app/markup.py``)."""

    __tablename__ = "post_tags"
    __table_args__ = (Index("ix_post_tags_tag_post", "tag", "post_id"),)

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(TAG_MAX), primary_key=True)


class PostHive(db.Model):
    """A post published to a hive."""

    __tablename__ = "post_hives"
    __table_args__ = (Index("ix_post_hives_hive_post", "hive_id", "post_id"),)

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    hive_id: Mapped[int] = mapped_column(ForeignKey("hives.id", ondelete="CASCADE"), primary_key=True)


COMMENT_MAX = 5_000


class CommentState:
    """A comment's lifecycle; the allowed moves are in ``TRANSITIONS``."""

    PUBLISHED = "published"
    EDITED = "edited"
    DELETED = "deleted"
    REMOVED = "removed"  # by a moderator of one of the post's hives, or a site admin
    VISIBLE = (PUBLISHED, EDITED)

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        PUBLISHED: {EDITED, DELETED, REMOVED},
        EDITED: {EDITED, DELETED, REMOVED},
        REMOVED: {DELETED},
        DELETED: set(),
    }

    @classmethod
    def can_move(cls, current: str, target: str) -> bool:
        """True when a comment may go from ``current`` to ``target``."""
        return target in cls.TRANSITIONS.get(current, set())


class Comment(db.Model):
    """A comment on a post, or a reply to one (one level: a reply's parent is never a reply).

    Like posts, the Markdown source and the sanitized HTML rendered from it on
    write are both kept; a deleted or removed comment keeps its place in the
    conversation, without its text.
    """

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_post_id", "post_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=CommentState.PUBLISHED)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    author: Mapped[Bee] = relationship(lazy="joined", innerjoin=True)

    @property
    def is_visible(self) -> bool:
        """True unless the comment was deleted or removed."""
        return self.state in CommentState.VISIBLE

    @property
    def is_edited(self) -> bool:
        """True once its author changed it."""
        return self.state == CommentState.EDITED

    def __repr__(self) -> str:
        return f"<Comment {self.id} on {self.post_id}>"


class Reaction(db.Model):
    """A bee marking a post **Relevant** (Apiary's "like"): one per bee per post.

    ``id`` grows with time, so "who found this relevant" pages newest first by it.
    """

    __tablename__ = "reactions"
    __table_args__ = (
        UniqueConstraint("post_id", "bee_id", name="uq_reactions_post_bee"),
        Index("ix_reactions_post_id", "post_id", "id"),
        Index("ix_reactions_bee_id", "bee_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    bee_id: Mapped[int] = mapped_column(ForeignKey("bees.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<Reaction {self.bee_id} on {self.post_id}>"
