"""Answers to opportunities: a bee pitches or applies once, the poster works the pipeline,
and each side is told of every step the other takes."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import policy
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.markup import UnrenderableText, render_markdown
from app.notifications.models import Kind as NoticeKind
from app.notifications.services import notify
from app.opportunities import services
from app.opportunities.models import IDEA_MAX, PITCH_MAX, Opportunity, Pitch, PitchSample, PitchState
from app.profiles import data
from app.profiles.models import Bee, WorkSample, blocked_either_way, utcnow
from app.profiles.services import is_blocked_between, lock_live_bees

SAMPLES_MAX = 5
PAGE_SIZE = 30

# What the bee who sent an answer is told when the poster moves it.
_TOLD = {
    PitchState.NEW: NoticeKind.PITCH_REOPENED,
    PitchState.SHORTLISTED: NoticeKind.PITCH_SHORTLISTED,
    PitchState.ACCEPTED: NoticeKind.PITCH_ACCEPTED,
    PitchState.DECLINED: NoticeKind.PITCH_DECLINED,
}


@dataclass(frozen=True)
class PitchData:
    """An answer as its bee wrote it: the idea (story calls), the text, the samples chosen."""

    body: str
    idea: str = ""
    sample_ids: tuple[int, ...] = ()


def check_may_answer(bee: Bee, opportunity: Opportunity) -> None:
    """Refuse an answer to a closed or past opportunity (a conflict) or to one's own."""
    if not opportunity.is_open_on(services.today()):
        raise Conflict(_("This opportunity is closed: it takes no new answers."))
    policy.require(
        policy.can_answer(
            bee,
            opportunity,
            open_now=True,
            blocked=is_blocked_between(bee.id, opportunity.poster_id),
        ),
        _("You cannot answer your own opportunity."),
    )


def send(bee: Bee, opportunity_id: int, draft: PitchData) -> Pitch:
    """Send ``bee``'s one answer to an opportunity that takes answers; its poster is told."""
    opportunity = services.opportunity_for(bee, opportunity_id)
    idea, body, body_html = _check(opportunity, draft)
    bee_id, poster_id = bee.id, opportunity.poster_id
    try:
        with write_transaction():
            (bee, _poster) = lock_live_bees(bee_id, poster_id)
            lock_rows(Opportunity, [opportunity_id])
            opportunity = db.session.get(Opportunity, opportunity_id, populate_existing=True)
            if opportunity is None:
                raise NotFound(_("That opportunity does not exist or was taken down."))
            check_may_answer(bee, opportunity)
            if db.session.scalar(
                select(Pitch.id).where(Pitch.opportunity_id == opportunity_id, Pitch.bee_id == bee_id)
            ):
                raise Conflict(_("You already answered this opportunity."))
            samples = _own_samples(bee_id, draft.sample_ids)
            pitch = Pitch(
                opportunity_id=opportunity_id,
                bee_id=bee_id,
                idea=idea,
                body_source=body,
                body_html=body_html,
                state=PitchState.NEW,
            )
            db.session.add(pitch)
            db.session.flush()
            db.session.add_all(
                PitchSample(
                    pitch_id=pitch.id, place=place, sample_id=sample.id, title=sample.title, url=sample.url
                )
                for place, sample in enumerate(samples)
            )
            services.bump_pitch_count(opportunity_id)
            notify(
                poster_id,
                NoticeKind.PITCH_RECEIVED,
                actor_id=bee_id,
                opportunity_id=opportunity_id,
                pitch_id=pitch.id,
            )
    except IntegrityError:  # the same bee's answer, sent twice at once (the one unique rule here)
        raise Conflict(_("You already answered this opportunity.")) from None
    return pitch


def _check(opportunity: Opportunity, draft: PitchData) -> tuple[str, str, str]:
    """The idea, the text and its sanitized HTML; a story call needs an idea, others none."""
    idea = ""
    if opportunity.is_story_call:
        idea = data.text(draft.idea, "idea", IDEA_MAX, required=_("Say your idea in a line."))
        required = _("Summarize the story you would write.")
    else:
        required = _("Write a message to go with your application.")
    body = data.text(draft.body, "body", PITCH_MAX, required=required, one_line=False)
    if len(draft.sample_ids) > SAMPLES_MAX:
        raise ValidationError("samples", _("Choose at most %(most)s work samples.", most=SAMPLES_MAX))
    try:
        return idea, body, render_markdown(body)
    except UnrenderableText:
        raise ValidationError("body", _("This text has too many links or nests too deeply.")) from None


def _own_samples(bee_id: int, sample_ids: tuple[int, ...]) -> list[WorkSample]:
    """The chosen work samples in the profile's order, each the bee's own; any other is
    refused."""
    wanted = sorted(set(sample_ids))
    if not wanted:
        return []
    if not all(0 < sample_id <= MAX_ID for sample_id in wanted):
        raise ValidationError("samples", _("Choose among your own work samples."))
    own = list(
        db.session.scalars(
            select(WorkSample)
            .where(WorkSample.id.in_(wanted), WorkSample.bee_id == bee_id)
            .order_by(WorkSample.place)
        )
    )
    if len(own) != len(wanted):
        raise ValidationError("samples", _("Choose among your own work samples."))
    return own


def answer_for(reader: Bee, pitch_id: int) -> Pitch:
    """An answer its bee or the opportunity's poster reads; to anyone else it does not exist."""
    pitch = db.session.get(Pitch, pitch_id) if 0 < pitch_id <= MAX_ID else None
    if (
        pitch is None
        or not policy.can_read_answer(reader, pitch)
        or is_blocked_between(pitch.bee_id, pitch.opportunity.poster_id)  # a block ends the talk
    ):
        raise NotFound(_("That answer does not exist."))
    return pitch


def move(poster: Bee, pitch_id: int, target: str) -> Pitch:
    """Move an answer along the pipeline; the bee who sent it is told."""
    if target not in PitchState.PIPELINE:
        raise ValidationError("state", _("Choose new, shortlisted, accepted or declined."))
    pitch = answer_for(poster, pitch_id)
    policy.require(
        policy.can_manage_opportunity(poster, pitch.opportunity),
        _("Only the opportunity's poster does that."),
    )
    poster_id, bee_id = poster.id, pitch.bee_id
    with write_transaction():
        lock_live_bees(poster_id, bee_id)
        pitch = _locked(pitch_id)
        if pitch.state == target:
            return pitch
        if pitch.state == PitchState.WITHDRAWN:
            raise Conflict(_("This answer was withdrawn: it cannot move any more."))
        if not PitchState.can_move(pitch.state, target):
            raise Conflict(_("An accepted or declined answer goes back to the shortlist first."))
        pitch.state = target
        pitch.updated_at = utcnow()
        notify(
            bee_id, _TOLD[target], actor_id=poster_id, opportunity_id=pitch.opportunity_id, pitch_id=pitch_id
        )
    return pitch


def withdrawable(bee: Bee, pitch_id: int) -> Pitch:
    """The bee's own answer that still waits (what the confirmation shows), or the refusal."""
    pitch = answer_for(bee, pitch_id)
    policy.require(policy.can_withdraw_answer(bee, pitch), _("Only the bee who sent an answer withdraws it."))
    if not PitchState.can_move(pitch.state, PitchState.WITHDRAWN):
        raise Conflict(_("Only an answer still waiting can be withdrawn."))
    return pitch


def withdraw(bee: Bee, pitch_id: int) -> Pitch:
    """Take back one's answer before it is accepted or declined; the poster is told."""
    pitch = withdrawable(bee, pitch_id)
    bee_id, poster_id = bee.id, pitch.opportunity.poster_id
    with write_transaction():
        lock_live_bees(bee_id, poster_id)
        pitch = _locked(pitch_id)
        if not PitchState.can_move(pitch.state, PitchState.WITHDRAWN):
            raise Conflict(_("Only an answer still waiting can be withdrawn."))
        pitch.state = PitchState.WITHDRAWN
        pitch.updated_at = utcnow()
        notify(
            poster_id,
            NoticeKind.PITCH_WITHDRAWN,
            actor_id=bee_id,
            opportunity_id=pitch.opportunity_id,
            pitch_id=pitch_id,
        )
    return pitch


def _locked(pitch_id: int) -> Pitch:
    lock_rows(Pitch, [pitch_id])
    pitch = db.session.get(Pitch, pitch_id, populate_existing=True)
    if pitch is None:  # its bee or poster left meanwhile
        raise NotFound(_("That answer does not exist."))
    return pitch


def pipeline(
    poster: Bee, opportunity: Opportunity, state: str, after: int | None = None
) -> tuple[list[Pitch], int | None]:
    """The answers at one step of an opportunity's pipeline, oldest first (as they came), a
    page at a time (keyset on id), without bees on either side of a block with the poster."""
    policy.require(
        policy.can_manage_opportunity(poster, opportunity),
        _("Only the opportunity's poster sees its answers."),
    )
    if state not in (*PitchState.PIPELINE, PitchState.WITHDRAWN):
        raise ValidationError("state", _("Choose new, shortlisted, accepted or declined."))
    statement = (
        select(Pitch)
        .where(
            Pitch.opportunity_id == opportunity.id,
            Pitch.state == state,
            Pitch.bee_id.not_in(blocked_either_way(poster.id)),
        )
        .order_by(Pitch.id)
        .limit(PAGE_SIZE + 1)
    )
    if after is not None:
        statement = statement.where(Pitch.id > after)
    rows = list(db.session.scalars(statement))
    return rows[:PAGE_SIZE], rows[PAGE_SIZE - 1].id if len(rows) > PAGE_SIZE else None


def sent_by(bee: Bee, before: int | None = None) -> tuple[list[Pitch], int | None]:
    """Everything a bee sent, newest first, with where each stands (keyset pages on id); not
    what went to a poster on either side of a block with the bee."""
    statement = (
        select(Pitch)
        .join(Opportunity, Opportunity.id == Pitch.opportunity_id)
        .where(Pitch.bee_id == bee.id, Opportunity.poster_id.not_in(blocked_either_way(bee.id)))
        .order_by(Pitch.id.desc())
        .limit(PAGE_SIZE + 1)
    )
    if before is not None:
        statement = statement.where(Pitch.id < before)
    rows = list(db.session.scalars(statement))
    return rows[:PAGE_SIZE], rows[PAGE_SIZE - 1].id if len(rows) > PAGE_SIZE else None


def answer_of(bee: Bee, opportunity_id: int) -> Pitch | None:
    """The bee's answer to an opportunity, if they sent one."""
    return db.session.scalar(
        select(Pitch).where(Pitch.opportunity_id == opportunity_id, Pitch.bee_id == bee.id)
    )
