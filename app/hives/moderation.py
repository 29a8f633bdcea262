"""What moderators, owners and site admins do: answer join requests, appoint moderators, write
the rules, work the report queue (dismiss, remove, warn, ban), and keep the log.

Every action here checks ``app/policy.py`` first, changes state, writes one
moderation log entry and, where someone is affected, leaves them a notice,
all in one transaction: nothing a moderator does is missing from the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from app import policy
from app.db import lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.hives.models import (
    REASON_MAX,
    REPORT_DETAIL_MAX,
    Action,
    CaseState,
    Hive,
    LogEntry,
    Membership,
    MembershipState,
    ModerationCase,
    Report,
    ReportReason,
    Role,
)
from app.hives.services import is_banned_from_post_hives, membership_of, move_membership, render_rules
from app.i18n import ngettext
from app.notifications.models import Kind as Notice
from app.notifications.services import notify
from app.posts import delivery
from app.posts.models import Comment, CommentState, Post, PostHive, PostState
from app.profiles.models import Bee, utcnow
from app.search import index as search

LOG_PAGE_SIZE = 50
QUEUE_PAGE_SIZE = 25


def record(
    hive_id: int | None,
    moderator: Bee,
    action: str,
    *,
    target_bee_id: int | None = None,
    post_id: int | None = None,
    comment_id: int | None = None,
    reason: str = "",
    until: datetime | None = None,
) -> None:
    """Write one moderation log entry inside the caller's transaction."""
    db.session.add(
        LogEntry(
            hive_id=hive_id,
            moderator_id=moderator.id,
            action=action,
            target_bee_id=target_bee_id,
            post_id=post_id,
            comment_id=comment_id,
            reason=reason,
            until=until,
        )
    )


def clean_reason(reason: str | None, *, required: bool) -> str:
    """A moderator's stated reason, trimmed; required for actions that affect someone."""
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError("reason", _("Say why: the bee affected will read it."))
    if len(reason) > REASON_MAX:
        raise ValidationError(
            "reason",
            ngettext(
                "Keep the reason under %(num)s character.",
                "Keep the reason under %(num)s characters.",
                REASON_MAX,
            ),
        )
    return reason


def _locked(actor: Bee, hive: Hive, *bees: Bee) -> Membership | None:
    """Lock the bees and the hive (bees first, in id order), then read the actor's membership."""
    lock_rows(Bee, sorted({actor.id, *(bee.id for bee in bees)}))
    lock_rows(Hive, [hive.id])
    return membership_of(actor.id, hive.id)


def _fresh(bee: Bee) -> Bee:
    """The bee as the database has it now (its admin flag may have changed)."""
    return db.session.get(Bee, bee.id, populate_existing=True)


# Join requests ---------------------------------------------------------------------------


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


def answer_request(moderator: Bee, hive: Hive, bee: Bee, *, approve: bool) -> Membership:
    """Approve a request (the bee becomes a member, the hive's posts enter their feed) or
    decline it; either way the bee is told."""
    with write_transaction():
        mine = _locked(moderator, hive, bee)
        policy.require(policy.can_moderate(_fresh(moderator), mine), _("Only moderators answer requests."))
        membership = membership_of(bee.id, hive.id)
        if membership is None or membership.state != MembershipState.PENDING:
            raise Conflict(_("That request was already answered or withdrawn."))
        move_membership(membership, MembershipState.ACTIVE if approve else MembershipState.DECLINED)
        record(
            hive.id,
            moderator,
            Action.JOIN_APPROVED if approve else Action.JOIN_DECLINED,
            target_bee_id=bee.id,
        )
        notify(bee.id, Notice.JOIN_APPROVED if approve else Notice.JOIN_DECLINED, hive_id=hive.id)
    return membership


# Roles and rules -------------------------------------------------------------------------


def _member_for_role(hive: Hive, bee: Bee) -> Membership:
    membership = membership_of(bee.id, hive.id)
    if not policy.is_member(membership):
        raise ValidationError("handle", _("Only members of the hive can take a role in it."))
    return membership


def appoint_moderator(owner: Bee, hive: Hive, bee: Bee) -> Membership:
    """Make a member a moderator of the hive."""
    with write_transaction():
        mine = _locked(owner, hive, bee)
        policy.require(policy.can_lead(_fresh(owner), mine), _("Only the owner appoints moderators."))
        membership = _member_for_role(hive, bee)
        if membership.role != Role.MEMBER:
            raise Conflict(_("%(name)s is already a moderator.", name=bee.display_name))
        membership.role = Role.MODERATOR
        record(hive.id, owner, Action.MODERATOR_APPOINTED, target_bee_id=bee.id)
        notify(bee.id, Notice.MADE_MODERATOR, hive_id=hive.id)
    return membership


def remove_moderator(owner: Bee, hive: Hive, bee: Bee) -> Membership:
    """Make a moderator an ordinary member again."""
    with write_transaction():
        mine = _locked(owner, hive, bee)
        policy.require(policy.can_lead(_fresh(owner), mine), _("Only the owner removes moderators."))
        membership = membership_of(bee.id, hive.id)
        if membership is None or membership.role != Role.MODERATOR:
            raise Conflict(_("%(name)s is not a moderator.", name=bee.display_name))
        membership.role = Role.MEMBER
        record(hive.id, owner, Action.MODERATOR_REMOVED, target_bee_id=bee.id)
        notify(bee.id, Notice.MODERATOR_REMOVED, hive_id=hive.id)
    return membership


def transfer_ownership(owner: Bee, hive: Hive, bee: Bee) -> Membership:
    """Hand the hive to another member; the old owner stays on as a moderator."""
    with write_transaction():
        mine = _locked(owner, hive, bee)
        policy.require(policy.can_lead(_fresh(owner), mine), _("Only the owner can hand the hive on."))
        membership = _member_for_role(hive, bee)
        if membership.role == Role.OWNER:
            raise Conflict(_("%(name)s already owns this hive.", name=bee.display_name))
        current = db.session.scalar(
            select(Membership).where(Membership.hive_id == hive.id, Membership.role == Role.OWNER)
        )
        if current is not None:
            current.role = Role.MODERATOR
        membership.role = Role.OWNER
        record(hive.id, owner, Action.OWNERSHIP_TRANSFERRED, target_bee_id=bee.id)
        notify(bee.id, Notice.MADE_OWNER, hive_id=hive.id)
    return membership


def update_rules(owner: Bee, hive: Hive, rules: str) -> Hive:
    """Rewrite the hive's rules (Markdown), shown when joining and on the report form."""
    source, html = render_rules(rules)
    with write_transaction():
        mine = _locked(owner, hive)
        policy.require(policy.can_lead(_fresh(owner), mine), _("Only the owner writes the rules."))
        hive = db.session.get(Hive, hive.id)
        hive.rules_source, hive.rules_html = source, html
        record(hive.id, owner, Action.RULES_CHANGED)
    return hive


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


def _same_target(hive_id: int | None, post_id: int, comment_id: int | None):
    return (
        ModerationCase.hive_id.is_(None) if hive_id is None else ModerationCase.hive_id == hive_id,
        ModerationCase.post_id == post_id,
        ModerationCase.comment_id.is_(None)
        if comment_id is None
        else ModerationCase.comment_id == comment_id,
    )


def _open_case(hive_id: int | None, post_id: int, comment_id: int | None) -> None:
    case = db.session.scalar(select(ModerationCase).where(*_same_target(hive_id, post_id, comment_id)))
    if case is None:
        db.session.add(
            ModerationCase(hive_id=hive_id, post_id=post_id, comment_id=comment_id, state=CaseState.OPEN)
        )
    elif case.state == CaseState.RESOLVED:  # dismissed or warned, and reported again
        case.state, case.opened_at = CaseState.OPEN, utcnow()
        case.resolved_at = case.resolved_by_id = case.resolution = None


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


AUTHOR_DELETED = "author_deleted"


def close_cases(post_id: int, comment_id: int | None = None, resolution: str = AUTHOR_DELETED) -> None:
    """Resolve every open case of a post (its comments' too) or of one comment, in every queue,
    when what was reported is gone: inside the caller's write transaction."""
    about = ModerationCase.post_id == post_id
    if comment_id is not None:
        about = ModerationCase.comment_id == comment_id
    db.session.execute(
        update(ModerationCase)
        .where(about, ModerationCase.state == CaseState.OPEN)
        .values(state=CaseState.RESOLVED, resolved_at=utcnow(), resolution=resolution)
        .execution_options(synchronize_session=False)
    )


def case_in(hive: Hive | None, case_id: int) -> ModerationCase:
    """The hive's case (the site queue's for ``None``) or :class:`NotFound`."""
    case = db.session.get(ModerationCase, case_id)
    if case is None or case.hive_id != (hive.id if hive else None):
        raise NotFound(_("There is no such report in this queue."))
    return case


def _resolve(case: ModerationCase | None, moderator: Bee, resolution: str) -> None:
    if case is not None and case.state == CaseState.OPEN:
        case.state, case.resolved_at = CaseState.RESOLVED, utcnow()
        case.resolved_by_id, case.resolution = moderator.id, resolution


def _check_on_author(moderator: Bee, mine: Membership | None, hive: Hive, author: Bee, message: str) -> None:
    theirs = membership_of(author.id, hive.id)
    policy.require(policy.can_act_on(_fresh(moderator), mine, _fresh(author), theirs), message)


def dismiss(moderator: Bee, hive: Hive | None, case: ModerationCase, reason: str = "") -> None:
    """Close a case without action: the post stays. A later report opens it again. (``hive``
    None: the site admins' queue.)"""
    reason = clean_reason(reason, required=False)
    with write_transaction():
        if hive is None:
            lock_rows(Bee, [moderator.id])
            policy.require(policy.is_admin(_fresh(moderator)), _("Only site admins work this queue."))
        else:
            mine = _locked(moderator, hive)
            policy.require(policy.can_moderate(_fresh(moderator), mine), _("Only moderators work the queue."))
        case = db.session.get(ModerationCase, case.id, populate_existing=True)
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
        mine = _locked(moderator, hive, author)
        policy.require(policy.can_moderate(_fresh(moderator), mine), _("Only moderators remove posts."))
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


def case_of(hive_id: int, post_id: int, comment_id: int | None = None) -> ModerationCase | None:
    """The post's (or comment's) case in the hive's queue, open or resolved, if it was ever
    reported there."""
    return db.session.scalar(select(ModerationCase).where(*_same_target(hive_id, post_id, comment_id)))


def may_report(bee: Bee | None, post: Post) -> bool:
    """True when ``bee`` may report ``post`` (its comments too): see ``policy.can_report``."""
    return policy.is_signed_in(bee) and policy.can_report(
        bee, post, banned=is_banned_from_post_hives(bee.id, post.id)
    )


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


def hives_moderated_by(viewer: Bee | None, post: Post) -> list[Hive]:
    """The hives of ``post`` that ``viewer`` moderates (every one, for a site admin)."""
    if not policy.is_signed_in(viewer):
        return []
    return [hive for hive in post.hives if policy.can_moderate(viewer, membership_of(viewer.id, hive.id))]


def is_in_hive(post_id: int, hive_id: int) -> bool:
    """True while the post is in the hive (not removed from it)."""
    return db.session.get(PostHive, (post_id, hive_id)) is not None


def reports_of(post_id: int, comment_id: int | None = None) -> list[Report]:
    """Every report of a post (or of one comment on it), oldest first, for moderators' eyes."""
    about = Report.comment_id.is_(None) if comment_id is None else Report.comment_id == comment_id
    return list(
        db.session.scalars(select(Report).where(Report.post_id == post_id, about).order_by(Report.id))
    )


def removal_of(post: Post) -> LogEntry | None:
    """The log entry that removed a post everywhere (or from its private hive), for its
    author's page."""
    return db.session.scalar(
        select(LogEntry)
        .where(
            LogEntry.post_id == post.id,
            LogEntry.action.in_([Action.POST_REMOVED_SITE, Action.POST_REMOVED]),
        )
        .order_by(LogEntry.id.desc())
        .limit(1)
    )


def warn(moderator: Bee, hive: Hive, post: Post, reason: str, *, comment: Comment | None = None) -> None:
    """Warn the author of a post (or of ``comment`` on it), saying why; the text stays."""
    reason = clean_reason(reason, required=True)
    comment_id = comment.id if comment else None
    with write_transaction():
        author = db.session.get(Bee, (comment or post).author_id)
        mine = _locked(moderator, hive, author)
        policy.require(policy.can_moderate(_fresh(moderator), mine), _("Only moderators warn bees."))
        _check_on_author(moderator, mine, hive, author, _("You cannot warn this bee."))
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
        mine = _locked(moderator, hive, author)
        policy.require(policy.can_moderate(_fresh(moderator), mine), _("Only moderators remove comments."))
        _check_on_author(moderator, mine, hive, author, _("You cannot remove a comment by this bee."))
        if not is_in_hive(comment.post_id, hive.id):
            raise NotFound(_("That post is not in this hive."))
        _remove_comment(moderator, hive, comment.id, reason)


def _remove_comment(moderator: Bee, hive: Hive | None, comment_id: int, reason: str) -> None:
    lock_rows(Comment, [comment_id])
    comment = db.session.get(Comment, comment_id, populate_existing=True)
    if not CommentState.can_move(comment.state, CommentState.REMOVED):
        raise Conflict(_("That comment is already gone."))
    comment.state = CommentState.REMOVED
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
            policy.can_remove_everywhere(_fresh(admin), author), _("You cannot remove a comment by this bee.")
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
        mine = _locked(moderator, hive, bee)
        theirs = membership_of(bee.id, hive.id)
        policy.require(
            policy.can_ban(_fresh(moderator), mine, _fresh(bee), theirs), _("You cannot ban this bee.")
        )
        if theirs is not None and theirs.is_banned(utcnow()):
            raise Conflict(_("%(name)s is already banned from this hive.", name=bee.display_name))
        if comment is not None:
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
            post_id=post.id if post else None,
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
        mine = _locked(moderator, hive, bee)
        theirs = membership_of(bee.id, hive.id)
        if theirs is None or theirs.state != MembershipState.BANNED:
            raise Conflict(_("%(name)s is not banned from this hive.", name=bee.display_name))
        policy.require(
            policy.can_act_on(_fresh(moderator), mine, _fresh(bee), theirs), _("You cannot unban this bee.")
        )
        move_membership(theirs, MembershipState.ACTIVE if theirs.member_before_ban else MembershipState.LEFT)
        theirs.banned_until, theirs.member_before_ban = None, False
        record(hive.id, moderator, Action.UNBANNED, target_bee_id=bee.id, reason=reason)
        notify(bee.id, Notice.UNBANNED, hive_id=hive.id)
    return theirs


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


# The log ---------------------------------------------------------------------------------


def log_page(hive: Hive | None, before: int | None = None, limit: int = LOG_PAGE_SIZE):
    """A page of the hive's log (the site's for ``None``), newest first, and the next cursor."""
    where_hive = LogEntry.hive_id.is_(None) if hive is None else LogEntry.hive_id == hive.id
    statement = select(LogEntry).where(where_hive)
    if before:
        statement = statement.where(LogEntry.id < before)
    rows = list(db.session.scalars(statement.order_by(LogEntry.id.desc()).limit(limit + 1)))
    return rows[:limit], rows[limit - 1].id if len(rows) > limit else None


# Site admins -----------------------------------------------------------------------------


def remove_sitewide(admin: Bee, post: Post, reason: str) -> None:
    """Take a post down everywhere: it leaves every feed and search; its author still sees it,
    with the reason."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        lock_rows(Bee, [admin.id])
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        policy.require(
            policy.can_remove_everywhere(_fresh(admin), db.session.get(Bee, post.author_id)),
            _("You cannot remove a post by this bee."),
        )
        if not PostState.can_move(post.state, PostState.REMOVED):
            raise Conflict(_("That post is already gone."))
        post.state = PostState.REMOVED
        search.unindex_post(post.id)
        for case in db.session.scalars(select(ModerationCase).where(ModerationCase.post_id == post.id)):
            _resolve(case, admin, Action.POST_REMOVED_SITE)
        record(
            None,
            admin,
            Action.POST_REMOVED_SITE,
            target_bee_id=post.author_id,
            post_id=post.id,
            reason=reason,
        )
        notify(post.author_id, Notice.POST_REMOVED_SITE, post_id=post.id, reason=reason)


def suspend(admin: Bee, bee: Bee, reason: str) -> Bee:
    """Suspend a bee site-wide: they cannot log in, and their open sessions end."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        lock_rows(Bee, sorted({admin.id, bee.id}))
        bee = _fresh(bee)
        policy.require(policy.can_suspend(_fresh(admin), bee), _("You cannot suspend this bee."))
        if bee.is_suspended:
            raise Conflict(_("%(name)s is already suspended.", name=bee.display_name))
        bee.suspended_at, bee.suspension_reason = utcnow(), reason
        record(None, admin, Action.BEE_SUSPENDED, target_bee_id=bee.id, reason=reason)
    return bee


def unsuspend(admin: Bee, bee: Bee, reason: str = "") -> Bee:
    """Restore a suspended bee: they can log in again."""
    reason = clean_reason(reason, required=False)
    with write_transaction():
        lock_rows(Bee, sorted({admin.id, bee.id}))
        bee = _fresh(bee)
        policy.require(policy.can_suspend(_fresh(admin), bee), _("You cannot restore this bee."))
        if not bee.is_suspended:
            raise Conflict(_("%(name)s is not suspended.", name=bee.display_name))
        bee.suspended_at, bee.suspension_reason = None, ""
        record(None, admin, Action.BEE_UNSUSPENDED, target_bee_id=bee.id, reason=reason)
    return bee
