"""Who may do what: the one place authorization rules live.

Services call these before they change anything; routes, the API and socket
handlers never decide on their own. Each ``can_*`` answers a question, and
:func:`require` turns a "no" into :class:`~app.errors.PermissionDenied`.
"""

from __future__ import annotations

from flask_babel import gettext as _

from app.errors import PermissionDenied
from app.hives.models import Membership, MembershipState, Role
from app.posts.models import Post
from app.profiles.models import Bee


def can_follow(actor: Bee, target: Bee) -> bool:
    """A bee may follow any other bee, never itself."""
    return actor.id != target.id


def can_post_to_hive(membership: Membership | None) -> bool:
    """Only active members post to a hive."""
    return membership is not None and membership.state == MembershipState.ACTIVE


def can_leave_hive(membership: Membership | None) -> bool:
    """Active members may leave; the owner stays until ownership moves on."""
    return (
        membership is not None
        and membership.state == MembershipState.ACTIVE
        and membership.role != Role.OWNER
    )


def can_change_post(actor: Bee, post: Post) -> bool:
    """Authors edit and delete their own visible posts."""
    return actor.id == post.author_id and post.is_visible


def require(allowed: bool, message: str | None = None) -> None:
    """Raise :class:`PermissionDenied` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message or _("You are not allowed to do that."))
