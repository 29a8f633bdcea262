"""Talent search for recruiters and editors: who shares the skills, interests and hives asked
for, strongest match first, and why.

A :class:`TalentQuery` has soft terms, which make a bee match and count towards
its strength (skills, interests and hobbies, hives, words), and hard filters,
which a bee must pass (location, languages, open to work or freelance, years of
experience). With no soft term every bee passing the filters matches, in the order
they joined. The strength is a plain sum that the page explains in words:

* each skill asked for that the bee lists: :data:`SKILL_POINTS`;
* each interest asked for that the bee lists as an interest or a hobby: :data:`INTEREST_POINTS`;
* each hive asked for that the bee belongs to: :data:`HIVE_POINTS`;
* the search's words in the bee's name, handle or headline: :data:`WORD_POINTS`.

Ties go to the bee who joined first. Pages are keyset pages on (strength, id).
Skills, interests and languages are compared by their folded keys (case, accents,
harakat and niqqud folded away), so a search in Arabic or Hebrew finds what was
written with or without diacritics. A private hive counts only for a searcher who
is in it: nobody learns who belongs to a hive they cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import and_, exists, func, literal, or_, select, union_all

from app import policy
from app.db import MAX_ID
from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState, active_hive_ids
from app.profiles.data import location_key, skill_key, tag_key
from app.profiles.models import Bee, ProfileTag, Skill, blocked_either_way, gone_bee_ids
from app.search import index as search
from app.text import squash

SKILL_POINTS, INTEREST_POINTS, HIVE_POINTS, WORD_POINTS = 3, 2, 1, 1
PAGE_SIZE = 20
# No strength reaches this: every soft term counted at most TERMS_MAX times.
STRENGTH_MAX = 100
TERMS_MAX = 10  # of each kind: a search, not a dump of a profile
YEARS_MAX = 60
OPEN_TO = ("work", "freelance")


@dataclass(frozen=True)
class TalentQuery:
    """What a recruiter or editor looks for: soft terms, then hard filters."""

    words: str = ""
    skills: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    hives: tuple[str, ...] = ()  # hive names, as typed
    location: str = ""
    languages: tuple[str, ...] = ()
    open_to: str = ""  # "", "work" or "freelance": recruiters only
    min_years: int | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing at all is asked."""
        return self == TalentQuery()


@dataclass
class Match:
    """A bee found, how strongly, and what they share with the search."""

    bee: Bee
    strength: int
    skills: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    hives: list[str] = field(default_factory=list)
    words: bool = False


@dataclass(frozen=True)
class TalentPage:
    """One page of matches, the cursor of the next, and the hive names nobody could find."""

    matches: list[Match]
    next_after: str | None
    unknown_hives: tuple[str, ...] = ()


def check_query(query: TalentQuery, searcher: Bee) -> TalentQuery:
    """The query trimmed and within limits; an openness filter from anyone but a recruiter,
    or a number that is not one, is refused."""
    for name in ("skills", "interests", "hives", "languages"):
        if len(getattr(query, name)) > TERMS_MAX:
            raise ValidationError(name, _("Ask for at most %(most)s at a time.", most=TERMS_MAX))
    if query.open_to not in ("", *OPEN_TO):
        raise ValidationError("open_to", _("Choose open to work or to freelance work."))
    if query.open_to:
        policy.require(
            policy.can_filter_by_openness(searcher),
            _("Only recruiters can look for bees who are open to work."),
        )
    if query.min_years is not None and not 0 <= query.min_years <= YEARS_MAX:
        raise ValidationError("years", _("Enter between 0 and %(most)s years.", most=YEARS_MAX))
    return query


def require_seeker(bee: Bee) -> None:
    """Talent search, and all that goes with it, is for recruiter and editor accounts."""
    policy.require(policy.can_search_talent(bee), _("Only recruiter and editor accounts search talent."))


def search_talent(searcher: Bee, query: TalentQuery, after: str | None = None) -> TalentPage:
    """One page of the bees matching ``query``, strongest first, each with its reasons.

    The page is decided on (bee id, strength) alone, and only its bees are loaded: a common
    skill has tens of thousands of holders, and reading each one's whole row to sort them and
    keep 21 is what made the search slow (bench/results/2026-11-24-talent-diagnosis.md).
    """
    require_seeker(searcher)
    query = check_query(query, searcher)
    cursor = _parse_after(after)
    asked = _asked(searcher, query)
    ranked = _ranked(searcher, query, asked)
    if ranked is None:
        return TalentPage([], None, asked.unknown_hives)
    bee_id, strength = ranked.selected_columns
    if cursor is not None:
        after_strength, after_id = cursor
        if asked.is_soft:
            ranked = ranked.where(
                or_(strength < after_strength, and_(strength == after_strength, bee_id > after_id))
            )
        elif after_strength == 0:  # every strength is 0 (a cursor above it lets every bee through)
            ranked = ranked.where(bee_id > after_id)
    order = (strength.desc(), bee_id) if asked.is_soft else (bee_id,)
    rows = db.session.execute(ranked.order_by(*order).limit(PAGE_SIZE + 1)).all()
    ids = [row[0] for row in rows[:PAGE_SIZE]]
    bees = {bee.id: bee for bee in db.session.scalars(select(Bee).where(Bee.id.in_(ids)))} if ids else {}
    page = [Match(bees[bee_id], strength) for bee_id, strength in rows[:PAGE_SIZE]]
    _explain(page, asked.skill_keys, asked.interest_keys, asked.hive_ids, asked.words)
    last = page[-1] if len(rows) > PAGE_SIZE else None
    return TalentPage(page, f"{last.strength}:{last.bee.id}" if last else None, asked.unknown_hives)


def matching_ids(searcher: Bee, query: TalentQuery):
    """SELECT the ids of every bee ``query`` matches for ``searcher`` (no page, no order): what a
    saved search compares with the bees it has already matched. The same matches as
    :func:`search_talent`'s, from the same statement."""
    query = check_query(query, searcher)
    ranked = _ranked(searcher, query, _asked(searcher, query))
    if ranked is None:
        return select(Bee.id).where(literal(False))
    return ranked.with_only_columns(ranked.selected_columns[0].label("id"))


@dataclass(frozen=True)
class _Asked:
    """The soft terms of a query as the database compares them."""

    skill_keys: list[str]
    interest_keys: list[str]
    hive_ids: list[int]
    words: object  # a subquery of the ids the words match, or None
    unknown_hives: tuple[str, ...]
    matches_nothing: bool  # words or hives were asked, and nothing soft is left to match

    @property
    def is_soft(self) -> bool:
        return bool(self.skill_keys or self.interest_keys or self.hive_ids or self.words is not None)


def _asked(searcher: Bee, query: TalentQuery) -> _Asked:
    skill_keys = sorted({skill_key(name) for name in query.skills if squash(name)})
    interest_keys = sorted({tag_key(name) for name in query.interests if squash(name)})
    hive_ids, unknown = _hives_named(query.hives, searcher.id)
    terms = search.query_terms(query.words)
    words = search.matching("bees", terms) if terms else None
    asked = _Asked(skill_keys, interest_keys, hive_ids, words, unknown, matches_nothing=False)
    if not asked.is_soft and (terms or query.hives):
        return _Asked(skill_keys, interest_keys, hive_ids, words, unknown, matches_nothing=True)
    return asked


def _ranked(searcher: Bee, query: TalentQuery, asked: _Asked):
    """SELECT (bee id, strength) of every bee matching: live, not the searcher, no block either
    way, past every filter. None when nothing can match.

    With soft terms, the scored postings meet the bees' rows only where a filter needs them:
    without filters, the few bees who are gone are left out through ``ix_bees_gone``; on
    PostgreSQL the filtered bees are one hashed set (``OFFSET 0`` keeps the planner from
    pulling it up into a nested loop over every candidate); on SQLite a join reads only the
    filtered candidates' rows. Without soft terms, bees are walked by id.
    """
    if asked.matches_nothing:
        return None
    filters = _filters(query)
    blocked = blocked_either_way(searcher.id)
    if not asked.is_soft:
        return select(Bee.id.label("bee_id"), literal(0).label("strength")).where(
            Bee.deleted_at.is_(None),
            Bee.suspended_at.is_(None),
            Bee.id != searcher.id,
            Bee.id.not_in(blocked),
            *filters,
        )
    scored = _scored(asked.skill_keys, asked.interest_keys, asked.hive_ids, asked.words)
    bee_id = scored.c.bee_id
    ranked = select(bee_id, scored.c.strength).where(bee_id != searcher.id, bee_id.not_in(blocked))
    if not filters:
        return ranked.where(bee_id.not_in(gone_bee_ids()))
    if db.session.get_bind().dialect.name == "postgresql":
        live = select(Bee.id).where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None), *filters)
        return ranked.where(bee_id.in_(live.offset(0)))
    return ranked.join(Bee, Bee.id == bee_id).where(
        Bee.deleted_at.is_(None), Bee.suspended_at.is_(None), *filters
    )


def _parse_after(after: str | None) -> tuple[int, int] | None:
    if not after:
        return None
    parts = after.split(":")
    if len(parts) != 2 or not all(part.isascii() and part.isdigit() and len(part) <= 10 for part in parts):
        raise ValidationError("after", _("That page link is broken. Start the search again."))
    strength, bee_id = (int(part) for part in parts)
    if strength > STRENGTH_MAX or bee_id > MAX_ID:
        raise ValidationError("after", _("That page link is broken. Start the search again."))
    return strength, bee_id


def _hives_named(names: tuple[str, ...], searcher_id: int) -> tuple[list[int], tuple[str, ...]]:
    """The ids of the hives named that the searcher may know of; the names that are none."""
    wanted = {squash(name).casefold(): squash(name) for name in names if squash(name)}
    if not wanted:
        return [], ()
    visible = ~Hive.is_private | Hive.id.in_(active_hive_ids(searcher_id))
    found = dict(
        db.session.execute(select(Hive.name_key, Hive.id).where(Hive.name_key.in_(wanted), visible)).all()
    )
    return sorted(found.values()), tuple(name for key, name in wanted.items() if key not in found)


def _scored(skill_keys, interest_keys, hive_ids, words):
    """(bee_id, strength) for every bee that matches a soft term (at least one is asked)."""
    parts = []
    if skill_keys:
        parts.append(
            select(Skill.bee_id, literal(SKILL_POINTS).label("points")).where(Skill.key.in_(skill_keys))
        )
    if interest_keys:
        # An interest listed both as an interest and a hobby counts once.
        tags = (
            select(ProfileTag.bee_id, ProfileTag.key)
            .where(ProfileTag.kind.in_(("interest", "hobby")), ProfileTag.key.in_(interest_keys))
            .distinct()
            .subquery()
        )
        parts.append(select(tags.c.bee_id, literal(INTEREST_POINTS).label("points")))
    if hive_ids:
        parts.append(
            select(Membership.bee_id, literal(HIVE_POINTS).label("points")).where(
                Membership.hive_id.in_(hive_ids), Membership.state == MembershipState.ACTIVE
            )
        )
    if words is not None:
        parts.append(select(words.c.id.label("bee_id"), literal(WORD_POINTS).label("points")))
    matched = union_all(*parts).subquery()
    return (
        select(matched.c.bee_id, func.sum(matched.c.points).label("strength"))
        .group_by(matched.c.bee_id)
        .subquery()
    )


def _filters(query: TalentQuery) -> list:
    """The hard filters: every one must hold."""
    filters = []
    if location := location_key(query.location):
        filters.append(Bee.location_key.contains(location, autoescape=True))
    for language in {tag_key(name) for name in query.languages if squash(name)}:
        filters.append(
            exists().where(
                ProfileTag.bee_id == Bee.id, ProfileTag.kind == "language", ProfileTag.key == language
            )
        )
    if query.open_to == "work":
        filters.append(Bee.open_to_work)
    elif query.open_to == "freelance":
        filters.append(Bee.open_to_freelance)
    if query.min_years:
        today = date.today()
        filters.append(Bee.career_start <= date(today.year - query.min_years, today.month, 1))
    return filters


def _explain(page: list[Match], skill_keys, interest_keys, hive_ids, words) -> None:
    """Fill each match's reasons: the bee's own names for what it shares with the search."""
    by_id = {match.bee.id: match for match in page}
    if not by_id:
        return
    if skill_keys:
        rows = db.session.execute(
            select(Skill.bee_id, Skill.name)
            .where(Skill.bee_id.in_(by_id), Skill.key.in_(skill_keys))
            .order_by(Skill.place, Skill.id)
        )
        for bee_id, name in rows:
            by_id[bee_id].skills.append(name)
    if interest_keys:
        seen: set[tuple[int, str]] = set()
        rows = db.session.execute(
            select(ProfileTag.bee_id, ProfileTag.key, ProfileTag.name)
            .where(
                ProfileTag.bee_id.in_(by_id),
                ProfileTag.kind.in_(("interest", "hobby")),
                ProfileTag.key.in_(interest_keys),
            )
            .order_by(ProfileTag.kind.desc(), ProfileTag.place)  # "interest" before "hobby"
        )
        for bee_id, key, name in rows:
            if (bee_id, key) not in seen:
                seen.add((bee_id, key))
                by_id[bee_id].interests.append(name)
    if hive_ids:
        rows = db.session.execute(
            select(Membership.bee_id, Hive.name)
            .join(Hive, Hive.id == Membership.hive_id)
            .where(
                Membership.bee_id.in_(by_id),
                Membership.hive_id.in_(hive_ids),
                Membership.state == MembershipState.ACTIVE,
            )
            .order_by(Hive.name_key)
        )
        for bee_id, name in rows:
            by_id[bee_id].hives.append(name)
    if words is not None:
        for bee_id in db.session.scalars(select(words.c.id).where(words.c.id.in_(by_id))):
            by_id[bee_id].words = True
