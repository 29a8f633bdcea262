"""Who may read a post, and its conversation: the facts looked up, the rule asked of
``app/policy.py``. Services, pages and (later) the API and sockets all ask here."""

from __future__ import annotations

from app import policy
from app.hives.services import membership_of
from app.posts.models import Post
from app.profiles.models import Bee
from app.profiles.services import is_blocked_between


def may_see(viewer: Bee | None, post: Post) -> bool:
    """True when ``viewer`` (None or anonymous: nobody signed in) may read ``post``."""
    viewer_id = getattr(viewer, "id", None) if getattr(viewer, "is_authenticated", False) else None
    private_membership = None
    if post.private_hive_id is not None and viewer_id is not None:
        private_membership = membership_of(viewer_id, post.private_hive_id)
    blocked = (
        viewer_id is not None
        and viewer_id != post.author_id
        and is_blocked_between(viewer_id, post.author_id)
    )
    return policy.can_see_post(
        viewer if viewer_id is not None else None,
        post,
        private_membership=private_membership,
        blocked=blocked,
    )


def may_read_conversation(viewer: Bee | None, post: Post) -> bool:
    """A post's comments are for those who may see the post; a private hive's conversation is
    its members' (and site admins'), even for the post's author once they have left."""
    if not may_see(viewer, post):
        return False
    if post.private_hive_id is None or policy.is_admin(viewer):
        return True
    return policy.is_member(membership_of(viewer.id, post.private_hive_id))
