"""Sharing: passing a post on to my followers and hives, with a comment of my own if I like.

A share is a post (``kind`` ``share``) with its own audience and its own
delivery count, reached and counted exactly like any buzz. It points at the
original: sharing a share shares that share's original. Posts to a private
hive are that hive's alone and cannot be shared. An original deleted or
removed later shows, inside each share, as no longer available.
"""

from __future__ import annotations

from flask_babel import gettext as _

from app import policy
from app.db import lock_rows, write_transaction
from app.errors import NotFound
from app.extensions import db
from app.hives.models import Hive
from app.hives.services import is_banned_from_post_hives
from app.notifications.models import Kind as Notice
from app.notifications.services import lock_recipients, notify
from app.posts import counts, delivery, mentions
from app.posts.models import Kind, Post, PostHive, PostState
from app.posts.services import announce_new_post, check_content, render_content, target_hives
from app.posts.visibility import may_see
from app.profiles.models import Bee
from app.search import index as search


def original_of(post: Post) -> Post | None:
    """The post a share passes on (the post itself when it is not a share)."""
    if not post.is_share:
        return post
    return db.session.get(Post, post.shared_post_id) if post.shared_post_id else None


def may_share(bee: Bee | None, post: Post) -> bool:
    """True when ``bee`` may share ``post`` (or, for a share, its original)."""
    original = original_of(post)
    if original is None or not policy.is_signed_in(bee):
        return False
    return policy.can_share(
        bee,
        original,
        sees_post=may_see(bee, original),
        banned=is_banned_from_post_hives(bee.id, original.id),
    )


def share_post(sharer: Bee, post: Post, comment: str = "", hive_ids: list[int] = ()) -> Post:
    """Share ``post`` (its original, if it is a share) with my followers and ``hive_ids``,
    with an optional ``comment``. The share's audience is told at once and counted in its own
    ``delivered_count``; the original's author is told, and its share count goes up."""
    _title, comment = check_content(Kind.SHARE, None, comment)
    comment_html, _excerpt = render_content(Kind.SHARE, comment)
    sharer_id = sharer.id
    with write_transaction():
        first = original_of(db.session.get(Post, post.id))
        lock_recipients(sharer_id, first.author_id if first else None, *mentions.named_bee_ids(comment_html))
        original = original_of(db.session.get(Post, post.id, populate_existing=True))
        if original is None or not original.is_visible:
            raise NotFound(_("That post is no longer available."))
        lock_rows(Post, [original.id])
        policy.require(may_share(sharer, original), _("You cannot share this post."))
        hives = target_hives(sharer_id, list(hive_ids))
        lock_rows(Hive, [hive.id for hive in hives])
        hive_ids = [hive.id for hive in hives]
        private = bool(hives) and hives[0].is_private
        share = Post(
            author_id=sharer_id,
            kind=Kind.SHARE,
            body_source=comment,
            body_html=comment_html,
            excerpt="",
            state=PostState.PUBLISHED,
            private_hive_id=hive_ids[0] if private else None,
            shared_post_id=original.id,
            delivered_count=delivery.audience_size(sharer_id, hive_ids, private=private),
        )
        db.session.add(share)
        db.session.flush()
        db.session.add_all(PostHive(post_id=share.id, hive_id=hive_id) for hive_id in hive_ids)
        if comment_html:
            mentions.keep_tags(share.id, comment_html)
            search.index_post(share.id, search.post_document(None, comment_html))
        counts.shares_changed(original.id, +1)
        if may_see(db.session.get(Bee, original.author_id), share):  # a share in a private hive
            notify(original.author_id, Notice.SHARED, actor_id=sharer_id, post_id=share.id)
        mentions.tell_mentioned(share, sharer_id, comment_html, told={original.author_id})
        announce_new_post(share.id, sharer_id, hive_ids, private=private)
    return share
