"""What only site admins do: take a post down everywhere, suspend and restore bees."""

from __future__ import annotations

from flask_babel import gettext as _

from app import policy, realtime
from app.db import lock_rows, write_transaction
from app.errors import Conflict
from app.extensions import db
from app.hives.log import clean_reason, record
from app.hives.models import Action
from app.hives.moderation import close_cases
from app.hives.services import fresh
from app.notifications.models import Kind as Notice
from app.notifications.services import notify
from app.posts import counts
from app.posts.models import Post, PostState
from app.profiles import services as profiles
from app.profiles.models import Bee, utcnow
from app.search import index as search


def remove_sitewide(admin: Bee, post: Post, reason: str) -> None:
    """Take a post down everywhere: it leaves every feed and search; its author still sees it,
    with the reason."""
    reason = clean_reason(reason, required=True)
    with write_transaction():
        lock_rows(Bee, [admin.id])
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        policy.require(
            policy.can_remove_everywhere(fresh(admin), db.session.get(Bee, post.author_id)),
            _("You cannot remove a post by this bee."),
        )
        if not PostState.can_move(post.state, PostState.REMOVED):
            raise Conflict(_("That post is already gone."))
        if post.shared_post_id:
            counts.shares_changed(post.shared_post_id, -1)
        post.state = PostState.REMOVED
        search.unindex_post(post.id)
        close_cases(post.id, resolution=Action.POST_REMOVED_SITE, by=admin)
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
        bee = fresh(bee)
        policy.require(policy.can_suspend(fresh(admin), bee), _("You cannot suspend this bee."))
        if bee.is_suspended:
            raise Conflict(_("%(name)s is already suspended.", name=bee.display_name))
        bee.suspended_at, bee.suspension_reason = utcnow(), reason
        record(None, admin, Action.BEE_SUSPENDED, target_bee_id=bee.id, reason=reason)
        realtime.end_sockets(bee.id)
    return bee


def unsuspend(admin: Bee, bee: Bee, reason: str = "") -> Bee:
    """Restore a suspended bee: they can log in again."""
    reason = clean_reason(reason, required=False)
    with write_transaction():
        lock_rows(Bee, sorted({admin.id, bee.id}))
        bee = fresh(bee)
        policy.require(policy.can_suspend(fresh(admin), bee), _("You cannot restore this bee."))
        if not bee.is_suspended:
            raise Conflict(_("%(name)s is not suspended.", name=bee.display_name))
        bee.suspended_at, bee.suspension_reason = None, ""
        record(None, admin, Action.BEE_UNSUSPENDED, target_bee_id=bee.id, reason=reason)
    return bee


def set_account_kind(admin: Bee, bee: Bee, kind: str) -> Bee:
    """Make ``bee``'s account a bee's, a recruiter's or an editor's (site admins only)."""
    policy.require(policy.is_admin(admin), _("Only site admins can change what an account is for."))
    return profiles.set_account_kind(bee, kind)
