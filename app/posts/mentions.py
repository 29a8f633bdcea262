"""What a post's or comment's text points at, and who is told of it: ``#tags`` kept for the tag
pages, ``@mentions`` that tell the bees named, and the notices to a post's author or to the bee a
reply answers — each only to a bee who may read where it happened.

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
from app.profiles.services import is_blocked_between


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
        if is_blocked_between(bee.id, author_id):
            continue  # a block keeps the writer from reaching them, by name too
        notify(bee.id, Notice.MENTIONED, actor_id=author_id, post_id=post.id, comment_id=comment_id)


def tell_author(post: Post, actor_id: int, kind: str, *, comment_id: int | None = None) -> None:
    """Tell ``post``'s author that ``actor_id`` commented on it or marked it Relevant — if they
    may still read its conversation (an author who left the post's private hive is not
    told who is talking there)."""
    tell(post.author_id, post, actor_id, kind, comment_id=comment_id)


def tell(bee_id: int, post: Post, actor_id: int, kind: str, *, comment_id: int | None = None) -> None:
    """Leave ``bee_id`` a notice about ``post`` when they may read its conversation."""
    bee = db.session.get(Bee, bee_id)
    if bee is not None and may_read_conversation(bee, post):
        notify(bee_id, kind, actor_id=actor_id, post_id=post.id, comment_id=comment_id)


def named_bee_ids(body_html: str) -> list[int]:
    """The ids of the bees a rendered text mentions: whose rows a write that tells them locks
    first (see :func:`app.notifications.services.lock_recipients`)."""
    handles, _tags = mentions_and_tags(body_html)
    if not handles:
        return []
    return list(db.session.scalars(select(Bee.id).where(Bee.handle.in_(handles))))
