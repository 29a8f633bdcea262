"""Relevant, Apiary's "like": one mark per bee per post, taken back at will, counted exactly.

Who may mark is ``app/policy.py``'s question: a bee who can read the post and
its conversation, banned from none of its hives. The count lives on the post
(``relevant_count``), changed in the same transaction as the mark, so a feed
card reads it as a column; the author is told once per mark, and a mark taken
back takes its unread notice with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, delete, select

from app import policy
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound
from app.extensions import db
from app.hives.services import is_banned_from_post_hives
from app.notifications.models import Kind as Notice
from app.notifications.services import lock_recipients, withdraw
from app.posts import counts
from app.posts.mentions import tell_author
from app.posts.models import Post, Reaction
from app.posts.visibility import may_read_conversation
from app.profiles.models import Bee, blocked_either_way

RELEVANT_PAGE_SIZE = 50


def may_mark_relevant(bee: Bee | None, post: Post) -> bool:
    """True when ``bee`` may mark ``post`` Relevant or take their mark back."""
    if not policy.is_signed_in(bee):
        return False
    return policy.can_mark_relevant(
        bee,
        post,
        sees_post=may_read_conversation(bee, post),
        banned=is_banned_from_post_hives(bee.id, post.id),
    )


def has_marked(bee: Bee | None, post_id: int) -> bool:
    """True when ``bee`` marked the post Relevant."""
    if not policy.is_signed_in(bee):
        return False
    return db.session.scalar(_marked_statement(), {"bee_id": bee.id, "post_ids": [post_id]}) is not None


def marked_among(bee: Bee | None, post_ids: list[int]) -> set[int]:
    """Which of ``post_ids`` ``bee`` marked Relevant (one query for a page of cards)."""
    if not policy.is_signed_in(bee) or not post_ids:
        return set()
    return set(db.session.scalars(_marked_statement(), {"bee_id": bee.id, "post_ids": post_ids}))


@cache
def _marked_statement():
    return select(Reaction.post_id).where(
        Reaction.bee_id == bindparam("bee_id"), Reaction.post_id.in_(bindparam("post_ids", expanding=True))
    )


def set_relevant(bee: Bee, post: Post, relevant: bool) -> int:
    """Mark ``post`` Relevant (``relevant=True``) or take the mark back; doing what is
    already done changes nothing. Returns the post's count."""
    with write_transaction():
        lock_recipients(bee.id, post.author_id)
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        policy.require(may_mark_relevant(bee, post), _("You cannot mark this post Relevant."))
        mark = db.session.scalar(
            select(Reaction).where(Reaction.post_id == post.id, Reaction.bee_id == bee.id)
        )
        if relevant and mark is None:
            db.session.add(Reaction(post_id=post.id, bee_id=bee.id))
            post.relevant_count += 1
            tell_author(post, bee.id, Notice.RELEVANT)
            counts.announce(post)
        elif not relevant and mark is not None:
            take_back(post, mark)
    return post.relevant_count


def take_back(post: Post, mark: Reaction) -> None:
    """Take back a Relevant mark on ``post`` (locked, with its author's and the marker's rows,
    in the caller's write transaction): the count drops, the unread notice goes."""
    db.session.execute(delete(Reaction).where(Reaction.id == mark.id))
    post.relevant_count -= 1
    withdraw(post.author_id, Notice.RELEVANT, actor_id=mark.bee_id, post_id=post.id)
    counts.announce(post)


@dataclass(frozen=True)
class RelevantPage:
    """A page of the bees who marked a post Relevant, newest first, and the next cursor."""

    bees: list[Bee]
    next_cursor: int | None


def who_marked(post: Post, viewer: Bee | None, before: int | None = None) -> RelevantPage:
    """Who found ``post`` relevant, newest mark first; bees on either side of a block with the
    viewer are left out."""
    if not may_read_conversation(viewer, post):
        raise NotFound(_("That post does not exist or was deleted."))
    viewer_id = viewer.id if policy.is_signed_in(viewer) else 0
    params = {
        "post_id": post.id,
        "viewer_id": viewer_id,
        "at_most": before - 1 if before else MAX_ID,
        "limit": RELEVANT_PAGE_SIZE + 1,
    }
    rows = db.session.execute(_who_statement(), params).all()
    page = rows[:RELEVANT_PAGE_SIZE]
    more = len(rows) > RELEVANT_PAGE_SIZE
    return RelevantPage([bee for _id, bee in page], page[-1][0] if more else None)


@cache
def _who_statement():
    return (
        select(Reaction.id, Bee)
        .join(Bee, Bee.id == Reaction.bee_id)
        .where(
            Reaction.post_id == bindparam("post_id"),
            Reaction.id <= bindparam("at_most"),
            Reaction.bee_id.not_in(blocked_either_way(bindparam("viewer_id"))),
        )
        .order_by(Reaction.id.desc())
        .limit(bindparam("limit"))
    )
