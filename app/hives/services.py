"""Creating hives, joining (or asking to join) and leaving them, finding them, and who may
read them.

Answering requests, roles and rules are in ``app/hives/roles.py``; reports,
removals and bans in ``app/hives/moderation.py``; what moderators read in
``app/hives/review.py``; the log in ``app/hives/log.py``.
"""

from __future__ import annotations

from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app import policy, realtime
from app.db import lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.hives.models import (
    HIVE_DESCRIPTION_MAX,
    HIVE_NAME_MAX,
    HIVE_RULES_MAX,
    HIVE_TAGS_MAX,
    TAG_PATTERN,
    Hive,
    HiveTag,
    Membership,
    MembershipState,
    Role,
)
from app.i18n import ngettext
from app.markup import UnrenderableText, render_markdown
from app.notifications.models import Kind as Notice
from app.notifications.services import lock_recipients, notify, withdraw
from app.posts import delivery
from app.posts.models import PostHive
from app.profiles.models import Bee, utcnow
from app.search import index as search
from app.talent import neighbours
from app.text import slugify, squash


def parse_tags(raw: str | list[str]) -> list[str]:
    """Split "Running, #outdoors trail-running" into clean, unique, lower-case tags."""
    parts = raw if isinstance(raw, list) else (raw or "").replace(",", " ").split()
    tags: list[str] = []
    for part in parts:
        tag = part.strip().lstrip("#").casefold()
        if not tag:
            continue
        if not TAG_PATTERN.fullmatch(tag):
            raise ValidationError("tags", _("Tags are single words of up to 30 letters, digits or hyphens."))
        if tag not in tags:
            tags.append(tag)
    if len(tags) > HIVE_TAGS_MAX:
        raise ValidationError(
            "tags",
            ngettext(
                "Use at most %(num)s tag.",
                "Use at most %(num)s tags.",
                HIVE_TAGS_MAX,
            ),
        )
    return tags


# Hive slugs share /hives/<slug> with these pages.
RESERVED_SLUGS = frozenset({"new"})


def _unique_slug(name: str) -> str:
    base = slugify(name, 70) or "hive"
    if base in RESERVED_SLUGS:
        base = f"{base}-hive"
    slug, n = base, 1
    while db.session.scalar(select(Hive.id).where(Hive.slug == slug)):
        n += 1
        slug = f"{base}-{n}"
    return slug


def render_rules(source: str) -> tuple[str, str]:
    """A hive's rules as trimmed Markdown and sanitized HTML, or a :class:`ValidationError`."""
    source = (source or "").strip()
    if len(source) > HIVE_RULES_MAX:
        raise ValidationError(
            "rules",
            ngettext(
                "Keep the rules under %(num)s character.",
                "Keep the rules under %(num)s characters.",
                HIVE_RULES_MAX,
            ),
        )
    try:
        return source, render_markdown(source) if source else ""
    except UnrenderableText:
        raise ValidationError(
            "rules", _("The rules have too many links or nest too deeply to show.")
        ) from None


def create_hive(
    creator: Bee,
    name: str,
    description: str,
    tags: str | list[str],
    *,
    is_private: bool = False,
    rules: str = "",
) -> Hive:
    """Create a hive; its creator becomes its owner and first member.

    A private hive's posts, members and log are for its members; bees ask to
    join and moderators answer. Privacy is chosen here, for good.
    """
    name = squash(name)
    description = (description or "").strip()
    if not name:
        raise ValidationError("name", _("Give the hive a name."))
    if len(name) > HIVE_NAME_MAX or len(name.casefold()) > HIVE_NAME_MAX:
        raise ValidationError(
            "name",
            ngettext(
                "Keep the name under %(num)s character.",
                "Keep the name under %(num)s characters.",
                HIVE_NAME_MAX,
            ),
        )
    if len(description) > HIVE_DESCRIPTION_MAX:
        raise ValidationError(
            "description",
            ngettext(
                "Keep the description under %(num)s character.",
                "Keep the description under %(num)s characters.",
                HIVE_DESCRIPTION_MAX,
            ),
        )
    tag_names = parse_tags(tags)
    rules_source, rules_html = render_rules(rules)
    name_key = name.casefold()
    try:
        with write_transaction():
            if db.session.scalar(select(Hive.id).where(Hive.name_key == name_key)):
                raise ValidationError("name", _("A hive with that name already exists."))
            hive = Hive(
                slug=_unique_slug(name),
                name=name,
                name_key=name_key,
                description=description,
                created_by_id=creator.id,
                is_private=bool(is_private),
                rules_source=rules_source,
                rules_html=rules_html,
                tags=[HiveTag(tag=tag) for tag in tag_names],
            )
            db.session.add(hive)
            db.session.flush()
            db.session.add(
                Membership(bee_id=creator.id, hive_id=hive.id, role=Role.OWNER, state=MembershipState.ACTIVE)
            )
            search.index_hive(hive, tag_names)
            neighbours.changed(creator.id)
    except IntegrityError:  # a concurrent create won the race
        raise ValidationError("name", _("A hive with that name already exists.")) from None
    return hive


def hive_by_slug(slug: str) -> Hive:
    """Return the hive or raise :class:`NotFound`."""
    hive = db.session.scalars(_hive_by_slug(), {"slug": slug}).unique().first()
    if hive is None:
        raise NotFound(_("There is no such hive."))
    return hive


def membership_of(bee_id: int, hive_id: int) -> Membership | None:
    """The bee's membership row for the hive, in any state, or ``None``."""
    return db.session.scalar(_membership_of(), {"bee_id": bee_id, "hive_id": hive_id})


@cache
def _hive_by_slug():
    return select(Hive).where(Hive.slug == bindparam("slug")).options(joinedload(Hive.tags))


@cache
def _membership_of():
    return select(Membership).where(
        Membership.bee_id == bindparam("bee_id"), Membership.hive_id == bindparam("hive_id")
    )


def check_readable(viewer: Bee | None, hive: Hive, membership: Membership | None) -> None:
    """Refuse a private hive's posts, members and log to anyone outside it."""
    viewer = viewer if policy.is_signed_in(viewer) else None
    policy.require(
        policy.can_see_hive_content(viewer, hive, membership),
        _("This hive is private: only its members see its posts, members and log."),
    )


def move_membership(membership: Membership, target: str) -> None:
    """Move a membership to ``target`` along ``MembershipState.TRANSITIONS``, keeping every
    delivery count exact (see ``app/posts/delivery.py``). Inside a write transaction, with
    the bee and the hive locked."""
    current = membership.state
    if not MembershipState.can_move(current, target):
        raise Conflict(_("That membership cannot change that way."))
    was_active = current == MembershipState.ACTIVE
    membership.state = target
    membership.changed_at = utcnow()
    if target != MembershipState.ACTIVE and membership.role != Role.MEMBER:
        membership.role = Role.MEMBER
    db.session.flush()
    if was_active != (target == MembershipState.ACTIVE):
        delivery.membership_changed(membership.bee_id, membership.hive_id, +1 if not was_active else -1)
        neighbours.changed(membership.bee_id)
    if (
        was_active
        and target != MembershipState.ACTIVE
        and db.session.get(Hive, membership.hive_id).is_private
    ):
        realtime.end_sockets(membership.bee_id)  # they rejoin only the rooms still theirs


def join_hive(bee: Bee, hive: Hive) -> Membership:
    """Join a public hive, whose posts, earlier ones included, enter the bee's feed at once;
    or ask to join a private one (``pending`` until a moderator answers)."""
    with write_transaction():
        lock_recipients(bee.id, *(_leader_ids(hive.id) if hive.is_private else ()))  # told below
        lock_rows(Hive, [hive.id])
        membership = membership_of(bee.id, hive.id)
        if policy.is_member(membership):
            raise Conflict(_("You are already a member of this hive."))
        if membership is not None and membership.state == MembershipState.PENDING:
            raise Conflict(_("You already asked to join. The moderators will answer soon."))
        policy.require(
            policy.can_join(bee, membership, utcnow()),
            _("You are banned from this hive."),
        )
        if membership is None:
            membership = Membership(bee_id=bee.id, hive_id=hive.id, role=Role.MEMBER, state=None)
            db.session.add(membership)
        move_membership(membership, MembershipState.PENDING if hive.is_private else MembershipState.ACTIVE)
        membership.banned_until = None
        if hive.is_private:
            for leader_id in _leader_ids(hive.id):
                notify(leader_id, Notice.JOIN_REQUESTED, actor_id=bee.id, hive_id=hive.id)
    return membership


def _leader_ids(hive_id: int) -> list[int]:
    """The hive's owner and moderators: who answers requests to join."""
    return list(
        db.session.scalars(
            select(Membership.bee_id).where(
                Membership.hive_id == hive_id,
                Membership.state == MembershipState.ACTIVE,
                Membership.role.in_([Role.OWNER, Role.MODERATOR]),
            )
        )
    )


def withdraw_request(bee: Bee, hive: Hive) -> Membership:
    """Take back a request to join a private hive."""
    with write_transaction():
        lock_recipients(bee.id, *_leader_ids(hive.id))  # their notices are taken back below
        lock_rows(Hive, [hive.id])
        membership = membership_of(bee.id, hive.id)
        if not policy.can_withdraw_request(membership):
            raise Conflict(_("You have no request waiting in this hive."))
        move_membership(membership, MembershipState.LEFT)
        for leader_id in _leader_ids(hive.id):
            withdraw(leader_id, Notice.JOIN_REQUESTED, actor_id=bee.id, hive_id=hive.id)
    return membership


def leave_hive(bee: Bee, hive: Hive) -> Membership:
    """Leave a hive; its posts leave the feed unless reachable another way."""
    with write_transaction():
        lock_rows(Bee, [bee.id])
        lock_rows(Hive, [hive.id])
        membership = membership_of(bee.id, hive.id)
        if not policy.is_member(membership):
            raise Conflict(_("You are not a member of this hive."))
        policy.require(
            policy.can_leave_hive(membership),
            _("The owner cannot leave their hive. Transfer ownership first."),
        )
        move_membership(membership, MembershipState.LEFT)
    return membership


def is_banned_from_post_hives(bee_id: int, post_id: int) -> bool:
    """True while a ban keeps the bee out of any hive the post is in."""
    memberships = db.session.scalars(
        select(Membership).where(
            Membership.bee_id == bee_id,
            Membership.state == MembershipState.BANNED,
            Membership.hive_id.in_(select(PostHive.hive_id).where(PostHive.post_id == post_id)),
        )
    )
    now = utcnow()
    return any(membership.is_banned(now) for membership in memberships)


def lock_for(actor: Bee, hive: Hive, *bees: Bee) -> Membership | None:
    """Lock the bees and the hive (bees first, in id order), then read the actor's membership."""
    lock_rows(Bee, sorted({actor.id, *(bee.id for bee in bees)}))
    lock_rows(Hive, [hive.id])
    return membership_of(actor.id, hive.id)


def fresh(bee: Bee) -> Bee:
    """The bee as the database has it now (its admin flag may have changed)."""
    return db.session.get(Bee, bee.id, populate_existing=True)
