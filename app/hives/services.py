"""Creating hives, joining and leaving them, and finding them."""

from __future__ import annotations

from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app import policy
from app.db import lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.hives.models import (
    HIVE_DESCRIPTION_MAX,
    HIVE_NAME_MAX,
    HIVE_TAGS_MAX,
    TAG_PATTERN,
    Hive,
    HiveTag,
    Membership,
    MembershipState,
    Role,
)
from app.i18n import ngettext
from app.posts import delivery
from app.profiles.models import Bee
from app.search import index as search
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


def create_hive(creator: Bee, name: str, description: str, tags: str | list[str]) -> Hive:
    """Create a hive; its creator becomes its owner and first member."""
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
                tags=[HiveTag(tag=tag) for tag in tag_names],
            )
            db.session.add(hive)
            db.session.flush()
            db.session.add(
                Membership(bee_id=creator.id, hive_id=hive.id, role=Role.OWNER, state=MembershipState.ACTIVE)
            )
            search.index_hive(hive, tag_names)
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


def is_active(membership: Membership | None) -> bool:
    """True for an active membership (not ``None``, left or banned)."""
    return membership is not None and membership.state == MembershipState.ACTIVE


def join_hive(bee: Bee, hive: Hive) -> Membership:
    """Join a public hive; its earlier posts join the bee's feed at once."""
    with write_transaction():
        lock_rows(Bee, [bee.id])
        lock_rows(Hive, [hive.id])
        membership = membership_of(bee.id, hive.id)
        current = membership.state if membership else None
        if not MembershipState.can_move(current, MembershipState.ACTIVE):
            raise Conflict(_("You are already a member of this hive."))
        delivery.membership_changed(bee.id, hive.id, +1)
        if membership is None:
            membership = Membership(bee_id=bee.id, hive_id=hive.id, role=Role.MEMBER)
            db.session.add(membership)
        membership.state = MembershipState.ACTIVE
    return membership


def leave_hive(bee: Bee, hive: Hive) -> Membership:
    """Leave a hive; its posts leave the feed unless reachable another way."""
    with write_transaction():
        lock_rows(Bee, [bee.id])
        lock_rows(Hive, [hive.id])
        membership = membership_of(bee.id, hive.id)
        if membership is None or membership.state != MembershipState.ACTIVE:
            raise Conflict(_("You are not a member of this hive."))
        policy.require(
            policy.can_leave_hive(membership),
            _("The owner cannot leave their hive."),
        )
        membership.state = MembershipState.LEFT
        db.session.flush()
        delivery.membership_changed(bee.id, hive.id, -1)
    return membership
