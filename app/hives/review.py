"""What moderators look at: the report queue, join requests, bans, moderators, and the posts and
comments a hive holds (found whatever blocks their authors set)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from app import policy
from app.errors import NotFound
from app.extensions import db
from app.hives.models import CaseState, Hive, Membership, MembershipState, ModerationCase, Report, Role
from app.hives.services import membership_of
from app.posts.models import Comment, Post, PostHive
from app.profiles.models import Bee

QUEUE_PAGE_SIZE = 25


def same_target(hive_id: int | None, post_id: int, comment_id: int | None):
    return (
        ModerationCase.hive_id.is_(None) if hive_id is None else ModerationCase.hive_id == hive_id,
        ModerationCase.post_id == post_id,
        ModerationCase.comment_id.is_(None)
        if comment_id is None
        else ModerationCase.comment_id == comment_id,
    )


@dataclass(frozen=True)
class QueueItem:
    """A reported post in a queue: the post, how many reported it and for what reasons."""

    case: ModerationCase
    post: Post
    comment: Comment | None
    report_count: int
    reasons: list[tuple[str, int]]
    details: list[str]


def queue(hive: Hive | None, state: str, after: int | None = None, limit: int = QUEUE_PAGE_SIZE):
    """A page of the hive's queue (the site admins' for ``None``), oldest first, and the
    cursor of the next page."""
    where_hive = ModerationCase.hive_id.is_(None) if hive is None else ModerationCase.hive_id == hive.id
    statement = (
        select(ModerationCase, Post)
        .join(Post, Post.id == ModerationCase.post_id)
        .where(where_hive, ModerationCase.state == state)
    )
    if after:
        statement = statement.where(ModerationCase.id > after)
    rows = db.session.execute(statement.order_by(ModerationCase.id).limit(limit + 1)).all()
    page = rows[:limit]
    targets = {(case.post_id, case.comment_id) for case, _post in page}
    counts: dict[tuple, dict[str, int]] = {}
    details: dict[tuple, list[str]] = {}
    for post_id, comment_id, reason, detail in db.session.execute(
        select(Report.post_id, Report.comment_id, Report.reason, Report.detail)
        .where(Report.post_id.in_({post_id for post_id, _comment in targets}))
        .order_by(Report.id)
    ):
        key = (post_id, comment_id)
        if key not in targets:
            continue
        counts.setdefault(key, {}).setdefault(reason, 0)
        counts[key][reason] += 1
        if detail:
            details.setdefault(key, []).append(detail)
    comments = {
        comment.id: comment
        for comment in db.session.scalars(
            select(Comment).where(Comment.id.in_({c for _p, c in targets if c is not None}))
        )
    }
    items = [
        QueueItem(
            case=case,
            post=post,
            comment=comments.get(case.comment_id),
            report_count=sum(counts.get((case.post_id, case.comment_id), {}).values()),
            reasons=sorted(
                counts.get((case.post_id, case.comment_id), {}).items(), key=lambda item: (-item[1], item[0])
            ),
            details=details.get((case.post_id, case.comment_id), []),
        )
        for case, post in page
    ]
    return items, page[-1][0].id if len(rows) > limit else None


def open_case_count(hive: Hive) -> int:
    """How many reported posts wait in the hive's queue."""
    return (
        db.session.scalar(
            select(func.count(ModerationCase.id)).where(
                ModerationCase.hive_id == hive.id, ModerationCase.state == CaseState.OPEN
            )
        )
        or 0
    )


def case_of(hive_id: int, post_id: int, comment_id: int | None = None) -> ModerationCase | None:
    """The post's (or comment's) case in the hive's queue, open or resolved, if it was ever
    reported there."""
    return db.session.scalar(select(ModerationCase).where(*same_target(hive_id, post_id, comment_id)))


def case_in(hive: Hive | None, case_id: int) -> ModerationCase:
    """The hive's case (the site queue's for ``None``) or :class:`NotFound`."""
    case = db.session.get(ModerationCase, case_id)
    if case is None or case.hive_id != (hive.id if hive else None):
        raise NotFound(_("There is no such report in this queue."))
    return case


def reports_of(post_id: int, comment_id: int | None = None) -> list[Report]:
    """Every report of a post (or of one comment on it), oldest first, for moderators' eyes."""
    about = Report.comment_id.is_(None) if comment_id is None else Report.comment_id == comment_id
    return list(
        db.session.scalars(select(Report).where(Report.post_id == post_id, about).order_by(Report.id))
    )


def pending_requests(hive: Hive) -> list[tuple[Membership, Bee]]:
    """Requests to join, oldest first."""
    return list(
        db.session.execute(
            select(Membership, Bee)
            .join(Bee, Bee.id == Membership.bee_id)
            .where(Membership.hive_id == hive.id, Membership.state == MembershipState.PENDING)
            .order_by(Membership.changed_at, Membership.id)
        )
    )


def banned_bees(hive: Hive) -> list[tuple[Membership, Bee]]:
    """Bees banned from the hive (ended bans included, marked by their date), newest first."""
    return list(
        db.session.execute(
            select(Membership, Bee)
            .join(Bee, Bee.id == Membership.bee_id)
            .where(Membership.hive_id == hive.id, Membership.state == MembershipState.BANNED)
            .order_by(Membership.changed_at.desc(), Membership.id.desc())
        )
    )


def moderators_of(hive: Hive) -> list[tuple[Membership, Bee]]:
    """The owner, then moderators by handle."""
    return list(
        db.session.execute(
            select(Membership, Bee)
            .join(Bee, Bee.id == Membership.bee_id)
            .where(
                Membership.hive_id == hive.id,
                Membership.state == MembershipState.ACTIVE,
                Membership.role.in_([Role.OWNER, Role.MODERATOR]),
            )
            .order_by(Membership.role.desc(), Bee.handle)
        )
    )


def hives_moderated_by(viewer: Bee | None, post: Post) -> list[Hive]:
    """The hives of ``post`` that ``viewer`` moderates (every one, for a site admin)."""
    if not policy.is_signed_in(viewer):
        return []
    return [hive for hive in post.hives if policy.can_moderate(viewer, membership_of(viewer.id, hive.id))]


def is_in_hive(post_id: int, hive_id: int) -> bool:
    """True while the post is in the hive (not removed from it)."""
    return db.session.get(PostHive, (post_id, hive_id)) is not None


def post_in_hive(hive: Hive, post_id: int) -> Post:
    """A post the hive holds, for its moderators: found whatever blocks its author set, since a
    block must not shield anyone from moderation."""
    post = db.session.get(Post, post_id)
    if post is None or not post.is_visible or not is_in_hive(post.id, hive.id):
        raise NotFound(_("That post is not in this hive."))
    return post


def comment_in_hive(hive: Hive, comment_id: int) -> Comment:
    """A visible comment on a post the hive holds, for its moderators (blocks aside)."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or not comment.is_visible or not is_in_hive(comment.post_id, hive.id):
        raise NotFound(_("That comment is not in this hive."))
    return comment
