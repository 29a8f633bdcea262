"""The opportunities that suit a bee, strongest first, each with why.

An opportunity suits a bee when it needs a skill the bee lists, is about an
interest or hobby of theirs, or was posted to a hive they are in. The strength
is the plain sum the talent search uses (a skill 3, an interest 2, a hive 1),
and ties go to the newest opportunity. Only opportunities taking answers, from
posters still here and with no block either way, and not answered yet, are suggested. A hive
counts while the announcing post stands in it (a moderator may remove it from one hive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, literal, select, union_all

from app.extensions import db
from app.hives.models import Hive, active_hive_ids
from app.opportunities import services
from app.opportunities.models import Opportunity, OpportunityState, OpportunityTerm, Pitch
from app.posts.models import Post, PostHive, PostState
from app.profiles.models import Bee, blocked_either_way
from app.talent.ranking import listing
from app.talent.search import HIVE_POINTS, INTEREST_POINTS, SKILL_POINTS

SUGGESTED_MAX = 20


@dataclass
class Suited:
    """An opportunity, how well it suits the bee, and what they share."""

    opportunity: Opportunity
    strength: int
    skills: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    hives: list[str] = field(default_factory=list)


def suited_to(bee: Bee, limit: int = SUGGESTED_MAX) -> list[Suited]:
    """The opportunities that suit ``bee`` best, each with its reasons."""
    _hives, interests, skills = listing(bee.id)
    points = union_all(
        select(OpportunityTerm.opportunity_id.label("id"), literal(SKILL_POINTS).label("points")).where(
            OpportunityTerm.kind == "skill", OpportunityTerm.key.in_(skills)
        ),
        select(OpportunityTerm.opportunity_id, literal(INTEREST_POINTS)).where(
            OpportunityTerm.kind == "topic", OpportunityTerm.key.in_(interests)
        ),
        select(Opportunity.id, literal(HIVE_POINTS))
        .join(Post, Post.id == Opportunity.post_id)
        .join(PostHive, PostHive.post_id == Post.id)
        .where(PostHive.hive_id.in_(active_hive_ids(bee.id)), Post.state.in_(PostState.VISIBLE)),
    ).subquery()
    scored = select(points.c.id, func.sum(points.c.points).label("strength")).group_by(points.c.id).subquery()
    today = services.today()
    rows = db.session.execute(
        select(Opportunity, scored.c.strength)
        .join(scored, scored.c.id == Opportunity.id)
        .join(Bee, Bee.id == Opportunity.poster_id)
        .where(
            Opportunity.state == OpportunityState.OPEN,
            Opportunity.deadline.is_(None) | (Opportunity.deadline >= today),
            Opportunity.poster_id != bee.id,
            Opportunity.poster_id.not_in(blocked_either_way(bee.id)),
            Opportunity.id.not_in(select(Pitch.opportunity_id).where(Pitch.bee_id == bee.id)),
            Bee.deleted_at.is_(None),
            Bee.suspended_at.is_(None),
        )
        .order_by(scored.c.strength.desc(), Opportunity.id.desc())
        .limit(limit)
    ).all()
    suited = [Suited(opportunity, strength) for opportunity, strength in rows]
    explain(bee, suited)
    return suited


def explain(bee: Bee, suited: list[Suited]) -> None:
    """Fill in, for each opportunity, the skills and topics (in its poster's words) and the
    hives (the bee's own) it shares with ``bee``."""
    by_id = {item.opportunity.id: item for item in suited}
    if not by_id:
        return
    _hives, interests, skills = listing(bee.id)
    terms = db.session.execute(
        select(OpportunityTerm.opportunity_id, OpportunityTerm.kind, OpportunityTerm.name)
        .where(
            OpportunityTerm.opportunity_id.in_(by_id),
            (
                (OpportunityTerm.kind == "skill") & OpportunityTerm.key.in_(skills)
                | (OpportunityTerm.kind == "topic") & OpportunityTerm.key.in_(interests)
            ),
        )
        .order_by(OpportunityTerm.place)
    )
    for opportunity_id, kind, name in terms:
        (by_id[opportunity_id].skills if kind == "skill" else by_id[opportunity_id].topics).append(name)
    hives = db.session.execute(
        select(Opportunity.id, Hive.name)
        .join(Post, Post.id == Opportunity.post_id)
        .join(PostHive, PostHive.post_id == Post.id)
        .join(Hive, Hive.id == PostHive.hive_id)
        .where(
            Opportunity.id.in_(by_id),
            Hive.id.in_(active_hive_ids(bee.id)),
            Post.state.in_(PostState.VISIBLE),  # a hive the announcement was taken from no longer counts
        )
        .order_by(Hive.name_key)
    )
    for opportunity_id, name in hives:
        by_id[opportunity_id].hives.append(name)


def reasons_for(bee: Bee, opportunity: Opportunity) -> Suited:
    """Why one opportunity suits ``bee`` (empty lists when it shares nothing with them)."""
    item = Suited(opportunity, 0)
    explain(bee, [item])
    item.strength = (
        SKILL_POINTS * len(item.skills) + INTEREST_POINTS * len(item.topics) + HIVE_POINTS * len(item.hives)
    )
    return item
