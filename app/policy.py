"""Who may do what: the one place authorization rules live.

Services call these before they change or show anything; routes, the API and
socket handlers never decide on their own. Each ``can_*`` answers a question
from facts the caller looked up (the actor, their membership of the hive, a
block between two bees), and :func:`require` turns a "no" into
:class:`~app.errors.PermissionDenied`.

The hierarchy, as the README's "Who may do what" states it:

* a hive has one **owner**, any number of **moderators**, and **members**;
* a **site admin** acts in every hive above its owner, but no admin acts on
  another admin, and the owner is never banned (ownership moves first);
* a moderator or owner acts only on someone of lower rank: moderators cannot
  act against the owner or each other;
* the owner alone (or a site admin) appoints and removes moderators, transfers
  ownership and writes the rules;
* a suspended bee is signed out everywhere and can do nothing; a bee banned
  from a hive cannot post to it, report in it or rejoin it until the ban ends.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from app.errors import PermissionDenied
from app.hives.models import Hive, Membership, MembershipState, Role
from app.messages.models import Conversation
from app.posts.models import Comment, CommentState, Post
from app.profiles.models import Bee

ADMIN_RANK = 4
OUTSIDER_RANK = 0


def is_signed_in(actor: Bee | None) -> bool:
    """A bee who may act at all: signed in and not suspended."""
    return (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and not actor.is_suspended
        and not actor.is_deleted
    )


def is_member(membership: Membership | None) -> bool:
    """An active member of the hive (not pending, declined, left or banned)."""
    return membership is not None and membership.state == MembershipState.ACTIVE


def rank(bee: Bee | None, membership: Membership | None) -> int:
    """A bee's standing in one hive: admin above owner above moderator above member above
    everyone else."""
    if bee is not None and getattr(bee, "is_admin", False):
        return ADMIN_RANK
    return Role.RANK[membership.role] if is_member(membership) else OUTSIDER_RANK


def can_see_hive_content(actor: Bee | None, hive: Hive, membership: Membership | None) -> bool:
    """A public hive's posts, members and log are anyone's to read; a private hive's are its
    members' (and site admins')."""
    return not hive.is_private or is_member(membership) or rank(actor, membership) == ADMIN_RANK


def can_join(actor: Bee | None, membership: Membership | None, now: datetime) -> bool:
    """Join a public hive or ask to join a private one: anyone signed in who is not in it,
    not waiting for an answer, and not banned (a ban whose date has passed is over)."""
    if not is_signed_in(actor):
        return False
    if membership is None:
        return True
    if membership.state == MembershipState.BANNED:
        return not membership.is_banned(now)
    return membership.state in (MembershipState.LEFT, MembershipState.DECLINED)


def can_withdraw_request(membership: Membership | None) -> bool:
    """A bee may take back a join request still waiting for an answer."""
    return membership is not None and membership.state == MembershipState.PENDING


def can_post_to_hive(membership: Membership | None) -> bool:
    """Only active members post to a hive (banned bees are not members)."""
    return is_member(membership)


def can_leave_hive(membership: Membership | None) -> bool:
    """Active members may leave; the owner stays until ownership moves on."""
    return is_member(membership) and membership.role != Role.OWNER


def can_moderate(actor: Bee | None, membership: Membership | None) -> bool:
    """See the queue and join requests, and act on reports: moderators, the owner, admins."""
    return is_signed_in(actor) and rank(actor, membership) >= Role.RANK[Role.MODERATOR]


def can_act_on(
    actor: Bee | None,
    actor_membership: Membership | None,
    target: Bee,
    target_membership: Membership | None,
) -> bool:
    """Remove a post by, warn, ban or unban ``target``: a moderator acting on someone below
    them, never on themselves, an equal, the owner or a site admin."""
    if not can_moderate(actor, actor_membership) or actor.id == target.id:
        return False
    return rank(actor, actor_membership) > rank(target, target_membership)


def can_ban(actor, actor_membership, target: Bee, target_membership: Membership | None) -> bool:
    """Ban ``target`` from the hive: as :func:`can_act_on`, and never the owner."""
    is_owner = is_member(target_membership) and target_membership.role == Role.OWNER
    return not is_owner and can_act_on(actor, actor_membership, target, target_membership)


def can_lead(actor: Bee | None, membership: Membership | None) -> bool:
    """Appoint and remove moderators, transfer ownership, write the rules: the owner or an
    admin."""
    return is_signed_in(actor) and rank(actor, membership) >= Role.RANK[Role.OWNER]


def can_see_post(
    viewer: Bee | None,
    post: Post,
    *,
    private_membership: Membership | None,
    blocked: bool,
) -> bool:
    """Read a post: it is visible (its author and site admins still see it once removed), it is
    not in a private hive the viewer is outside of, and neither bee blocked the other (site
    admins see past blocks).

    ``private_membership`` is the viewer's membership of ``post.private_hive_id``
    (looked up only when it is set); ``blocked`` says whether a block stands between
    the viewer and the author either way.
    """
    is_author = viewer is not None and getattr(viewer, "id", None) == post.author_id
    is_admin = viewer is not None and getattr(viewer, "is_admin", False)
    if not post.is_visible and not (post.is_removed and (is_author or is_admin)):
        return False
    if is_author or is_admin:
        return True
    if blocked:
        return False
    return post.private_hive_id is None or is_member(private_membership)


def can_change_post(actor: Bee, post: Post) -> bool:
    """Authors edit their own visible posts."""
    return actor.id == post.author_id and post.is_visible


def can_delete_post(actor: Bee, post: Post) -> bool:
    """Authors delete their own posts, a removed one included."""
    return actor.id == post.author_id and (post.is_visible or post.is_removed)


def can_report(actor: Bee | None, post: Post, *, banned: bool) -> bool:
    """Any bee who can see a post may report it, except its author and bees banned from one
    of its hives."""
    return is_signed_in(actor) and actor.id != post.author_id and post.is_visible and not banned


def can_comment(actor: Bee | None, post: Post, *, sees_post: bool, banned: bool, blocked: bool) -> bool:
    """Comment on (or reply under) a post: a signed-in bee who can see it, is banned from none of
    its hives, and has no block with its author (or, for a reply, with the comment's author)."""
    return is_signed_in(actor) and post.is_visible and sees_post and not banned and not blocked


def can_mark_relevant(actor: Bee | None, post: Post, *, sees_post: bool, banned: bool) -> bool:
    """Mark a post Relevant (or take it back): a signed-in bee who can see it and its
    conversation, banned from none of its hives."""
    return is_signed_in(actor) and post.is_visible and sees_post and not banned


def can_share(actor: Bee | None, post: Post, *, sees_post: bool, banned: bool) -> bool:
    """Share a post: a signed-in bee who can see it, banned from none of its hives; a post to a
    private hive is that hive's alone and is never shared."""
    return (
        is_signed_in(actor) and post.is_visible and post.private_hive_id is None and sees_post and not banned
    )


def can_change_comment(actor: Bee, comment: Comment) -> bool:
    """Authors edit their own visible comments."""
    return actor.id == comment.author_id and comment.is_visible


def can_delete_comment(actor: Bee, comment: Comment) -> bool:
    """Authors delete their own comments, a removed one included."""
    return actor.id == comment.author_id and comment.state != CommentState.DELETED


def can_report_comment(actor: Bee | None, comment: Comment, *, banned: bool) -> bool:
    """Any bee who can see a comment may report it, except its author and bees banned from one
    of its post's hives."""
    return is_signed_in(actor) and actor.id != comment.author_id and comment.is_visible and not banned


def can_follow(actor: Bee, target: Bee, *, blocked: bool) -> bool:
    """A bee may follow any other bee, never itself, and no one across a block or gone."""
    return actor.id != target.id and not blocked and not target.is_deleted


def can_block(actor: Bee, target: Bee) -> bool:
    """A bee may block or mute any bee but itself."""
    return actor.id != target.id


def is_admin(actor: Bee | None) -> bool:
    """A site admin, signed in."""
    return is_signed_in(actor) and actor.is_admin


def can_remove_everywhere(actor: Bee | None, author: Bee) -> bool:
    """Site admins remove any bee's post or comment everywhere, except another admin's."""
    return is_admin(actor) and (actor.id == author.id or not author.is_admin)


def can_suspend(actor: Bee | None, target: Bee) -> bool:
    """Site admins suspend and restore bees, but not themselves or one another."""
    return is_admin(actor) and actor.id != target.id and not target.is_admin


def require(allowed: bool, message: str | None = None) -> None:
    """Raise :class:`PermissionDenied` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message or _("You are not allowed to do that."))


def can_message(sender: Bee | None, recipient: Bee, *, blocked: bool) -> bool:
    """Send a direct message: a signed-in bee to any other bee who is not suspended, with no
    block between them either way (site admins included: a block is the recipient's word)."""
    return (
        is_signed_in(sender)
        and sender.id != recipient.id
        and not recipient.is_suspended
        and not recipient.is_deleted
        and not blocked
    )


def can_read_conversation(reader: Bee | None, conversation: Conversation) -> bool:
    """A conversation is its two bees' alone: not even a site admin reads it."""
    return is_signed_in(reader) and conversation.has(reader.id)


def owns_profile_entry(actor: Bee | None, entry) -> bool:
    """A profile entry (a position, a skill, a link…) is changed by its own bee alone."""
    return is_signed_in(actor) and entry.bee_id == actor.id


def can_see_openness(viewer: Bee | None, bee: Bee) -> bool:
    """ "Open to opportunities" is shown to recruiter and editor accounts, and to the bee
    themselves; never to other bees, anonymous visitors, or anything public."""
    return is_signed_in(viewer) and (viewer.id == bee.id or viewer.is_talent_seeker)


def can_search_talent(viewer: Bee | None) -> bool:
    """Recruiter and editor accounts search talent."""
    return is_signed_in(viewer) and viewer.is_talent_seeker


def can_filter_by_openness(viewer: Bee | None) -> bool:
    """Only recruiters look for bees open to work or freelance (editors see it on profiles)."""
    return is_signed_in(viewer) and viewer.account_kind == "recruiter"


def can_post_opportunity(actor: Bee | None) -> bool:
    """Recruiter and editor accounts post opportunities."""
    return is_signed_in(actor) and actor.is_talent_seeker


def can_manage_opportunity(actor: Bee | None, opportunity) -> bool:
    """An opportunity, its answers and their pipeline are its poster's alone."""
    return is_signed_in(actor) and opportunity.poster_id == actor.id


def can_answer(actor: Bee | None, opportunity, *, open_now: bool, blocked: bool) -> bool:
    """Pitch or apply: any signed-in bee but the poster, while the opportunity takes answers,
    with no block between them either way."""
    return is_signed_in(actor) and actor.id != opportunity.poster_id and open_now and not blocked


def can_read_answer(actor: Bee | None, pitch) -> bool:
    """An answer is read by the bee who sent it and the opportunity's poster; nobody else."""
    return is_signed_in(actor) and actor.id in (pitch.bee_id, pitch.opportunity.poster_id)


def can_withdraw_answer(actor: Bee | None, pitch) -> bool:
    """The bee who sent an answer withdraws it."""
    return is_signed_in(actor) and actor.id == pitch.bee_id
