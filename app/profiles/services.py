"""Following bees and editing one's own profile."""

from __future__ import annotations

from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from app import policy, realtime
from app.db import lock_rows, write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives.models import Hive
from app.i18n import check_language, ngettext
from app.notifications.models import Kind as Notice
from app.notifications.services import notify, withdraw
from app.posts import delivery
from app.profiles.models import (
    ACCOUNT_KINDS,
    DISPLAY_NAME_MAX,
    Bee,
    BeeMute,
    Block,
    Follow,
    HiveMute,
)


def clean_display_name(display_name: str) -> str:
    """Return the trimmed display name or raise :class:`ValidationError`."""
    display_name = " ".join((display_name or "").split())
    if not display_name:
        raise ValidationError("display_name", _("Enter the name other bees will see."))
    if len(display_name) > DISPLAY_NAME_MAX:
        raise ValidationError(
            "display_name",
            ngettext(
                "Keep your name under %(num)s character.",
                "Keep your name under %(num)s characters.",
                DISPLAY_NAME_MAX,
            ),
        )
    return display_name


def bee_by_handle(handle: str) -> Bee:
    """Return the bee with this handle (any case) or raise :class:`NotFound`; a deleted account
    is not found (its handle is only held for a while)."""
    bee = db.session.scalar(_bee_by_handle(), {"handle": (handle or "").lower()})
    if bee is None:
        raise NotFound(_("There is no bee with that handle."))
    return bee


@cache
def _bee_by_handle():
    return select(Bee).where(Bee.handle == bindparam("handle"), Bee.deleted_at.is_(None))


def lock_live_bees(*bees: Bee | int) -> list[Bee]:
    """Inside a write: lock the bees' rows (in id order) and read them afresh (bees or their
    ids, in the order given), or :class:`NotFound` if one deleted their account meanwhile (a
    write queued behind a deletion must not land on the emptied row)."""
    ids = [bee if isinstance(bee, int) else bee.id for bee in bees]
    lock_rows(Bee, ids)
    fresh = [db.session.get(Bee, bee_id, populate_existing=True) for bee_id in ids]
    if any(bee is None or bee.is_deleted for bee in fresh):
        raise NotFound(_("That account no longer exists."))
    return fresh


def is_following(follower_id: int, followee_id: int) -> bool:
    """True when ``follower_id`` follows ``followee_id``."""
    return db.session.get(Follow, (follower_id, followee_id)) is not None


def follow(follower: Bee, followee: Bee) -> bool:
    """Follow ``followee``; their earlier posts join the follower's feed at once.

    Returns False when already following (nothing changes).
    """
    policy.require(follower.id != followee.id, _("You cannot follow yourself."))
    with write_transaction():
        follower, followee = lock_live_bees(follower, followee)
        policy.require(
            policy.can_follow(follower, followee, blocked=is_blocked_between(follower.id, followee.id)),
            _("You cannot follow this bee."),
        )
        if is_following(follower.id, followee.id):
            return False
        delivery.follow_changed(follower.id, followee.id, +1)
        db.session.add(Follow(follower_id=follower.id, followee_id=followee.id))
        notify(followee.id, Notice.FOLLOWED, actor_id=follower.id)
    return True


def unfollow(follower: Bee, followee: Bee) -> bool:
    """Stop following; posts no longer reachable another way leave the feed.

    Returns False when not following (nothing changes).
    """
    with write_transaction():
        lock_rows(Bee, [follower.id, followee.id])
        edge = db.session.get(Follow, (follower.id, followee.id))
        if edge is None:
            return False
        db.session.delete(edge)
        delivery.follow_changed(follower.id, followee.id, -1)
        withdraw(followee.id, Notice.FOLLOWED, actor_id=follower.id)
    return True


def is_blocked_between(bee_id: int, other_id: int) -> bool:
    """True when either bee blocked the other."""
    return bool(
        db.session.scalar(
            select(Block.blocker_id).where(
                ((Block.blocker_id == bee_id) & (Block.blocked_id == other_id))
                | ((Block.blocker_id == other_id) & (Block.blocked_id == bee_id))
            )
        )
    )


def has_blocked(blocker_id: int, blocked_id: int) -> bool:
    """True when ``blocker_id`` blocked ``blocked_id``."""
    return db.session.get(Block, (blocker_id, blocked_id)) is not None


def block(blocker: Bee, blocked: Bee) -> bool:
    """Block a bee: follows between us end, neither sees the other's posts, and neither can
    follow or interact with the other. Returns False when already blocked."""
    policy.require(policy.can_block(blocker, blocked), _("You cannot block yourself."))
    with write_transaction():
        lock_rows(Bee, [blocker.id, blocked.id])
        if has_blocked(blocker.id, blocked.id):
            return False
        was_blocked = is_blocked_between(blocker.id, blocked.id)
        for follower_id, followee_id in ((blocker.id, blocked.id), (blocked.id, blocker.id)):
            edge = db.session.get(Follow, (follower_id, followee_id))
            if edge is not None:
                db.session.delete(edge)
                db.session.flush()
                delivery.follow_changed(follower_id, followee_id, -1)
        db.session.add(Block(blocker_id=blocker.id, blocked_id=blocked.id))
        if not was_blocked:
            delivery.block_changed(blocker.id, blocked.id, -1)
        for bee_id in (blocker.id, blocked.id):
            realtime.end_sockets(bee_id)  # rooms joined before the block are left with them
    return True


def unblock(blocker: Bee, blocked: Bee) -> bool:
    """Lift my block. Follows do not come back; posts a shared hive carries do (unless the
    other bee blocked me too). Returns False when there was no block."""
    with write_transaction():
        lock_rows(Bee, [blocker.id, blocked.id])
        edge = db.session.get(Block, (blocker.id, blocked.id))
        if edge is None:
            return False
        db.session.delete(edge)
        db.session.flush()
        if not is_blocked_between(blocker.id, blocked.id):
            delivery.block_changed(blocker.id, blocked.id, +1)
    return True


def is_muted(bee_id: int, muted_id: int) -> bool:
    """True when ``bee_id`` muted the bee ``muted_id``."""
    return db.session.get(BeeMute, (bee_id, muted_id)) is not None


def is_hive_muted(bee_id: int, hive_id: int) -> bool:
    """True when ``bee_id`` muted the hive ``hive_id``."""
    return db.session.get(HiveMute, (bee_id, hive_id)) is not None


def mute(bee: Bee, muted: Bee) -> bool:
    """Hide a bee's posts from my own feeds. Nobody is told, and no count moves."""
    policy.require(policy.can_block(bee, muted), _("You cannot mute yourself."))
    with write_transaction():
        if is_muted(bee.id, muted.id):
            return False
        db.session.add(BeeMute(bee_id=bee.id, muted_id=muted.id))
    return True


def unmute(bee: Bee, muted: Bee) -> bool:
    """Show a muted bee's posts in my feeds again."""
    with write_transaction():
        edge = db.session.get(BeeMute, (bee.id, muted.id))
        if edge is None:
            return False
        db.session.delete(edge)
    return True


def mute_hive(bee: Bee, hive: Hive) -> bool:
    """Hide a hive's posts from my home feed; I stay a member and still read the hive."""
    with write_transaction():
        if is_hive_muted(bee.id, hive.id):
            return False
        db.session.add(HiveMute(bee_id=bee.id, hive_id=hive.id))
    return True


def unmute_hive(bee: Bee, hive: Hive) -> bool:
    """Show a muted hive's posts in my home feed again."""
    with write_transaction():
        edge = db.session.get(HiveMute, (bee.id, hive.id))
        if edge is None:
            return False
        db.session.delete(edge)
    return True


def set_language(bee: Bee, language: str | None) -> Bee:
    """Choose the interface language ``bee`` sees everywhere (None: the browser's)."""
    language = check_language(language, browser_allowed=True)
    with write_transaction():
        bee = db.session.merge(bee)
        bee.language = language
    return bee


def set_account_kind(bee: Bee, kind: str) -> Bee:
    """Make ``bee`` an ordinary bee, a recruiter or an editor (site admins decide)."""
    if kind not in ACCOUNT_KINDS:
        raise ValidationError("account_kind", _("Choose a bee, recruiter or editor account."))
    with write_transaction():
        bee = db.session.merge(bee)
        bee.account_kind = kind
    return bee
