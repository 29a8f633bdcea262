"""What a post's or comment's text points at: ``#tags`` kept for the tag pages, and
``@mentions`` that tell the bees named — each only if they may read where they were named.

The links themselves are made on write by ``app/markup.py``; this module reads
them back from the rendered HTML (:func:`app.markup.mentions_and_tags`) inside
the write transaction of the post or comment.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from app.extensions import db
from app.markup import mentions_and_tags
from app.notifications.models import Kind as Notice
from app.notifications.services import notify
from app.posts.models import Post, PostTag
from app.posts.visibility import may_read_conversation, may_see
from app.profiles.models import Bee


def keep_tags(post_id: int, body_html: str) -> None:
    """Make the post's tags exactly those its text uses now."""
    _handles, tags = mentions_and_tags(body_html)
    db.session.execute(delete(PostTag).where(PostTag.post_id == post_id))
    db.session.add_all(PostTag(post_id=post_id, tag=tag) for tag in tags)


def tell_mentioned(
    post: Post,
    author_id: int,
    body_html: str,
    *,
    comment_id: int | None = None,
    before_html: str = "",
    told: set[int] = frozenset(),
) -> None:
    """Tell each bee the text mentions (and ``before_html`` did not: an edit tells only the
    newly named) — unless it is the author, a bee already ``told`` of this text another way,
    or a bee who may not read it there."""
    handles, _tags = mentions_and_tags(body_html)
    earlier, _ = mentions_and_tags(before_html) if before_html else ([], [])
    new = [handle for handle in handles if handle not in earlier]
    if not new:
        return
    may_read = may_read_conversation if comment_id else may_see
    for bee in db.session.scalars(select(Bee).where(Bee.handle.in_(new))):
        if bee.id == author_id or bee.id in told or bee.is_suspended or not may_read(bee, post):
            continue
        notify(bee.id, Notice.MENTIONED, actor_id=author_id, post_id=post.id, comment_id=comment_id)
