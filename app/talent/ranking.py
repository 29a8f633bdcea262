"""Ranking the bees I share most with, for bees to know (:mod:`app.talent.affinity`).

Every bee who shares anything with me is scored from the postings of what I list (my
hives, interests and skills): tens of thousands of rows at scale, so the ranking is read
on (bee id, strength) alone, with a shortcut that counts a double listing twice and
corrects the few strongest (see :func:`strongest_counting_twice`). That whole ranking is
what :mod:`app.talent.neighbours` keeps ahead of time; a page scores only the bees kept
(:func:`strongest` with ``among``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from sqlalchemy import and_, case, exists, func, literal, select, union_all
from sqlalchemy.orm import aliased

from app.extensions import db
from app.hives.models import Membership, MembershipState
from app.profiles.models import Follow, ProfileTag, Skill, blocked_either_way, gone_bee_ids
from app.talent.models import DismissedSuggestion

HIVE_POINTS, INTEREST_POINTS, SKILL_POINTS, TOPIC_POINTS = 1, 2, 2, 3
INTERESTS = ("interest", "hobby")


class Listed(NamedTuple):
    """What a bee lists, as values: its hive ids, interest keys and skill keys, each sorted."""

    hives: list[int]
    interests: list[str]
    skills: list[str]


def listing(bee_id: int):
    """SELECTs of my hive ids, interest keys and skill keys."""
    hives = select(Membership.hive_id).where(
        Membership.bee_id == bee_id, Membership.state == MembershipState.ACTIVE
    )
    interests = select(ProfileTag.key).where(ProfileTag.bee_id == bee_id, ProfileTag.kind.in_(INTERESTS))
    skills = select(Skill.key).where(Skill.bee_id == bee_id)
    return hives, interests, skills


def listed(bee_id: int) -> Listed:
    """:func:`listing` read once, as values: each statement below then names what it looks for,
    and PostgreSQL plans for those very keys (and not for keys it cannot see)."""
    hives, interests, skills = listing(bee_id)
    return Listed(
        sorted(db.session.scalars(hives)),
        sorted(set(db.session.scalars(interests))),
        sorted(db.session.scalars(skills)),
    )


def dismissed(bee_id: int, kind: str):
    """The ids of the bees or hives (``kind``) I set aside."""
    return select(DismissedSuggestion.target_id).where(
        DismissedSuggestion.bee_id == bee_id, DismissedSuggestion.kind == kind
    )


def never(bee_id: int) -> set[int]:
    """The bees never suggested to me: myself, the gone, whom I follow, block or am blocked by,
    and whom I set aside. Read first and left out of the few strongest in Python: checking each
    of the tens of thousands of postings against these lists cost more than the sum."""
    found = {bee_id}
    for excluded in (
        gone_bee_ids(),
        select(Follow.followee_id).where(Follow.follower_id == bee_id),
        blocked_either_way(bee_id),
        dismissed(bee_id, "bee"),
    ):
        found.update(db.session.scalars(excluded))
    return found


def rank(mine: Listed, never: set[int], limit: int) -> list[tuple[int, int]]:
    """(bee id, strength) of the ``limit`` bees not in ``never`` I share most with, strongest
    first (ties: who joined first): every bee who shares anything with me ranked."""
    with ranking_settings():
        rows = strongest_counting_twice(mine, never, limit)
        return strongest(mine, never, limit) if rows is None else rows


def points_column(points: int):
    """A constant ``points`` column for a UNION of postings."""
    return literal(points).label("points")


# PostgreSQL settings for ranking every bee who shares anything with me (see ranking_settings).
RANKING_SETTINGS = {"max_parallel_workers_per_gather": "0"}


@contextmanager
def ranking_settings() -> Iterator[None]:
    """On PostgreSQL, the statements inside run without parallel workers (SQLite has none).

    The planner cannot tell how many bees a GROUP BY over a UNION ALL of postings makes (it
    assumes 200). For tens of thousands of postings it then plans a parallel partial aggregate
    whose sorted merge costs more than the workers save: on the benchmark's 100,000 bees
    (2 cores), bees to know took a p50/p95 of 55/89 ms with workers and 36/61 ms without.
    (A larger ``work_mem``, so that the hash of some 90,000 bees does not spill, changed
    nothing measurable.) Only this transaction's setting changes, and only until the block
    ends.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        yield
        return
    before = db.session.execute(select(*(func.current_setting(name) for name in RANKING_SETTINGS))).one()
    db.session.execute(
        select(*(func.set_config(name, value, True) for name, value in RANKING_SETTINGS.items()))
    )
    try:
        yield
    finally:
        db.session.execute(
            select(
                *(
                    func.set_config(name, value, True)
                    for name, value in zip(RANKING_SETTINGS, before, strict=True)
                )
            )
        )


def _bee_postings(mine: Listed, *, once: bool, among: list[int] | None = None):
    """(bee_id, points) for every thing a bee (of ``among``, when given) shares with me.
    ``once=False`` leaves out telling apart an interest of theirs listed both as an interest
    and a hobby (which counts once): it then counts twice, and sorting the thousands of
    postings to tell them apart is spared."""
    hives, interests, skills = mine

    def of(statement, bee_id):
        return statement if among is None else statement.where(bee_id.in_(among))

    def tags(keys: list[str], *, not_their_skill: bool = False):
        listed = of(
            select(ProfileTag.bee_id, ProfileTag.key).where(
                ProfileTag.kind.in_(INTERESTS), ProfileTag.key.in_(keys)
            ),
            ProfileTag.bee_id,
        )
        if not_their_skill:  # a shared skill, counted as such
            listed = listed.where(
                ~exists().where(Skill.bee_id == ProfileTag.bee_id, Skill.key == ProfileTag.key)
            )
        listed = (listed.distinct() if once else listed).subquery()
        return select(listed.c.bee_id, points_column(SKILL_POINTS if not_their_skill else INTEREST_POINTS))

    def skilled(keys: list[str]):
        return of(select(Skill.bee_id, points_column(SKILL_POINTS)).where(Skill.key.in_(keys)), Skill.bee_id)

    parts = []
    if hives:
        member = select(Membership.bee_id, points_column(HIVE_POINTS)).where(
            Membership.hive_id.in_(hives), Membership.state == MembershipState.ACTIVE
        )
        parts.append(of(member, Membership.bee_id))
    if interests:
        parts.append(tags(interests))
    if skills:
        parts.append(skilled(skills))
        parts.append(tags(skills, not_their_skill=True))  # a skill of mine they are interested in
    if complementary := [key for key in interests if key not in skills]:
        parts.append(skilled(complementary))
    return union_all(*parts).subquery()


def strongest(
    mine: Listed, never: set[int], limit: int, *, among: list[int] | None = None
) -> list[tuple[int, int]]:
    """(bee id, strength) of the ``limit`` strongest bees not in ``never`` (and of ``among``,
    when given): every posting counted."""
    matched = _bee_postings(mine, once=True, among=among)
    bee_id, strength = matched.c.bee_id, func.sum(matched.c.points).label("strength")
    strongest = db.session.execute(
        select(bee_id, strength).group_by(bee_id).order_by(strength.desc(), bee_id).limit(limit + len(never))
    )
    return [(bee_id, strength) for bee_id, strength in strongest if bee_id not in never][:limit]


def strongest_counting_twice(mine: Listed, never: set[int], limit: int):
    """What :func:`strongest` gives, or None when this shortcut cannot prove it.

    The strongest bees are ranked with an interest listed both as an interest and a hobby
    counted twice (an upper bound of each bee's strength), a few more than asked for; each of
    those is then corrected, which takes a look at its own rows only. A bee beyond the ones
    read has an upper bound no higher than the last one read, so if the last one kept is
    stronger than that bound (or as strong, and joined no later than the last one read),
    nobody beyond can overtake it.
    """
    matched = _bee_postings(mine, once=False)
    bee_id, bound = matched.c.bee_id, func.sum(matched.c.points).label("bound")
    read = limit + len(never) + 4 * limit
    upper = select(bee_id, bound).group_by(bee_id).order_by(bound.desc(), bee_id).limit(read).subquery()
    rows = db.session.execute(
        select(upper.c.bee_id, upper.c.bound, _listed_twice(upper.c.bee_id, mine.interests, mine.skills))
    ).all()
    ranked = sorted(
        ((bee_id, bound - twice) for bee_id, bound, twice in rows if bee_id not in never),
        key=lambda row: (-row[1], row[0]),
    )[:limit]
    if len(rows) < read:  # every bee sharing anything was read
        return ranked
    last_id, last_bound = min(
        ((bee_id, bound) for bee_id, bound, _ in rows), key=lambda row: (row[1], -row[0])
    )
    if len(ranked) < limit:
        return None
    kept_id, kept = ranked[-1]
    if kept > last_bound or (kept == last_bound and kept_id <= last_id):
        return ranked
    return None


def _listed_twice(bee_id, interests: list[str], skills: list[str]):
    """The points a bee's postings counted twice: for each key it lists both as an interest and
    as a hobby, once as an interest of mine, once as a skill of mine it does not list as one."""
    hobby = aliased(ProfileTag)
    theirs = aliased(Skill)
    points = case((ProfileTag.key.in_(interests), INTEREST_POINTS), else_=0) + case(
        (
            and_(
                ProfileTag.key.in_(skills),
                ~exists().where(theirs.bee_id == ProfileTag.bee_id, theirs.key == ProfileTag.key),
            ),
            SKILL_POINTS,
        ),
        else_=0,
    )
    return (
        select(func.coalesce(func.sum(points), 0))
        .where(
            ProfileTag.bee_id == bee_id,
            ProfileTag.kind == "interest",
            ProfileTag.key.in_(sorted({*interests, *skills})),
            exists().where(
                hobby.bee_id == ProfileTag.bee_id, hobby.kind == "hobby", hobby.key == ProfileTag.key
            ),
        )
        .scalar_subquery()
    )
