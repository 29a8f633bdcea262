"""Reports and what moderators do about them: dismiss, remove a post from the hive, remove a
comment, warn, ban and lift a ban.

Every action here checks ``app/policy.py`` first, changes state, writes one
moderation log entry (``app/hives/log.py``) and, where someone is affected,
leaves them a notice, all in one transaction: nothing a moderator does is
missing from the log. Join requests, roles and rules are in
``app/hives/roles.py``; what moderators read, in ``app/hives/review.py``.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from app import policy
from app.db import lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.hives.log import clean_reason, record
from app.hives.models import (
    REPORT_DETAIL_MAX,
    Action,
    CaseState,
    Hive,
    Membership,
    MembershipState,
    ModerationCase,
    Report,
    ReportReason,
    Role,
)
from app.hives.review import case_of, is_in_hive
from app.hives.services import fresh, is_banned_from_post_hives, lock_for, membership_of, move_membership
from app.i18n import ngettext
from app.notifications.models import Kind as Notice
from app.notifications.services import notify
from app.posts import counts, delivery
from app.posts.models import Comment, CommentState, Post, PostHive, PostState
from app.posts.visibility import may_read_conversation
from app.profiles.models import Bee, utcnow
from app.search import index as search

# Reports ---------------------------------------------------------------------------------


def _check_report(reason: str, detail: str) -> str:
    if reason not in ReportReason.ALL:
        raise ValidationError("reason", _("Choose a reason."))
    detail = (detail or "").strip()
    if len(detail) > REPORT_DETAIL_MAX:
        raise ValidationError(
            "detail",
            ngettext(
                "Keep the detail under %(num)s character.",
                "Keep the detail under %(num)s characters.",
                REPORT_DETAIL_MAX,
            ),
        )
    return detail


def report_post(reporter: Bee, post: Post, reason: str, detail: str = "") -> Report:
    """Report a post to the moderators of every hive it is in (the site admins for a post in
    no hive). The author is never told who reported; a bee reports a post once."""
    return _report(reporter, post, None, reason, detail)


def report_comment(reporter: Bee, comment: Comment, reason: str, detail: str = "") -> Report:
    """Report a comment to the moderators of its post's hives (the site admins for a post in no
    hive), as a post is reported."""
    post = db.session.get(Post, comment.post_id)
    return _report(reporter, post, comment, reason, detail)


def _report(reporter: Bee, post: Post, comment: Comment | None, reason: str, detail: str) -> Report:
    detail = _check_report(reason, detail)
    with write_transaction():
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        banned = is_banned_from_post_hives(reporter.id, post.id)
        if not may_read_conversation(reporter, post):  # a private hive's, or across a block
            raise NotFound(_("That post does not exist or was deleted."))
        if comment is None:
            policy.require(
                policy.can_report(reporter, post, banned=banned), _("You cannot report this post.")
            )
        else:
            comment = db.session.get(Comment, comment.id, populate_existing=True)
            policy.require(
                post.is_visible and policy.can_report_comment(reporter, comment, banned=banned),
                _("You cannot report this comment."),
            )
        comment_id = comment.id if comment else None
        already = select(Report.id).where(Report.post_id == post.id, Report.reporter_id == reporter.id)
        already = already.where(
            Report.comment_id.is_(None) if comment_id is None else Report.comment_id == comment_id
        )
        if db.session.scalar(already):
            raise Conflict(_("You already reported this. The moderators have it."))
        report = Report(
            post_id=post.id, comment_id=comment_id, reporter_id=reporter.id, reason=reason, detail=detail
        )
        db.session.add(report)
        hive_ids = list(db.session.scalars(select(PostHive.hive_id).where(PostHive.post_id == post.id)))
        for hive_id in hive_ids or [None]:
            _open_case(hive_id, post.id, comment_id)
    return report


def _open_case(hive_id: int | None, post_id: int, comment_id: int | None) -> None:
    case = case_of(hive_id, post_id, comment_id)
    if case is None:
        db.session.add(
            ModerationCase(hive_id=hive_id, post_id=post_id, comment_id=comment_id, state=CaseState.OPEN)
        )
    elif case.state == CaseState.RESOLVED:  # dismissed or warned, and reported again
        case.state, case.opened_at = CaseState.OPEN, utcnow()
        case.resolved_at = case.resolved_by_id = case.resolution = None


AUTHOR_DELETED = "author_deleted"


def close_cases(
    post_id: int, comment_id: int | None = None, resolution: str = AUTHOR_DELETED, by: Bee | None = None
) -> None:
    """Resolve every open case of a post (its comments' too) or of one comment, in every queue,
    when what was reported is gone (``by``: the admin who took it down): inside the caller's
    write transaction."""
    about = ModerationCase.post_id == post_id
    if comment_id is not None:
        about = ModerationCase.comment_id == comment_id
    db.session.execute(
        update(ModerationCase)
        .where(about, ModerationCase.state == CaseState.OPEN)
        .values(
            state=CaseState.RESOLVED,
            resolved_at=utcnow(),
            resolved_by_id=by.id if by else None,
            resolution=resolution,
        )
        .execution_options(synchronize_session=False)
    )


def _resolve(case: ModerationCase | None, moderator: Bee, resolution: str) -> None:
    if case is not None and case.state == CaseState.OPEN:
        case.state, case.resolved_at = CaseState.RESOLVED, utcnow()
        case.resolved_by_id, case.resolution = moderator.id, resolution


def _check_target(hive: Hive, post: Post, comment: Comment | None = None) -> None:
    """What a moderator acts on must be in their hive: the post, and the comment on that post."""
    if not is_in_hive(post.id, hive.id) or (comment is not None and comment.post_id != post.id):
        raise NotFound(_("That post is not in this hive."))


def _check_on_author(moderator: Bee, mine: Membership | None, hive: Hive, author: Bee, message: str) -> None:
    theirs = membership_of(author.id, hive.id)
    policy.require(policy.can_act_on(fresh(moderator), mine, fresh(author), theirs), message)


def dismiss(moderator: Bee, hive: Hive | None, case: ModerationCase, reason: str = "") -> None:
    """Close a case without action: the post stays. A later report opens it again. (``hive``
    None: the site admins' queue.)"""
    reason = clean_reason(reason, required=False)
    with write_transaction():
        if hive is None:
            lock_rows(Bee, [moderator.id])
            policy.require(policy.is_admin(fresh(moderator)), _("Only site admins work this queue."))
        else:
            mine = lock_for(moderator, hive)
            policy.require(policy.can_moderate(fresh(moderator), mine), _("Only moderators work the queue."))
        case = db.session.get(ModerationCase, case.id, populate_existing=True)
        if case.hive_id != (hive.id if hive else None):
            raise NotFound(_("There is no such report in this queue."))
        if case.state != CaseState.OPEN:
            raise Conflict(_("Another moderator already resolved this report."))
        _resolve(case, moderator, Action.REPORT_DISMISSED)
        post = db.session.get(Post, case.post_id)
        comment = db.session.get(Comment, case.comment_id) if case.comment_id else None
        record(
            hive.id if hive else None,
            moderator,
            Action.REPORT_DISMISSED,
            target_bee_id=(comment or post).author_id,
            post_id=post.id,
            comment_id=case.comment_id,
            reason=reason,
        )


def remove_from_hive(moderator: Bee, hive: Hive, post: Post, reason: str) -> None:
    """Take a post out of the hive and out of every feed that reached it only through the hive;
    the author's followers keep it. A post written for this private hive alone is removed
    everywhere. The author is told why."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        author = db.session.get(Bee, post.author_id)
        mine = lock_for(moderator, hive, author)
        policy.require(policy.can_moderate(fresh(moderator), mine), _("Only moderators remove posts."))
        _check_on_author(moderator, mine, hive, author, _("You cannot remove a post by this bee."))
        _remove(moderator, hive, post.id, reason)


def _remove(moderator: Bee, hive: Hive, post_id: int, reason: str) -> None:
    lock_rows(Post, [post_id])
    post = db.session.get(Post, post_id, populate_existing=True)
    removed = db.session.execute(
        delete(PostHive).where(PostHive.post_id == post.id, PostHive.hive_id == hive.id)
    ).rowcount
    if not removed:
        raise Conflict(_("That post is no longer in this hive."))
    if post.private_hive_id == hive.id and post.is_visible:
        post.state = PostState.REMOVED
        search.unindex_post(post.id)
        if post.shared_post_id:
            counts.shares_changed(post.shared_post_id, -1)  # a share gone from every feed
    db.session.flush()
    delivery.recount(post.id)
    for case in db.session.scalars(
        select(ModerationCase).where(ModerationCase.hive_id == hive.id, ModerationCase.post_id == post.id)
    ):
        _resolve(case, moderator, Action.POST_REMOVED)  # the post's case, and its comments': out of this hive
    record(
        hive.id, moderator, Action.POST_REMOVED, target_bee_id=post.author_id, post_id=post.id, reason=reason
    )
    notify(post.author_id, Notice.POST_REMOVED, hive_id=hive.id, post_id=post.id, reason=reason)


def may_report(bee: Bee | None, post: Post) -> bool:
    """True when ``bee`` may report ``post`` (its comments too): see ``policy.can_report``."""
    return policy.is_signed_in(bee) and policy.can_report(
        bee, post, banned=is_banned_from_post_hives(bee.id, post.id)
    )


def warn(moderator: Bee, hive: Hive, post: Post, reason: str, *, comment: Comment | None = None) -> None:
    """Warn the author of a post (or of ``comment`` on it), saying why; the text stays."""
    reason = clean_reason(reason, required=True)
    comment_id = comment.id if comment else None
    with write_transaction():
        author = db.session.get(Bee, (comment or post).author_id)
        mine = lock_for(moderator, hive, author)
        policy.require(policy.can_moderate(fresh(moderator), mine), _("Only moderators warn bees."))
        _check_on_author(moderator, mine, hive, author, _("You cannot warn this bee."))
        _check_target(hive, post, comment)
        _resolve(case_of(hive.id, post.id, comment_id), moderator, Action.AUTHOR_WARNED)
        record(
            hive.id,
            moderator,
            Action.AUTHOR_WARNED,
            target_bee_id=author.id,
            post_id=post.id,
            comment_id=comment_id,
            reason=reason,
        )
        notify(
            author.id, Notice.WARNED, hive_id=hive.id, post_id=post.id, comment_id=comment_id, reason=reason
        )


def remove_comment(moderator: Bee, hive: Hive, comment: Comment, reason: str) -> None:
    """Remove a comment on a post in the hive: its text leaves the conversation (replies stay in
    place), and its author is told why."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        author = db.session.get(Bee, comment.author_id)
        mine = lock_for(moderator, hive, author)
        policy.require(policy.can_moderate(fresh(moderator), mine), _("Only moderators remove comments."))
        _check_on_author(moderator, mine, hive, author, _("You cannot remove a comment by this bee."))
        if not is_in_hive(comment.post_id, hive.id):
            raise NotFound(_("That post is not in this hive."))
        _remove_comment(moderator, hive, comment.id, reason)


def _remove_comment(moderator: Bee, hive: Hive | None, comment_id: int, reason: str) -> None:
    lock_rows(Comment, [comment_id])
    comment = db.session.get(Comment, comment_id, populate_existing=True)
    if not CommentState.can_move(comment.state, CommentState.REMOVED):
        raise Conflict(_("That comment is already gone."))
    was_visible = comment.is_visible
    comment.state = CommentState.REMOVED
    if was_visible:
        counts.comments_changed(comment.post_id, -1)
    hive_id = hive.id if hive else None
    action = Action.COMMENT_REMOVED if hive else Action.COMMENT_REMOVED_SITE
    for case in db.session.scalars(select(ModerationCase).where(ModerationCase.comment_id == comment.id)):
        _resolve(case, moderator, action)  # a removed comment is gone from every hive's view
    record(
        hive_id,
        moderator,
        action,
        target_bee_id=comment.author_id,
        post_id=comment.post_id,
        comment_id=comment.id,
        reason=reason,
    )
    notify(
        comment.author_id,
        Notice.COMMENT_REMOVED,
        hive_id=hive_id,
        post_id=comment.post_id,
        comment_id=comment.id,
        reason=reason,
    )


def remove_comment_sitewide(admin: Bee, comment: Comment, reason: str) -> None:
    """A site admin removes a comment (on a post in any hive or none), saying why."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        lock_rows(Bee, [admin.id])
        author = db.session.get(Bee, comment.author_id)
        policy.require(
            policy.can_remove_everywhere(fresh(admin), author), _("You cannot remove a comment by this bee.")
        )
        _remove_comment(admin, None, comment.id, reason)


def check_ban_end(until: datetime | None) -> datetime | None:
    """A ban's end must lie in the future (None: permanent)."""
    if until is not None and until <= utcnow():
        raise ValidationError(
            "until", _("Choose a date in the future, or leave it empty for a permanent ban.")
        )
    return until


def ban(
    moderator: Bee,
    hive: Hive,
    bee: Bee,
    reason: str,
    until: datetime | None = None,
    *,
    post: Post | None = None,
    comment: Comment | None = None,
) -> Membership:
    """Ban a bee from the hive (for good, or until a date): they leave it, and cannot post,
    comment in it or rejoin until the ban ends. With ``post`` (or ``comment``), that post
    leaves the hive (that comment is removed) too."""
    reason = clean_reason(reason, required=True)
    until = check_ban_end(until)
    with write_transaction():
        mine = lock_for(moderator, hive, bee)
        theirs = membership_of(bee.id, hive.id)
        policy.require(
            policy.can_ban(fresh(moderator), mine, fresh(bee), theirs), _("You cannot ban this bee.")
        )
        if theirs is not None and theirs.is_banned(utcnow()):
            raise Conflict(_("%(name)s is already banned from this hive.", name=bee.display_name))
        if comment is not None:
            _check_target(hive, db.session.get(Post, comment.post_id), comment)
            _remove_comment(moderator, hive, comment.id, reason)
        elif post is not None:
            _remove(moderator, hive, post.id, reason)
        if theirs is None:
            theirs = Membership(bee_id=bee.id, hive_id=hive.id, role=Role.MEMBER, state=None)
            db.session.add(theirs)
        if theirs.state == MembershipState.BANNED:  # a ban that had ended, now renewed
            theirs.changed_at = utcnow()
        else:
            theirs.member_before_ban = policy.is_member(theirs)
            move_membership(theirs, MembershipState.BANNED)
        theirs.banned_until = until
        record(
            hive.id,
            moderator,
            Action.BANNED,
            target_bee_id=bee.id,
            post_id=post.id if post else (comment.post_id if comment else None),
            comment_id=comment.id if comment else None,
            reason=reason,
            until=until,
        )
        notify(bee.id, Notice.BANNED, hive_id=hive.id, reason=reason, until=until)
    return theirs


def unban(moderator: Bee, hive: Hive, bee: Bee, reason: str = "") -> Membership:
    """Lift a ban: a bee who was a member when banned is a member again, with the hive's posts
    back in their feed; anyone else may join again."""
    reason = clean_reason(reason, required=False)
    with write_transaction():
        mine = lock_for(moderator, hive, bee)
        theirs = membership_of(bee.id, hive.id)
        if theirs is None or theirs.state != MembershipState.BANNED:
            raise Conflict(_("%(name)s is not banned from this hive.", name=bee.display_name))
        policy.require(
            policy.can_act_on(fresh(moderator), mine, fresh(bee), theirs), _("You cannot unban this bee.")
        )
        move_membership(theirs, MembershipState.ACTIVE if theirs.member_before_ban else MembershipState.LEFT)
        theirs.banned_until, theirs.member_before_ban = None, False
        record(hive.id, moderator, Action.UNBANNED, target_bee_id=bee.id, reason=reason)
        notify(bee.id, Notice.UNBANNED, hive_id=hive.id)
    return theirs
