"""Affinity suggestions for every bee: bees to know and hives to join, each with its reason.

A bee to know shares something with me, and each thing counts:

* a hive we are both in: :data:`HIVE_POINTS`;
* an interest or hobby we both list: :data:`INTEREST_POINTS`;
* a skill we both list: :data:`SKILL_POINTS`;
* a complementary skill, one of us lists as a skill what the other lists as an interest (I
  love maps, she lists D3.js... when I wrote "D3.js" among my interests): :data:`SKILL_POINTS`.

A hive to join is one I am not in whose name or tags are among my interests and skills
(:data:`TOPIC_POINTS` each), or whose members share my interests (one point each, at most
:data:`PEERS_COUNTED`). Bees I follow, block or am blocked by, hives I left or am banned
from or cannot see, and whatever I set aside never come back. Suggestions are a page of their
own: they never touch a feed, whose order stays strictly newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import and_, case, exists, func, or_, select, union, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from app.db import write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives.models import Hive, HiveTag, Membership, MembershipState
from app.profiles.data import tag_key
from app.profiles.models import Bee, ProfileTag, Skill, gone_bee_ids
from app.talent import neighbours, ranking
from app.talent.models import SUGGESTION_KINDS, DismissedSuggestion
from app.talent.ranking import (  # noqa: F401 (the points, named here as the docstring does)
    HIVE_POINTS,
    INTEREST_POINTS,
    INTERESTS,
    SKILL_POINTS,
    TOPIC_POINTS,
    points_column,
)

PEERS_COUNTED = 10
PEERS_SHOWN = 100  # a hive's peers are told up to this many, then "more than" it
FEW_PEERS = 5_000
LIMIT = 6


@dataclass
class BeeToKnow:
    """A bee, and what we share."""

    bee: Bee
    strength: int
    hives: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    their_skills: list[str] = field(default_factory=list)  # skills of theirs I list as interests
    my_skills: list[str] = field(default_factory=list)  # skills of mine they list as interests


@dataclass
class HiveToJoin:
    """A hive, the topics of mine it is about, and how many bees who share my interests are in it
    (:data:`PEERS_SHOWN` + 1 standing for more than :data:`PEERS_SHOWN`)."""

    hive: Hive
    strength: int
    topics: list[str] = field(default_factory=list)
    peers: int = 0


def bees_to_know(me: Bee, limit: int = LIMIT) -> list[BeeToKnow]:
    """The bees I share most with, strongest first (ties: who joined first), with reasons.

    The bees are my kept neighbours scored as they stand (:mod:`app.talent.neighbours`), or
    when none fit every bee ranked on (id, strength) alone; only the chosen ones are loaded.
    """
    mine = ranking.listed(me.id)
    if not any(mine):
        return []
    rows = neighbours.ranked(me.id, mine, ranking.never(me.id), limit).rows
    bees = {
        bee.id: bee for bee in db.session.scalars(select(Bee).where(Bee.id.in_([row[0] for row in rows])))
    }
    found = [BeeToKnow(bees[bee_id], strength) for bee_id, strength in rows]
    _explain_bees(me.id, found)
    return found


def _explain_bees(my_id: int, found: list[BeeToKnow]) -> None:
    theirs = aliased(Skill)
    by_id = {item.bee.id: item for item in found}
    if not by_id:
        return
    hives, interests, skills = ranking.listing(my_id)
    for bee_id, name in db.session.execute(
        select(Membership.bee_id, Hive.name)
        .join(Hive, Hive.id == Membership.hive_id)
        .where(
            Membership.bee_id.in_(by_id),
            Membership.hive_id.in_(hives),
            Membership.state == MembershipState.ACTIVE,
        )
        .order_by(Hive.name_key)
    ):
        by_id[bee_id].hives.append(name)
    seen: set[tuple[int, str]] = set()
    for bee_id, key, name in db.session.execute(
        select(ProfileTag.bee_id, ProfileTag.key, ProfileTag.name)
        .where(ProfileTag.bee_id.in_(by_id), ProfileTag.kind.in_(INTERESTS), ProfileTag.key.in_(interests))
        .order_by(ProfileTag.kind.desc(), ProfileTag.place)
    ):
        if (bee_id, key) not in seen:
            seen.add((bee_id, key))
            by_id[bee_id].interests.append(name)
    for bee_id, name, shared in db.session.execute(
        select(Skill.bee_id, Skill.name, Skill.key.in_(skills))
        .where(Skill.bee_id.in_(by_id), or_(Skill.key.in_(skills), Skill.key.in_(interests)))
        .order_by(Skill.place)
    ):
        (by_id[bee_id].skills if shared else by_id[bee_id].their_skills).append(name)
    for bee_id, name in db.session.execute(
        select(ProfileTag.bee_id, Skill.name)  # my skills they list as interests (and not as skills)
        .join(Skill, and_(Skill.bee_id == my_id, Skill.key == ProfileTag.key))
        .where(ProfileTag.bee_id.in_(by_id), ProfileTag.kind.in_(INTERESTS))
        .where(ProfileTag.key.not_in(select(theirs.key).where(theirs.bee_id == ProfileTag.bee_id)))
        .order_by(Skill.place)
    ):
        if name not in by_id[bee_id].my_skills:  # an interest and a hobby of theirs: once
            by_id[bee_id].my_skills.append(name)


def hives_to_join(me: Bee, limit: int = LIMIT) -> list[HiveToJoin]:
    """Public hives I am not in, about what I love and do, or full of bees who share it.

    A hive's peers count up to :data:`PEERS_COUNTED`, so no hive that is about none of my
    topics scores above it. When few bees list my interests (:func:`few_peers`), every hive's
    peers are counted at once, from those bees' memberships. Otherwise each count probes a
    hive's members and stops early: the hives about my topics (a few) are scored first; when
    they fill the list above that score, or when the first hives by id with a full count of
    peers do, no other hive is looked at; else every hive is counted at once after all.
    """
    interests = ranking.listed(me.id).interests
    topics = _my_topics(me.id)
    about = _hives_about(topics)
    candidate = and_(
        ~Hive.is_private,
        Hive.id.not_in(select(Membership.hive_id).where(Membership.bee_id == me.id)),
        Hive.id.not_in(ranking.dismissed(me.id, "hive")),
    )
    if interests and few_peers(interests):
        return _hives_counted_at_once(me, interests, about, topics, candidate, limit)
    peers = _peers_in_hive(me.id, interests)
    strengths = {}
    if topics:
        topical = select(about.c.hive_id, func.count().label("topics")).group_by(about.c.hive_id).subquery()
        counted = select(func.count()).select_from(peers.limit(PEERS_COUNTED).subquery()).scalar_subquery()
        rows = db.session.execute(
            select(Hive.id, topical.c.topics, counted)
            .join(topical, topical.c.hive_id == Hive.id)
            .where(candidate)
        )
        strengths = {hive_id: TOPIC_POINTS * topics + capped for hive_id, topics, capped in rows}
    ranked = sorted(strengths.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if len(ranked) < limit or ranked[-1][1] <= PEERS_COUNTED:
        full = peers.offset(PEERS_COUNTED - 1).limit(1).exists()  # a peer beyond the count's cap
        first_full = db.session.scalars(
            select(Hive.id)
            .where(candidate, Hive.id.not_in(list(strengths)), full)
            .order_by(Hive.id)
            .limit(limit)
        ).all()
        if len(first_full) < limit or not interests:
            return _hives_counted_at_once(me, interests, about, topics, candidate, limit)
        strengths.update(dict.fromkeys(first_full, PEERS_COUNTED))
        ranked = sorted(strengths.items(), key=lambda item: (-item[1], item[0]))[:limit]
    ids = [hive_id for hive_id, _strength in ranked]
    shown = select(func.count()).select_from(peers.limit(PEERS_SHOWN + 1).subquery()).scalar_subquery()
    counts = (
        dict(db.session.execute(select(Hive.id, shown).where(Hive.id.in_(ids))).all())
        if ids and interests
        else {}
    )
    hives = {hive.id: hive for hive in db.session.scalars(select(Hive).where(Hive.id.in_(ids)))}
    found = [
        HiveToJoin(hives[hive_id], strength, peers=counts.get(hive_id, 0)) for hive_id, strength in ranked
    ]
    _explain_hives(found, about, topics)
    return found


def _peers(my_id: int, interests: list[str]):
    """SELECT the peers: live bees, not me, who list one of my interests (a bee once for each
    interest or hobby it shares: DISTINCT where counted)."""
    return select(ProfileTag.bee_id).where(
        ProfileTag.kind.in_(INTERESTS),
        ProfileTag.key.in_(interests),
        ProfileTag.bee_id != my_id,
        ProfileTag.bee_id.not_in(gone_bee_ids()),
    )


def _peer_members(my_id: int, interests: list[str]) -> list:
    """What makes an active membership a peer's: a live bee, not me, who lists one of my interests."""
    return [
        Membership.state == MembershipState.ACTIVE,
        Membership.bee_id != my_id,
        Membership.bee_id.not_in(gone_bee_ids()),
        exists().where(
            ProfileTag.bee_id == Membership.bee_id,
            ProfileTag.kind.in_(INTERESTS),
            ProfileTag.key.in_(interests),
        ),
    ]


def few_peers(interests: list[str]) -> bool:
    """Whether at most :data:`FEW_PEERS` interests and hobbies listed are among mine: then the
    bees who list them are read at once, and their memberships counted, in a few milliseconds.
    Probing each member of the hives instead cost up to 50 ms on the benchmark's 100,000 bees
    (SQLite): one index seek per kind and interest for each of thousands of members."""
    listed = select(ProfileTag.bee_id).where(ProfileTag.kind.in_(INTERESTS), ProfileTag.key.in_(interests))
    counted = select(func.count()).select_from(listed.limit(FEW_PEERS + 1).subquery())
    return db.session.scalar(counted) <= FEW_PEERS


def _peers_in_hive(my_id: int, interests: list[str]):
    """SELECT the peers who are members of the outer query's hive."""
    return (
        select(Membership.bee_id)
        .where(Membership.hive_id == Hive.id, *_peer_members(my_id, interests))
        .correlate(Hive)
    )


def _hives_counted_at_once(me: Bee, interests, about, topics, candidate, limit: int) -> list[HiveToJoin]:
    """Every hive's peers counted in one statement: what :func:`hives_to_join` falls back on."""
    peers = _peers(me.id, interests).distinct().subquery()
    peer_members = (
        select(Membership.hive_id, func.count().label("peers"))
        .where(Membership.bee_id.in_(select(peers.c.bee_id)), Membership.state == MembershipState.ACTIVE)
        .group_by(Membership.hive_id)
        .subquery()
    )
    peers_in = peer_members.c.peers
    topical = union_all(
        select(about.c.hive_id, points_column(TOPIC_POINTS)),
        select(peer_members.c.hive_id, case((peers_in > PEERS_COUNTED, PEERS_COUNTED), else_=peers_in)),
    ).subquery()
    scored = (
        select(topical.c.hive_id, func.sum(topical.c.points).label("strength"))
        .group_by(topical.c.hive_id)
        .subquery()
    )
    shown = func.coalesce(case((peers_in > PEERS_SHOWN, PEERS_SHOWN + 1), else_=peers_in), 0)
    rows = db.session.execute(
        select(Hive, scored.c.strength, shown)
        .join(scored, scored.c.hive_id == Hive.id)
        .outerjoin(peer_members, peer_members.c.hive_id == Hive.id)
        .where(candidate)
        .order_by(scored.c.strength.desc(), Hive.id)
        .limit(limit)
    ).all()
    found = [HiveToJoin(hive, strength, peers=peers) for hive, strength, peers in rows]
    _explain_hives(found, about, topics)
    return found


def _explain_hives(found: list[HiveToJoin], about, topics: dict[str, str]) -> None:
    by_id = {item.hive.id: item for item in found}
    if by_id:
        for hive_id, topic in db.session.execute(select(about).where(about.c.hive_id.in_(by_id))):
            if topics[topic] not in by_id[hive_id].topics:
                by_id[hive_id].topics.append(topics[topic])


def _my_topics(bee_id: int) -> dict[str, str]:
    """My interests, hobbies and skills as hive names and tags are written (case folded) and as
    profiles fold them (marks dropped too), each to my own spelling."""
    names = db.session.scalars(
        union_all(
            select(ProfileTag.name).where(ProfileTag.bee_id == bee_id, ProfileTag.kind.in_(INTERESTS)),
            select(Skill.name).where(Skill.bee_id == bee_id),
        )
    ).all()
    topics: dict[str, str] = {}
    for name in names:
        for form in (name.casefold(), tag_key(name)):
            topics.setdefault(form, name)
    return topics


def _hives_about(topics: dict[str, str]):
    """(hive_id, topic) for each hive whose name or a tag is one of the topics, once each."""
    keys = sorted(topics)
    return union(
        select(HiveTag.hive_id.label("hive_id"), HiveTag.tag.label("topic")).where(HiveTag.tag.in_(keys)),
        select(Hive.id.label("hive_id"), Hive.name_key.label("topic")).where(Hive.name_key.in_(keys)),
    ).subquery()


def dismiss(me: Bee, kind: str, target_id: int) -> bool:
    """Never suggest this bee or hive to me again. False when already set aside."""
    if kind not in SUGGESTION_KINDS:
        raise ValidationError("kind", _("Set aside a bee or a hive."))
    model = Bee if kind == "bee" else Hive
    with write_transaction():
        if db.session.get(model, target_id) is None or (kind == "bee" and target_id == me.id):
            raise NotFound(_("There is nothing like that to set aside."))
        if db.session.get(DismissedSuggestion, (me.id, kind, target_id)) is not None:
            return False
        db.session.add(DismissedSuggestion(bee_id=me.id, kind=kind, target_id=target_id))
        try:
            db.session.flush()
        except IntegrityError:  # the same click, twice at once: the first one counts
            return False
    return True
