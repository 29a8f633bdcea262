"""Following bees and editing one's own profile."""

from __future__ import annotations

from functools import cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from app import policy
from app.db import lock_rows, write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.i18n import check_language, ngettext
from app.posts import delivery
from app.profiles.models import DISPLAY_NAME_MAX, HEADLINE_MAX, Bee, Follow
from app.search import index as search


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
    """Return the bee with this handle (any case) or raise :class:`NotFound`."""
    bee = db.session.scalar(_bee_by_handle(), {"handle": (handle or "").lower()})
    if bee is None:
        raise NotFound(_("There is no bee with that handle."))
    return bee


@cache
def _bee_by_handle():
    return select(Bee).where(Bee.handle == bindparam("handle"))


def is_following(follower_id: int, followee_id: int) -> bool:
    """True when ``follower_id`` follows ``followee_id``."""
    return db.session.get(Follow, (follower_id, followee_id)) is not None


def follow(follower: Bee, followee: Bee) -> bool:
    """Follow ``followee``; their earlier posts join the follower's feed at once.

    Returns False when already following (nothing changes).
    """
    policy.require(policy.can_follow(follower, followee), _("You cannot follow yourself."))
    with write_transaction():
        lock_rows(Bee, [follower.id, followee.id])
        if is_following(follower.id, followee.id):
            return False
        delivery.follow_changed(follower.id, followee.id, +1)
        db.session.add(Follow(follower_id=follower.id, followee_id=followee.id))
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
    return True


def set_language(bee: Bee, language: str | None) -> Bee:
    """Choose the interface language ``bee`` sees everywhere (None: the browser's)."""
    language = check_language(language, browser_allowed=True)
    with write_transaction():
        bee = db.session.merge(bee)
        bee.language = language
    return bee


def update_profile(bee: Bee, display_name: str, headline: str, language: str | None = None) -> Bee:
    """Change a bee's own display name, headline and interface language."""
    language = check_language(language, browser_allowed=True)
    display_name = clean_display_name(display_name)
    headline = " ".join((headline or "").split())
    if len(headline) > HEADLINE_MAX:
        raise ValidationError(
            "headline",
            ngettext(
                "Keep your headline under %(num)s character.",
                "Keep your headline under %(num)s characters.",
                HEADLINE_MAX,
            ),
        )
    with write_transaction():
        bee = db.session.merge(bee)
        bee.display_name = display_name
        bee.headline = headline
        bee.language = language
        search.index_bee(bee)
    return bee
