"""Posting and closing opportunities, and reading them.

An opportunity posted to hives is announced there by a buzz of its poster's,
written in the same transaction through the posts' own writer
(:func:`app.posts.services.write_post`): it reaches every follower of the poster
and every member of each hive, exactly as any post does, and its
``delivered_count`` proves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app import policy
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.markup import UnrenderableText, plain_excerpt, render_markdown
from app.notifications.models import Kind as NoticeKind
from app.notifications.services import lock_recipients, notify
from app.opportunities.models import (
    COMPENSATION_MAX,
    DESCRIPTION_MAX,
    TERM_MAX,
    TITLE_MAX,
    Opportunity,
    OpportunityKind,
    OpportunityState,
    OpportunityTerm,
    Pitch,
    PitchState,
)
from app.posts import mentions
from app.posts import services as posts
from app.posts.models import Kind as PostKind
from app.posts.models import Post
from app.profiles import data
from app.profiles.models import LOCATION_MAX, Bee, blocked_either_way, utcnow
from app.profiles.services import is_blocked_between
from app.search import index as search

TERMS_MAX = 10  # skills, and topics, each
PAGE_SIZE = 20
DEADLINE_YEARS_MAX = 2


@dataclass(frozen=True)
class OpportunityData:
    """An opportunity as its poster wrote it, before it is checked."""

    kind: str
    title: str
    description: str
    skills: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    location: str = ""
    remote: bool = False
    compensation: str = ""
    deadline: date | None = None
    hive_ids: tuple[int, ...] = ()


def today() -> date:
    """The day deadlines are judged by (UTC): a deadline is open through its whole day."""
    return datetime.now(UTC).date()


def kind_label(kind: str) -> str:
    """An opportunity's kind in words."""
    return {
        OpportunityKind.JOB: _("Job"),
        OpportunityKind.FREELANCE: _("Freelance gig"),
        OpportunityKind.STORY_CALL: _("Story call"),
    }[kind]


def _check(draft: OpportunityData) -> tuple[OpportunityData, str, list[tuple[str, str, str]]]:
    """The draft trimmed and within limits, its description as sanitized HTML, and its terms
    as (kind, key, name); or a :class:`ValidationError` naming the field."""
    if draft.kind not in OpportunityKind.ALL:
        raise ValidationError("kind", _("Choose a job, a freelance gig or a story call."))
    title = data.text(draft.title, "title", TITLE_MAX, required=_("Give the opportunity a title."))
    description = data.text(
        draft.description,
        "description",
        DESCRIPTION_MAX,
        required=_("Say what the work is."),
        one_line=False,
    )
    try:
        description_html = render_markdown(description)
    except UnrenderableText:
        raise ValidationError("description", _("This text has too many links or nests too deeply.")) from None
    terms: list[tuple[str, str, str]] = []
    for kind, field, names in (("skill", "skills", draft.skills), ("topic", "topics", draft.topics)):
        seen = set()
        for name in names:
            name = data.text(name, field, TERM_MAX)
            key = data.skill_key(name) if kind == "skill" else data.tag_key(name)  # as profiles fold them
            if key and key not in seen:
                seen.add(key)
                terms.append((kind, key, name))
        if len(seen) > TERMS_MAX:
            raise ValidationError(field, _("List at most %(most)s.", most=TERMS_MAX))
    if draft.deadline is not None and not today() <= draft.deadline <= today() + timedelta(
        days=366 * DEADLINE_YEARS_MAX
    ):
        raise ValidationError("deadline", _("Choose a deadline from today to two years ahead."))
    checked = OpportunityData(
        kind=draft.kind,
        title=title,
        description=description,
        location=data.text(draft.location, "location", LOCATION_MAX),
        remote=bool(draft.remote),
        compensation=data.text(draft.compensation, "compensation", COMPENSATION_MAX),
        deadline=draft.deadline,
        hive_ids=tuple(draft.hive_ids),
    )
    return checked, description_html, terms


def post_opportunity(poster: Bee, draft: OpportunityData) -> Opportunity:
    """Post an opportunity; posted to hives, announce it there to every member at once."""
    policy.require(
        policy.can_post_opportunity(poster), _("Only recruiter and editor accounts post opportunities.")
    )
    checked, description_html, terms = _check(draft)
    poster_id = poster.id
    # The announcement tells the bees its title or opening mentions: their rows are locked first.
    mentioned = (
        mentions.named_bee_ids(posts.render_body(_announcement(checked, description_html, MAX_ID)))
        if checked.hive_ids
        else []
    )
    with write_transaction():
        lock_recipients(poster_id, *mentioned)
        hives = posts.target_hives(poster_id, list(checked.hive_ids))
        if any(hive.is_private for hive in hives):
            raise ValidationError("hives", _("Opportunities go to public hives only, so anyone can answer."))
        opportunity = Opportunity(
            poster_id=poster_id,
            kind=checked.kind,
            title=checked.title,
            description_source=checked.description,
            description_html=description_html,
            location=checked.location,
            remote=checked.remote,
            compensation=checked.compensation,
            deadline=checked.deadline,
            state=OpportunityState.OPEN,
        )
        db.session.add(opportunity)
        db.session.flush()
        db.session.add_all(
            OpportunityTerm(opportunity_id=opportunity.id, kind=kind, key=key, name=name, place=place)
            for place, (kind, key, name) in enumerate(terms)
        )
        if hives:
            body = _announcement(checked, description_html, opportunity.id)
            body_html = posts.render_body(body)
            post = posts.write_post(
                poster_id,
                PostKind.BUZZ,
                None,
                body,
                body_html,
                "",
                search.post_document(None, body_html),
                hives,
            )
            opportunity.post_id = post.id
    return opportunity


# What Markdown reads anywhere in a line, and what it reads only at a line's start (a heading,
# a list, a quote): escaped, a title or an opening reads as its poster wrote it.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]!])")
_MARKDOWN_LEADING = re.compile(r"^(\s*)([#>+-]|\d+(?=\.))", re.MULTILINE)


def _announcement(opportunity: OpportunityData, description_html: str, opportunity_id: int) -> str:
    """The buzz that announces an opportunity in hives: its kind and title, the opening of its
    description, and the way to answer (Markdown; the title escaped, so it reads as written)."""
    title = _escaped(opportunity.title)
    opening = _escaped(plain_excerpt(description_html, 240))
    # A path, not a full address: the same in a request, a CLI command (the demo) or a test.
    link = current_app.url_map.bind("").build("opportunities.show", {"opportunity_id": opportunity_id})
    lines = [f"**{kind_label(opportunity.kind)}: {title}**", opening]
    if opportunity.deadline:
        lines.append(_("Answers until %(day)s.", day=opportunity.deadline.isoformat()))
    lines.append(f"[{_('See the opportunity and answer')}]({link})")
    return "\n\n".join(line for line in lines if line)


def _escaped(text: str) -> str:
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LEADING.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), text)


def closable(actor: Bee, opportunity_id: int) -> Opportunity:
    """An opportunity ``actor`` posted (what the confirmation shows), or the refusal."""
    opportunity = opportunity_for(actor, opportunity_id)
    policy.require(
        policy.can_manage_opportunity(actor, opportunity), _("Only its poster closes an opportunity.")
    )
    return opportunity


def close_opportunity(actor: Bee, opportunity_id: int) -> Opportunity:
    """Close an opportunity to new answers; the bees whose answers are still in play are told.
    Answers already sent stay, and the poster still works them."""
    opportunity_id = closable(actor, opportunity_id).id
    actor_id = actor.id
    told: set[int] = set()
    while True:
        told |= set(_waiting(opportunity_id, actor_id))
        try:
            with write_transaction():
                lock_recipients(actor_id, *told)
                lock_rows(Opportunity, [opportunity_id])
                opportunity = db.session.get(Opportunity, opportunity_id, populate_existing=True)
                if opportunity.state == OpportunityState.CLOSED:
                    raise Conflict(_("This opportunity is already closed."))
                # Read again under the lock: an answer sent since the first read must be told
                # too, and its bee's row was not locked first (bees before other rows, always),
                # so the close starts over with it rather than lock it late.
                waiting = _waiting(opportunity_id, actor_id)
                if set(waiting) - told:
                    raise _StartOver
                opportunity.state = OpportunityState.CLOSED
                opportunity.closed_at = utcnow()
                for bee_id in waiting:
                    notify(
                        bee_id,
                        NoticeKind.OPPORTUNITY_CLOSED,
                        actor_id=actor_id,
                        opportunity_id=opportunity_id,
                    )
        except _StartOver:
            continue
        return opportunity


class _StartOver(Exception):
    """A write found more to lock than it locked: roll back and begin again."""


def _waiting(opportunity_id: int, poster_id: int) -> list[int]:
    """The bees whose answers are still in play, but for those on either side of a block with
    the poster."""
    return list(
        db.session.scalars(
            select(Pitch.bee_id).where(
                Pitch.opportunity_id == opportunity_id,
                Pitch.state.in_((PitchState.NEW, PitchState.SHORTLISTED)),
                Pitch.bee_id.not_in(blocked_either_way(poster_id)),
            )
        )
    )


def opportunity_for(viewer: Bee | None, opportunity_id: int) -> Opportunity:
    """An opportunity the viewer may see: any whose poster is still here and with no block
    between them; otherwise :class:`NotFound`."""
    opportunity = db.session.get(Opportunity, opportunity_id) if 0 < opportunity_id <= MAX_ID else None
    if (
        opportunity is None
        or not opportunity.poster.is_active
        or (
            viewer is not None
            and viewer.id != opportunity.poster_id
            and is_blocked_between(viewer.id, opportunity.poster_id)
        )
    ):
        raise NotFound(_("That opportunity does not exist or was taken down."))
    return opportunity


def open_opportunities(
    viewer: Bee, *, kind: str = "", before: int | None = None
) -> tuple[list[Opportunity], int | None]:
    """Every opportunity taking answers, newest first, a page at a time (keyset on id)."""
    if kind and kind not in OpportunityKind.ALL:
        raise ValidationError("kind", _("Choose a job, a freelance gig or a story call."))
    statement = (
        select(Opportunity)
        .join(Bee, Bee.id == Opportunity.poster_id)
        .where(
            Opportunity.state == OpportunityState.OPEN,
            (Opportunity.deadline.is_(None)) | (Opportunity.deadline >= today()),
            Bee.deleted_at.is_(None),
            Bee.suspended_at.is_(None),
            Opportunity.poster_id.not_in(blocked_either_way(viewer.id)),
        )
        .order_by(Opportunity.id.desc())
        .limit(PAGE_SIZE + 1)
    )
    if kind:
        statement = statement.where(Opportunity.kind == kind)
    if before is not None:
        statement = statement.where(Opportunity.id < before)
    rows = list(db.session.scalars(statement))
    return rows[:PAGE_SIZE], rows[PAGE_SIZE - 1].id if len(rows) > PAGE_SIZE else None


def posted_by(poster: Bee) -> list[Opportunity]:
    """A poster's own opportunities, newest first, open and closed."""
    return list(
        db.session.scalars(
            select(Opportunity).where(Opportunity.poster_id == poster.id).order_by(Opportunity.id.desc())
        )
    )


def announcement_of(opportunity: Opportunity) -> Post | None:
    """The post that announced an opportunity in hives, while it stands."""
    post = db.session.get(Post, opportunity.post_id) if opportunity.post_id else None
    return post if post is not None and post.is_visible else None


def pitch_counts(opportunity: Opportunity) -> dict[str, int]:
    """How many answers stand at each step of the pipeline (as its pages list them: none from
    a bee on either side of a block with the poster)."""
    counts = dict(
        db.session.execute(
            select(Pitch.state, func.count())
            .where(
                Pitch.opportunity_id == opportunity.id,
                Pitch.bee_id.not_in(blocked_either_way(opportunity.poster_id)),
            )
            .group_by(Pitch.state)
        ).all()
    )
    return {state: counts.get(state, 0) for state in (*PitchState.PIPELINE, PitchState.WITHDRAWN)}


def bump_pitch_count(opportunity_id: int) -> None:
    """Count one more answer, inside the caller's transaction."""
    db.session.execute(
        update(Opportunity)
        .where(Opportunity.id == opportunity_id)
        .values(pitch_count=Opportunity.pitch_count + 1)
        .execution_options(synchronize_session=False)
    )
