"""Saved talent searches: a recruiter or editor keeps a search of the talent page, runs it
again, and is told when bees it never matched before match it now.

A saved search is the talent page's query string, canonical (the form's fields in order,
empty ones and the page cursor left out), and the bees it has matched. Saving records
every bee it matches then as already known, so only bees who match later are new;
:func:`check_saved_searches` (``flask talent check-saved``, from cron) records them and
leaves the owner one notice per search. Matches found since the owner last opened a search
are "new since you last looked".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode

from flask_babel import gettext as _
from sqlalchemy import DateTime, Integer, delete, exists, func, insert, literal, select
from sqlalchemy.orm import aliased
from werkzeug.datastructures import MultiDict

from app import policy
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.i18n import ngettext
from app.notifications.models import Kind, Notice
from app.notifications.services import drop_notices, lock_recipients, notify
from app.profiles.data import text
from app.profiles.forms import split_tags
from app.profiles.models import Bee, utcnow
from app.profiles.services import lock_live_bees
from app.talent.forms import TalentSearchForm
from app.talent.models import SAVED_NAME_MAX, SAVED_QUERY_MAX, SavedSearch, SavedSearchMatch
from app.talent.search import TalentQuery, check_query, matching_ids, require_seeker
from app.text import squash

SAVED_MAX = 20  # saved searches per bee
# The talent form's fields as a saved query string keeps them, in this order.
_LISTS = ("skills", "interests", "hives", "languages")
_FIELDS = ("q", "skills", "interests", "hives", "location", "languages", "years", "open_to")


@dataclass(frozen=True)
class Listing:
    """One of a bee's saved searches, what it asks, and how many bees it found since its owner
    last opened it."""

    saved: SavedSearch
    query: TalentQuery
    new_count: int


@dataclass(frozen=True)
class CheckTotals:
    """What one run of :func:`check_saved_searches` did."""

    checked: int = 0
    new_matches: int = 0
    notices: int = 0


def save_search(bee: Bee, name: str, query_string: str) -> SavedSearch:
    """Keep the talent search ``query_string`` under ``name``; the bees it matches now are
    known already, so only those who match later are news."""
    require_seeker(bee)
    name = text(name, "name", SAVED_NAME_MAX, required=_("Give this search a name."))
    query_string, query = _canonical(query_string, bee)
    with write_transaction():
        (bee,) = lock_live_bees(bee)
        require_seeker(bee)
        held = db.session.scalar(select(func.count()).where(SavedSearch.bee_id == bee.id))
        if held >= SAVED_MAX:
            raise ValidationError(
                None,
                ngettext(
                    "You can keep at most %(num)s saved search. Delete one first.",
                    "You can keep at most %(num)s saved searches. Delete one first.",
                    SAVED_MAX,
                ),
            )
        now = utcnow()
        saved = SavedSearch(
            bee_id=bee.id, name=name, query=query_string, created_at=now, checked_at=now, seen_at=now
        )
        db.session.add(saved)
        db.session.flush()
        db.session.execute(_insert_matches(saved.id, matching_ids(bee, query), now))
    return saved


def check_saved_searches() -> CheckTotals:
    """Record, for every saved search whose owner may still search talent, the bees matching
    it now that it never matched, and tell the owner once per search how many there are.
    Each search is its own short write; a second run right after finds nothing new."""
    owners = select(SavedSearch.id, SavedSearch.bee_id).join(Bee, Bee.id == SavedSearch.bee_id)
    owners = owners.where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None)).order_by(SavedSearch.id)
    checked = found = told = 0
    for saved_id, owner_id in db.session.execute(owners).all():
        outcome = _check_one(saved_id, owner_id)
        if outcome is not None:
            checked, found, told = checked + 1, found + outcome[0], told + outcome[1]
    return CheckTotals(checked, found, told)


def _check_one(saved_id: int, owner_id: int) -> tuple[int, bool] | None:
    """Record the new matches of one saved search and tell its owner: how many, and whether a
    notice was left (not when they turned these off). None when the search, or its owner's
    right to search, is gone."""
    with write_transaction():
        lock_recipients(owner_id)
        lock_rows(SavedSearch, [saved_id])
        owner = db.session.get(Bee, owner_id, populate_existing=True)
        saved = db.session.get(SavedSearch, saved_id, populate_existing=True)
        if saved is None or owner is None or not policy.can_search_talent(owner):
            return None
        try:
            query = _parse(saved.query, owner)
        except (ValidationError, PermissionDenied):  # an editor now, say: it asks what they may not
            return None
        now = utcnow()
        found = matching_ids(owner, query).subquery()
        bee_id = found.c[0]
        known = aliased(SavedSearchMatch)
        new = select(bee_id).where(~exists().where(known.saved_search_id == saved_id, known.bee_id == bee_id))
        inserted = _insert_matches(saved_id, new, now).execution_options(preserve_rowcount=True)
        count = db.session.execute(inserted).rowcount
        saved.checked_at = now
        told = bool(count) and notify(owner_id, Kind.SEARCH_MATCHED, saved_search_id=saved_id, amount=count)
    return count, told


def saved_searches(bee: Bee) -> list[Listing]:
    """A bee's saved searches, newest first, each with what it asks and how many bees it
    found since they last opened it."""
    require_seeker(bee)
    new = (
        select(func.count())
        .where(
            SavedSearchMatch.saved_search_id == SavedSearch.id,
            SavedSearchMatch.found_at > SavedSearch.seen_at,
        )
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(SavedSearch, new).where(SavedSearch.bee_id == bee.id).order_by(SavedSearch.id.desc())
    ).all()
    return [Listing(saved, _form(saved.query).query(), new_count) for saved, new_count in rows]


def open_saved(bee: Bee, saved_id: int) -> str:
    """Mark one of my saved searches seen now, and return its query string to run it."""
    require_seeker(bee)
    with write_transaction():
        saved = _own(bee, saved_id)
        saved.seen_at = utcnow()
    return saved.query


def saved_search_of(bee: Bee, saved_id: int) -> SavedSearch:
    """One of my saved searches (someone else's is not found)."""
    require_seeker(bee)
    return _own(bee, saved_id)


def delete_saved(bee: Bee, saved_id: int) -> None:
    """Forget one of my saved searches, with the bees it matched and its notices (the unread
    ones off my badge)."""
    require_seeker(bee)
    with write_transaction():
        lock_recipients(bee.id)
        saved = _own(bee, saved_id)
        drop_notices(Notice.saved_search_id == saved.id)
        db.session.execute(delete(SavedSearch).where(SavedSearch.id == saved.id))


def _own(bee: Bee, saved_id: int) -> SavedSearch:
    saved = db.session.get(SavedSearch, saved_id) if 0 < saved_id <= MAX_ID else None
    if saved is None or saved.bee_id != bee.id:
        raise NotFound(_("That saved search does not exist."))
    return saved


def _form(query_string: str) -> TalentSearchForm:
    return TalentSearchForm(formdata=MultiDict(parse_qsl(query_string)))


def _canonical(query_string: str, searcher: Bee) -> tuple[str, TalentQuery]:
    """The query string with the form's fields in order, each trimmed, empty ones and anything
    else (the page cursor) left out; and the query it asks, checked as the talent page does."""
    if not isinstance(query_string, str) or len(query_string) > 2 * SAVED_QUERY_MAX:
        raise ValidationError("query", _("This search is too long to save."))
    form = _form(query_string)
    pairs = []
    for name in _FIELDS:
        value = form[name].data or ""
        if name in _LISTS:
            value = ", ".join(tag for tag in (squash(tag) for tag in split_tags(value)) if tag)
        if value := squash(value):
            pairs.append((name, value))
    canonical = urlencode(pairs)
    query = _parse(canonical, searcher)
    if len(canonical) > SAVED_QUERY_MAX:
        raise ValidationError("query", _("This search is too long to save."))
    return canonical, query


def _parse(query_string: str, searcher: Bee) -> TalentQuery:
    """A saved query string as a checked query: empty is refused, an openness filter is for
    recruiters only."""
    query = _form(query_string).query()
    if query.is_empty:
        raise ValidationError("query", _("Search for something first: there is nothing to save."))
    return check_query(query, searcher)


def _insert_matches(saved_id: int, bee_ids, now: datetime):
    """INSERT … SELECT: every bee ``bee_ids`` (a one-column SELECT) selects, matched by
    ``saved_id`` at ``now``."""
    rows = bee_ids.add_columns(literal(saved_id, Integer), literal(now, DateTime(timezone=True)))
    return insert(SavedSearchMatch).from_select(["bee_id", "saved_search_id", "found_at"], rows)
