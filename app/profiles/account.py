"""Deleting an account: everything personal goes in one write, and the handle waits a while.

What goes, in one transaction (all or nothing):

* the profile: name, headline, statement, location, photo, the whole record (positions,
  education, skills, tags, links…), the email (replaced by an address that cannot receive
  mail, so the real one may sign up again at once) and the password (made unusable);
* follows both ways, blocks and mutes both ways, hive memberships (and requests, bans);
* posts (honey, buzz, shares) and comments, deleted as their author deleting them one by one
  would: their text is erased, they leave every feed and search, and a deleted comment keeps
  its place only while other bees' replies hang under it;
* Relevant marks taken back, reports withdrawn;
* notices to the bee, and those the bee caused others;
* direct conversations, for both bees: a conversation is its two bees' alone, and half of
  one, answering words that are gone, is neither bee's record any more;
* opportunities the bee posted (and the answers sent to them), answers the bee sent, and the
  bee's saved talent searches.

Every count on other rows stays exact: delivery counts (through the same
``delivery`` changes a follow, a membership or a block makes), comment, Relevant
and share counts, the other bees' notice and message badges.

A hive the bee owns with other active members stops the deletion: ownership passes
first. A hive the bee owns alone stays, without members or owner (site admins act in
every hive): other bees' posts in it, from before they left, stay where they are.

The row itself stays, with ``deleted_at`` set, to keep the handle reserved for
``HANDLE_GRACE_DAYS``; after that a new sign-up (or ``flask accounts
purge-handles``) renames the tombstone's handle to one that can never be a handle.

Lock order, as everywhere: bees (in id order), then hives, then posts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update

from app import realtime
from app.db import after_write, lock_rows, write_transaction
from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState, Report, Role
from app.hives.services import move_membership
from app.messages.models import Conversation, Message, Participant
from app.notifications.models import Notice, NoticeOptOut
from app.notifications.services import drop_notices, move_badge
from app.opportunities.models import Opportunity, Pitch
from app.posts import delivery
from app.posts.comments import erase_comment
from app.posts.models import Comment, CommentState, Post, PostState, PostTag, Reaction
from app.posts.reactions import take_back
from app.posts.services import erase_post
from app.profiles import photos
from app.profiles.models import (
    Bee,
    BeeMute,
    Block,
    Certification,
    Education,
    Follow,
    HiveMute,
    Position,
    ProfileLink,
    ProfileTag,
    Skill,
    WorkSample,
    utcnow,
)
from app.search import index as search
from app.talent.models import DismissedSuggestion, Neighbour, NeighbourList, SavedSearch, SavedSearchMatch

# How recently the bee must have entered their password to delete the account.
FRESH_LOGIN = timedelta(minutes=10)
# A password hash no password matches (werkzeug reads no method from it).
UNUSABLE_PASSWORD = "!"  # noqa: S105
# What a deleted bee's row shows wherever their old comments keep a place: no name, in any language.
DELETED_NAME = "[deleted]"
RECORD_TABLES = (ProfileTag, ProfileLink, Position, Education, Skill, Certification, WorkSample)


def is_fresh(authenticated_at: float | None, now: datetime | None = None) -> bool:
    """True when the password was entered (a UTC timestamp) within :data:`FRESH_LOGIN`."""
    if not isinstance(authenticated_at, int | float):
        return False
    entered = datetime.fromtimestamp(authenticated_at, UTC)
    now = now or utcnow()
    return entered <= now + timedelta(seconds=5) and now - entered <= FRESH_LOGIN


def confirm_password(bee: Bee, password: str) -> None:
    """Check the bee's password again before a grave step; a :class:`ValidationError` if wrong."""
    if not password or not bee.check_password(password):
        raise ValidationError("password", _("That password is not right."))


def hives_blocking(bee_id: int) -> list[Hive]:
    """The hives ``bee_id`` owns that other bees still belong to: they need a new owner first."""
    others = (
        select(func.count(Membership.id))
        .where(
            Membership.hive_id == Hive.id,
            Membership.state == MembershipState.ACTIVE,
            Membership.bee_id != bee_id,
        )
        .correlate(Hive)
        .scalar_subquery()
    )
    owned = select(Membership.hive_id).where(
        Membership.bee_id == bee_id, Membership.state == MembershipState.ACTIVE, Membership.role == Role.OWNER
    )
    return list(
        db.session.scalars(select(Hive).where(Hive.id.in_(owned), others > 0).order_by(Hive.name_key))
    )


def delete_account(bee: Bee, typed_handle: str, authenticated_at: float | None) -> None:
    """Delete ``bee``'s account for good (see the module's docstring for what that means).

    The bee must have entered their password within :data:`FRESH_LOGIN`
    (``authenticated_at``, a UTC timestamp) and typed their handle to confirm.
    Raises :class:`PermissionDenied`, :class:`ValidationError` or, when the bee
    owns a hive others still belong to, :class:`Conflict`; nothing is written then.
    """
    if not is_fresh(authenticated_at):
        raise PermissionDenied(_("Enter your password again to delete your account."))
    if (typed_handle or "").strip().removeprefix("@").lower() != bee.handle:
        raise ValidationError("handle", _("Type your handle, %(handle)s, to confirm.", handle=bee.handle))
    bee_id = bee.id
    with write_transaction():
        _lock_bees(bee_id)
        bee = db.session.get(Bee, bee_id, populate_existing=True)
        if bee is None or bee.is_deleted:
            raise NotFound(_("That account no longer exists."))
        # Hives before the check: nobody joins a hive of the bee's while it is made.
        lock_rows(Hive, db.session.scalars(select(Membership.hive_id).where(Membership.bee_id == bee_id)))
        if hives_blocking(bee_id):
            raise Conflict(
                _(
                    "You own hives that other bees still belong to. Hand each one to another member "
                    "before you delete your account."
                )
            )
        _decline_requests_to_hives_of(bee_id)
        lock_rows(Post, _posts_touched(bee_id))
        _end_follows(bee_id)
        _end_memberships(bee_id)
        _erase_writing(bee_id)
        _take_back_marks(bee_id)
        drop_notices(or_(Notice.bee_id == bee_id, Notice.actor_id == bee_id))
        _drop_conversations(bee_id)
        _drop_controls(bee_id)
        _drop_talent(bee_id)
        photo = _empty_profile(bee)
        realtime.end_sockets(bee_id)
    if photo:
        after_write(lambda: photos.delete_files(photo))


def _decline_requests_to_hives_of(bee_id: int) -> None:
    """A hive the bee owned alone keeps no one to answer its join requests: decline them, so
    nobody waits for an answer that cannot come (they may ask again once it has a leader)."""
    owned = select(Membership.hive_id).where(
        Membership.bee_id == bee_id, Membership.state == MembershipState.ACTIVE, Membership.role == Role.OWNER
    )
    db.session.execute(
        update(Membership)
        .where(Membership.hive_id.in_(owned), Membership.state == MembershipState.PENDING)
        .values(state=MembershipState.DECLINED, changed_at=utcnow())
    )


def _lock_bees(bee_id: int) -> None:
    """Lock the bee and every bee whose counts or badges the deletion moves, in id order. Every
    write that adds a follow, notice or message involving the bee locks the bee's row too, so
    once it is held the set read again is complete."""
    locked: set[int] = set()
    while True:
        wanted = _bees_touched(bee_id)
        if wanted <= locked:
            return
        lock_rows(Bee, wanted - locked)
        locked |= wanted


def _bees_touched(bee_id: int) -> set[int]:
    unread = Notice.read_at.is_(None)
    queries = (
        select(Follow.follower_id).where(Follow.followee_id == bee_id),
        select(Follow.followee_id).where(Follow.follower_id == bee_id),
        select(Block.blocker_id).where(Block.blocked_id == bee_id),
        select(Block.blocked_id).where(Block.blocker_id == bee_id),
        select(Participant.other_bee_id).where(Participant.bee_id == bee_id),
        select(Notice.bee_id).where(Notice.actor_id == bee_id, unread),
        select(Post.author_id).where(Post.id.in_(select(Reaction.post_id).where(Reaction.bee_id == bee_id))),
    )
    touched = {bee_id}
    for query in queries:
        touched.update(db.session.scalars(query))
    return touched


def _posts_touched(bee_id: int) -> set[int]:
    """The posts whose rows the deletion changes: the bee's own, the originals of their shares,
    and those they commented on or marked."""
    queries = (
        select(Post.id).where(Post.author_id == bee_id),
        select(Post.shared_post_id).where(Post.author_id == bee_id, Post.shared_post_id.is_not(None)),
        select(Comment.post_id).where(Comment.author_id == bee_id),
        select(Reaction.post_id).where(Reaction.bee_id == bee_id),
    )
    return {post_id for query in queries for post_id in db.session.scalars(query)}


def _end_follows(bee_id: int) -> None:
    """End every follow either way, each moving the delivery counts as an unfollow does."""
    either_way = or_(Follow.follower_id == bee_id, Follow.followee_id == bee_id)
    for edge in list(db.session.scalars(select(Follow).where(either_way))):
        db.session.delete(edge)
        db.session.flush()
        delivery.follow_changed(edge.follower_id, edge.followee_id, -1)


def _end_memberships(bee_id: int) -> None:
    """Leave every hive (one at a time, so each count sees the memberships still held), then
    forget every membership row: requests, bans and past ones too."""
    memberships = db.session.scalars(
        select(Membership).where(Membership.bee_id == bee_id).order_by(Membership.hive_id)
    )
    for membership in list(memberships):
        if membership.state == MembershipState.ACTIVE:
            move_membership(membership, MembershipState.LEFT)
    db.session.execute(delete(Membership).where(Membership.bee_id == bee_id))
    db.session.execute(
        update(Hive)
        .where(Hive.created_by_id == bee_id)
        .values(created_by_id=None)
        .execution_options(synchronize_session=False)
    )


def _erase_writing(bee_id: int) -> None:
    """Delete the bee's posts and comments as deleting each one would; withdraw their reports."""
    posts = db.session.scalars(
        select(Post).where(Post.author_id == bee_id, Post.state != PostState.DELETED).order_by(Post.id)
    )
    for post in list(posts):
        erase_post(post)
    db.session.execute(
        delete(PostTag).where(PostTag.post_id.in_(select(Post.id).where(Post.author_id == bee_id)))
    )
    comments = db.session.scalars(
        select(Comment)
        .where(Comment.author_id == bee_id, Comment.state != CommentState.DELETED)
        .order_by(Comment.post_id, Comment.id)
    )
    for comment in list(comments):
        erase_comment(comment)
    db.session.execute(delete(Report).where(Report.reporter_id == bee_id))


def _take_back_marks(bee_id: int) -> None:
    marks = db.session.scalars(select(Reaction).where(Reaction.bee_id == bee_id).order_by(Reaction.post_id))
    for mark in list(marks):
        take_back(db.session.get(Post, mark.post_id, populate_existing=True), mark)


def _drop_conversations(bee_id: int) -> None:
    """Delete the bee's conversations for both bees; the other's unread ones leave their badge."""
    theirs = db.session.execute(
        select(Participant.bee_id, Participant.unread_count).where(
            Participant.other_bee_id == bee_id, Participant.unread_count > 0
        )
    ).all()
    for other_id, unread in theirs:
        move_badge(other_id, Bee.unread_messages, -unread)
    mine = select(Conversation.id).where(
        or_(Conversation.low_bee_id == bee_id, Conversation.high_bee_id == bee_id)
    )
    for model, column in ((Participant, Participant.conversation_id), (Message, Message.conversation_id)):
        db.session.execute(delete(model).where(column.in_(mine)).execution_options(synchronize_session=False))
    db.session.execute(
        delete(Conversation).where(Conversation.id.in_(mine)).execution_options(synchronize_session=False)
    )


def _drop_controls(bee_id: int) -> None:
    """Blocks, mutes and set-aside suggestions, either way. No delivery count moves: the bee has
    no visible post and no membership left by now, so no post reaches across these blocks
    through a hive."""
    for statement in (
        delete(Block).where(or_(Block.blocker_id == bee_id, Block.blocked_id == bee_id)),
        delete(BeeMute).where(or_(BeeMute.bee_id == bee_id, BeeMute.muted_id == bee_id)),
        delete(HiveMute).where(HiveMute.bee_id == bee_id),
        delete(NoticeOptOut).where(NoticeOptOut.bee_id == bee_id),
        delete(DismissedSuggestion).where(
            or_(
                DismissedSuggestion.bee_id == bee_id,
                (DismissedSuggestion.kind == "bee") & (DismissedSuggestion.target_id == bee_id),
            )
        ),
    ):
        db.session.execute(statement.execution_options(synchronize_session=False))


def _drop_talent(bee_id: int) -> None:
    """The bee's opportunities (with the answers sent to them), the answers the bee sent, the
    bee's saved searches and neighbours; the notices about any of them first, so every badge
    stays exact. The bee leaves other searches' lists of matches and other bees' neighbours,
    and each opportunity they answered counts one answer fewer."""
    mine = select(Opportunity.id).where(Opportunity.poster_id == bee_id)
    sent = select(Pitch.id).where(Pitch.bee_id == bee_id)
    drop_notices(or_(Notice.opportunity_id.in_(mine), Notice.pitch_id.in_(sent)))
    answered = select(Pitch.opportunity_id).where(Pitch.bee_id == bee_id)  # once each: one answer per bee
    for statement in (
        update(Opportunity)
        .where(Opportunity.id.in_(answered))
        .values(pitch_count=Opportunity.pitch_count - 1),
        delete(Pitch).where(Pitch.bee_id == bee_id),
        delete(Opportunity).where(Opportunity.poster_id == bee_id),
        delete(SavedSearch).where(SavedSearch.bee_id == bee_id),
        delete(SavedSearchMatch).where(SavedSearchMatch.bee_id == bee_id),
        delete(NeighbourList).where(NeighbourList.bee_id == bee_id),
        delete(Neighbour).where(Neighbour.other_id == bee_id),
    ):
        db.session.execute(statement.execution_options(synchronize_session=False))


def _empty_profile(bee: Bee) -> str | None:
    """Empty every personal column and the record; return the photo's key (its files go after
    the commit)."""
    for table in RECORD_TABLES:
        db.session.execute(delete(table).where(table.bee_id == bee.id))
    photo = bee.photo
    bee.display_name = DELETED_NAME
    bee.headline = bee.statement = bee.statement_html = bee.location = bee.location_key = ""
    bee.career_start = None
    bee.email = f"deleted-{bee.id}@invalid"
    bee.password_hash = UNUSABLE_PASSWORD
    bee.photo = bee.language = None
    bee.open_to_work = bee.open_to_freelance = bee.is_admin = False
    bee.account_kind = "bee"
    bee.suspended_at, bee.suspension_reason = None, ""
    bee.unread_notices = bee.unread_messages = 0
    bee.deleted_at = utcnow()
    search.unindex_bee(bee.id)
    return photo


# The handle: reserved while the grace period runs, then free for anyone.


def grace_over(bee: Bee, now: datetime | None = None) -> bool:
    """True once a deleted bee's handle may be taken by someone else."""
    if bee.deleted_at is None:
        return False
    deleted_at = bee.deleted_at if bee.deleted_at.tzinfo else bee.deleted_at.replace(tzinfo=UTC)
    grace = timedelta(days=current_app.config["HANDLE_GRACE_DAYS"])
    return deleted_at + grace <= (now or utcnow())


def release_handle(bee: Bee) -> None:
    """Give a tombstone a handle no bee can choose (``~<id>``), inside the caller's write."""
    bee.handle = f"~{bee.id}"
    db.session.flush()


def purge_handles(now: datetime | None = None) -> int:
    """Free every handle whose grace period has passed; return how many."""
    cutoff = (now or utcnow()) - timedelta(days=current_app.config["HANDLE_GRACE_DAYS"])
    with write_transaction():
        expired = Bee.deleted_at.is_not(None) & (Bee.deleted_at <= cutoff) & ~Bee.handle.startswith("~")
        tombstones = db.session.scalars(select(Bee).where(expired))
        freed = 0
        for bee in list(tombstones):
            release_handle(bee)
            freed += 1
    return freed
