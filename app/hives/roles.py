"""Who holds which role in a hive, and who gets in: join requests, moderators, ownership, rules.

Each action checks ``app/policy.py``, writes its log entry and tells the bee
affected, in one transaction.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app import policy
from app.db import write_transaction
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.hives.log import record
from app.hives.models import Action, Hive, Membership, MembershipState, Role
from app.hives.services import fresh, lock_for, membership_of, move_membership, render_rules
from app.notifications.models import Kind as Notice
from app.notifications.services import notify
from app.profiles.models import Bee


def answer_request(moderator: Bee, hive: Hive, bee: Bee, *, approve: bool) -> Membership:
    """Approve a request (the bee becomes a member, the hive's posts enter their feed) or
    decline it; either way the bee is told."""
    with write_transaction():
        mine = lock_for(moderator, hive, bee)
        policy.require(policy.can_moderate(fresh(moderator), mine), _("Only moderators answer requests."))
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


def _member_for_role(hive: Hive, bee: Bee) -> Membership:
    membership = membership_of(bee.id, hive.id)
    if not policy.is_member(membership):
        raise ValidationError("handle", _("Only members of the hive can take a role in it."))
    return membership


def appoint_moderator(owner: Bee, hive: Hive, bee: Bee) -> Membership:
    """Make a member a moderator of the hive."""
    with write_transaction():
        mine = lock_for(owner, hive, bee)
        policy.require(policy.can_lead(fresh(owner), mine), _("Only the owner appoints moderators."))
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
        mine = lock_for(owner, hive, bee)
        policy.require(policy.can_lead(fresh(owner), mine), _("Only the owner removes moderators."))
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
        mine = lock_for(owner, hive, bee)
        policy.require(policy.can_lead(fresh(owner), mine), _("Only the owner can hand the hive on."))
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
        mine = lock_for(owner, hive)
        policy.require(policy.can_lead(fresh(owner), mine), _("Only the owner writes the rules."))
        hive = db.session.get(Hive, hive.id)
        hive.rules_source, hive.rules_html = source, html
        record(hive.id, owner, Action.RULES_CHANGED)
    return hive
