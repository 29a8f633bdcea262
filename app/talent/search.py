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
from app.profiles.models import Bee, ProfileTag, Skill, blocked_either_way
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


def search_talent(searcher: Bee, query: TalentQuery, after: str | None = None) -> TalentPage:
    """One page of the bees matching ``query``, strongest first, each with its reasons."""
    policy.require(policy.can_search_talent(searcher), _("Only recruiter and editor accounts search talent."))
    query = check_query(query, searcher)
    skill_keys = sorted({skill_key(name) for name in query.skills if squash(name)})
    interest_keys = sorted({tag_key(name) for name in query.interests if squash(name)})
    hive_ids, unknown = _hives_named(query.hives, searcher.id)
    terms = search.query_terms(query.words)
    words = search.matching("bees", terms) if terms else None
    cursor = _parse_after(after)
    scored = _scored(skill_keys, interest_keys, hive_ids, words, asked=bool(terms or query.hives))
    statement = (
        select(Bee, scored.c.strength)
        .join(scored, scored.c.bee_id == Bee.id)
        .where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None), Bee.id != searcher.id)
        .where(Bee.id.not_in(blocked_either_way(searcher.id)))
        .where(*_filters(query))
        .order_by(scored.c.strength.desc(), Bee.id)
        .limit(PAGE_SIZE + 1)
    )
    if cursor is not None:
        strength, bee_id = cursor
        statement = statement.where(
            or_(scored.c.strength < strength, and_(scored.c.strength == strength, Bee.id > bee_id))
        )
    rows = db.session.execute(statement).all()
    page = [Match(bee, strength) for bee, strength in rows[:PAGE_SIZE]]
    _explain(page, skill_keys, interest_keys, hive_ids, words)
    last = page[-1] if len(rows) > PAGE_SIZE else None
    return TalentPage(page, f"{last.strength}:{last.bee.id}" if last else None, unknown)


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


def _scored(skill_keys, interest_keys, hive_ids, words, *, asked: bool):
    """(bee_id, strength) for every bee that matches a soft term; every bee (strength 0) when
    none was asked."""
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
    if not parts:
        # Nothing soft was asked (or what was asked, words or hives, matched no one).
        matches_all = not (asked or skill_keys or interest_keys)
        base = select(Bee.id.label("bee_id"), literal(0).label("strength"))
        return (base if matches_all else base.where(literal(False))).subquery()
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
