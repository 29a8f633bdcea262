"""Comments on posts and replies to them (one level): writing, editing, deleting, reading.

Who may comment is ``app/policy.py``'s question: a bee who can see the post,
is banned from none of its hives, and has no block with its author (nor, for a
reply, with the comment's). The text is Markdown, sanitized on write like a
post's. Moderators' removals are in ``app/hives/moderation.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select

from app import policy, realtime
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives.moderation import close_cases
from app.hives.services import is_banned_from_post_hives
from app.notifications.models import Kind as Notice
from app.notifications.services import lock_recipients
from app.posts import counts, mentions
from app.posts.models import COMMENT_MAX, Comment, CommentState, Post
from app.posts.services import check_body, render_body
from app.posts.visibility import may_read_conversation
from app.profiles.models import Bee, blocked_either_way, utcnow
from app.profiles.services import is_blocked_between

COMMENTS_PAGE_SIZE = 50


def _render(body: str) -> tuple[str, str]:
    body = check_body(body, COMMENT_MAX)
    return body, render_body(body)


def may_comment(bee: Bee | None, post: Post, parents: tuple[Comment, ...] = ()) -> bool:
    """True when ``bee`` may comment on ``post`` (a reply: under ``parents``, the comment
    answered and the top of its thread, whose authors must not be across a block either)."""
    if not policy.is_signed_in(bee):
        return False
    blocked = any(
        is_blocked_between(bee.id, author_id)
        for author_id in {post.author_id, *(c.author_id for c in parents)}
    )
    return policy.can_comment(
        bee,
        post,
        sees_post=may_read_conversation(bee, post),
        banned=is_banned_from_post_hives(bee.id, post.id),
        blocked=blocked,
    )


def add_comment(author: Bee, post: Post, body: str, parent_id: int | None = None) -> Comment:
    """Comment on a post, or reply to one of its comments (a reply to a reply joins the same
    thread, under the comment it answers)."""
    body, body_html = _render(body)
    with write_transaction():
        recipients = {post.author_id, *_answered_authors(parent_id), *mentions.named_bee_ids(body_html)}
        lock_recipients(author.id, *recipients)
        post = db.session.get(Post, post.id, populate_existing=True)
        parents: tuple[Comment, ...] = ()
        if parent_id is not None:
            answered = db.session.get(Comment, parent_id) if 0 < parent_id <= MAX_ID else None
            if answered is None or answered.post_id != post.id or not answered.is_visible:
                raise ValidationError("body", _("That comment no longer exists."))
            top = db.session.get(Comment, answered.parent_id) if answered.parent_id else answered
            parents = (answered, top)
        policy.require(may_comment(author, post, parents), _("You cannot comment on this post."))
        parent = parents[-1] if parents else None
        comment = Comment(
            post_id=post.id,
            author_id=author.id,
            parent_id=parent.id if parent else None,
            body_source=body,
            body_html=body_html,
            state=CommentState.PUBLISHED,
        )
        db.session.add(comment)
        db.session.flush()
        counts.comments_changed(post.id, +1)
        _tell_about(comment, post, parents)
        realtime.comment_added(post.id, comment.id, comment.parent_id)
    return comment


def _answered_authors(parent_id: int | None) -> list[int]:
    """The authors of the comment a reply answers and of the top of its thread (to lock first)."""
    if parent_id is None or not 0 < parent_id <= MAX_ID:
        return []
    answered = db.session.get(Comment, parent_id)
    if answered is None:
        return []
    top = db.session.get(Comment, answered.parent_id) if answered.parent_id else None
    return [answered.author_id, *([top.author_id] if top else [])]


def _tell_about(comment: Comment, post: Post, parents: tuple[Comment, ...]) -> None:
    """Notices for a new comment: the bee answered (a reply), the post's author, and the bees it
    mentions (each told once, and only if they may read the conversation)."""
    told = {comment.author_id}
    if parents and parents[0].author_id not in told:
        mentions.tell(parents[0].author_id, post, comment.author_id, Notice.REPLIED, comment_id=comment.id)
        told.add(parents[0].author_id)
    if post.author_id not in told:
        mentions.tell_author(post, comment.author_id, Notice.COMMENTED, comment_id=comment.id)
        told.add(post.author_id)
    mentions.tell_mentioned(post, comment.author_id, comment.body_html, comment_id=comment.id, told=told)


def edit_comment(editor: Bee, comment: Comment, body: str) -> Comment:
    """Change one's own comment; an "edited" mark shows afterwards."""
    body, body_html = _render(body)
    with write_transaction():
        lock_recipients(editor.id, *mentions.named_bee_ids(body_html))
        lock_rows(Comment, [comment.id])
        comment = db.session.get(Comment, comment.id, populate_existing=True)
        policy.require(policy.can_change_comment(editor, comment), _("You can only edit your own comments."))
        before_html = comment.body_html
        comment.body_source, comment.body_html = body, body_html
        comment.state, comment.edited_at = CommentState.EDITED, utcnow()
        post = db.session.get(Post, comment.post_id)
        mentions.tell_mentioned(
            post, comment.author_id, body_html, comment_id=comment.id, before_html=before_html
        )
    return comment


def delete_comment(actor: Bee, comment: Comment) -> None:
    """Delete one's own comment: its text is erased, its replies stay in place."""
    with write_transaction():
        lock_rows(Comment, [comment.id])
        comment = db.session.get(Comment, comment.id, populate_existing=True)
        policy.require(policy.can_delete_comment(actor, comment), _("You can only delete your own comments."))
        erase_comment(comment)


def erase_comment(comment: Comment) -> None:
    """Move a comment to deleted inside the caller's write transaction, with it locked: its
    text is erased, its post's count drops if it was visible, its replies stay in place."""
    if comment.is_visible:
        counts.comments_changed(comment.post_id, -1)
    comment.state, comment.body_source, comment.body_html = CommentState.DELETED, "", ""
    comment.edited_at = utcnow()
    close_cases(comment.post_id, comment.id)


def visible_comment(comment_id: int, viewer: Bee | None) -> Comment:
    """A comment whose post ``viewer`` may see, with no block between them and its author; or
    :class:`NotFound`. (Deleted and removed ones are found too: their pages say so.)"""
    comment = db.session.get(Comment, comment_id)
    viewer_id = viewer.id if policy.is_signed_in(viewer) else None
    blocked = (
        (
            viewer_id is not None
            and viewer_id != comment.author_id
            and not policy.is_admin(viewer)
            and is_blocked_between(viewer_id, comment.author_id)
        )
        if comment is not None
        else False
    )
    if comment is None or blocked or not may_read_conversation(viewer, db.session.get(Post, comment.post_id)):
        raise NotFound(_("That comment does not exist or was deleted."))
    return comment


@dataclass(frozen=True)
class Thread:
    """A comment and the replies under it, oldest first."""

    comment: Comment
    replies: list[Comment]


@dataclass(frozen=True)
class Conversation:
    """A page of a post's threads, the cursor of the next page, and how many visible comments
    the whole conversation holds."""

    threads: list[Thread]
    next_after: int | None
    count: int


NO_CONVERSATION = Conversation([], None, 0)


def conversation(
    post: Post, viewer: Bee | None, after: int | None = None, limit: int = COMMENTS_PAGE_SIZE
) -> Conversation:
    """A page of the post's conversation, oldest first; a thread whose comment was deleted
    keeps its place while replies remain. Comments by bees on either side of a block with the
    viewer are left out. The count is read only when the page is not the whole conversation."""
    if not may_read_conversation(viewer, post):
        return NO_CONVERSATION
    viewer_id = viewer.id if policy.is_signed_in(viewer) else 0
    params = {"post_id": post.id, "viewer_id": viewer_id, "after": after or 0, "limit": limit + 1}
    top = list(db.session.scalars(_top_statement(), params))
    page, more = top[:limit], len(top) > limit
    replies: dict[int, list[Comment]] = {}
    if page:
        parents = {"parents": [comment.id for comment in page], "viewer_id": viewer_id}
        for reply in db.session.scalars(_replies_statement(), parents):
            replies.setdefault(reply.parent_id, []).append(reply)
    shown = [
        Thread(comment, replies.get(comment.id, []))
        for comment in page
        if comment.is_visible or replies.get(comment.id)
    ]
    if more or after:
        count = comment_count(post.id, viewer_id)
    else:  # the page is the whole conversation: count what it shows
        count = sum(thread.comment.is_visible + len(thread.replies) for thread in shown)
    return Conversation(shown, page[-1].id if more else None, count)


@cache
def _top_statement():
    return (
        select(Comment)
        .where(
            Comment.post_id == bindparam("post_id"),
            Comment.parent_id.is_(None),
            Comment.author_id.not_in(blocked_either_way(bindparam("viewer_id"))),
            Comment.id > bindparam("after"),
        )
        .order_by(Comment.id)
        .limit(bindparam("limit"))
    )


@cache
def _replies_statement():
    return (
        select(Comment)
        .where(
            Comment.parent_id.in_(bindparam("parents", expanding=True)),
            Comment.author_id.not_in(blocked_either_way(bindparam("viewer_id"))),
            Comment.state.in_(CommentState.VISIBLE),
        )
        .order_by(Comment.id)
    )


def comment_count(post_id: int, viewer_id: int = 0) -> int:
    """How many visible comments on a post ``viewer_id`` may read (for its page's heading)."""
    return db.session.scalar(_count_statement(), {"post_id": post_id, "viewer_id": viewer_id}) or 0


@cache
def _count_statement():
    return select(func.count(Comment.id)).where(
        Comment.post_id == bindparam("post_id"),
        Comment.state.in_(CommentState.VISIBLE),
        Comment.author_id.not_in(blocked_either_way(bindparam("viewer_id"))),
    )
