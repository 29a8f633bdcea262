"""A post's engagement counters, changed inside the write that moves them and pushed live."""

from __future__ import annotations

from app import realtime
from app.db import lock_rows
from app.extensions import db
from app.posts.models import Post


def comments_changed(post_id: int, delta: int) -> None:
    """A visible comment on ``post_id`` appeared (+1) or went (-1): keep ``comment_count``
    exact, inside the caller's write transaction, and tell the pages showing the post."""
    lock_rows(Post, [post_id])
    post = db.session.get(Post, post_id, populate_existing=True)
    post.comment_count += delta
    announce(post)


def shares_changed(post_id: int, delta: int) -> None:
    """A visible share of ``post_id`` appeared (+1) or went (-1): keep ``share_count`` exact."""
    lock_rows(Post, [post_id])
    post = db.session.get(Post, post_id, populate_existing=True)
    post.share_count += delta
    announce(post)


def announce(post: Post) -> None:
    """Tell the pages showing ``post`` its counts, after the commit."""
    realtime.counts_changed(post.id, post.relevant_count, post.comment_count, post.share_count)
