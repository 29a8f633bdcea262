"""Opportunities: posting, browsing, answering, and the poster's pipeline."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app import policy
from app.errors import Conflict, ValidationError
from app.forms import attach_error
from app.opportunities import matching, pitches, services
from app.opportunities.forms import MoveForm, OpportunityForm, PitchForm
from app.opportunities.models import OpportunityKind, PitchState
from app.posts.queries import parse_cursor
from app.profiles import record
from app.profiles.forms import ActionForm
from app.profiles.queries import hives_of
from app.text import isolated

bp = Blueprint("opportunities", __name__)


@bp.app_context_processor
def _opportunity_helpers():
    return {"opportunity_kind": services.kind_label, "pitch_states": PitchState}


@bp.get("/opportunities")
@login_required
def index():
    """The opportunities that suit me, with why; then every open one, newest first."""
    kind = request.args.get("kind", "")
    if kind not in ("", *OpportunityKind.ALL):
        kind = ""
    before = parse_cursor(request.args.get("before"))
    page, next_before = services.open_opportunities(current_user, kind=kind, before=before)
    return render_template(
        "opportunities/index.html",
        suited=matching.suited_to(current_user) if before is None and not kind else [],
        page=page,
        next_before=next_before,
        kind=kind,
        kinds=OpportunityKind.ALL,
        may_post=policy.can_post_opportunity(current_user),
    )


def _posting_form() -> OpportunityForm:
    form = OpportunityForm()
    form.hives.choices = [
        SelectChoice(hive.id, hive.name) for hive in hives_of(current_user.id) if not hive.is_private
    ]
    return form


@bp.route("/opportunities/new", methods=["GET", "POST"])
@login_required
def new():
    """Post a job, a freelance gig or a story call (recruiters and editors)."""
    policy.require(
        policy.can_post_opportunity(current_user), _("Only recruiter and editor accounts post opportunities.")
    )
    form = _posting_form()
    if form.validate_on_submit() and (draft := form.draft()) is not None:
        try:
            opportunity = services.post_opportunity(current_user, draft)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Your opportunity is posted."), "success")
            return redirect(url_for("opportunities.show", opportunity_id=opportunity.id))
    status = 422 if form.is_submitted() else 200
    return render_template("opportunities/new.html", form=form), status


@bp.get("/opportunities/mine")
@login_required
def mine():
    """What I posted, and what I sent, each with where it stands."""
    sent, next_before = pitches.sent_by(current_user, parse_cursor(request.args.get("before")))
    return render_template(
        "opportunities/mine.html",
        posted=services.posted_by(current_user),
        sent=sent,
        next_before=next_before,
    )


@bp.get("/opportunities/<int:opportunity_id>")
@login_required
def show(opportunity_id: int):
    """An opportunity, why it suits me, and my answer or the way to send one."""
    opportunity = services.opportunity_for(current_user, opportunity_id)
    manages = policy.can_manage_opportunity(current_user, opportunity)
    answer = pitches.answer_of(current_user, opportunity.id)
    is_open = opportunity.is_open_on(services.today())
    return render_template(
        "opportunities/show.html",
        opportunity=opportunity,
        manages=manages,
        counts=services.pitch_counts(opportunity) if manages else None,
        reasons=None if manages else matching.reasons_for(current_user, opportunity),
        answer=answer,
        may_answer=answer is None
        and policy.can_answer(
            current_user,
            opportunity,
            open_now=is_open,
            blocked=False,  # opportunity_for found none
        ),
        is_open=is_open,
        announcement=services.announcement_of(opportunity),
    )


def _answer_form(opportunity) -> PitchForm:
    form = PitchForm()
    form.samples.choices = [
        SelectChoice(sample.id, sample.title) for sample in record.entries(current_user.id, "samples")
    ]
    if opportunity.is_story_call:
        form.body.label.text = _("Summary of the story")
        form.submit.label.text = _("Send the pitch")
    else:
        form.submit.label.text = _("Send the application")
    return form


@bp.route("/opportunities/<int:opportunity_id>/answer", methods=["GET", "POST"])
@login_required
def answer(opportunity_id: int):
    """Pitch an idea to a story call, or apply to a job or gig: once."""
    opportunity = services.opportunity_for(current_user, opportunity_id)
    sent = pitches.answer_of(current_user, opportunity.id)
    if sent is not None:
        if request.method == "POST":
            raise Conflict(_("You already answered this opportunity."))
        return redirect(url_for("opportunities.pitch", pitch_id=sent.id))
    pitches.check_may_answer(current_user, opportunity)
    form = _answer_form(opportunity)
    if form.validate_on_submit():
        try:
            pitch = pitches.send(current_user, opportunity.id, form.draft())
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Sent. You will be told when it moves."), "success")
            return redirect(url_for("opportunities.pitch", pitch_id=pitch.id))
    status = 422 if form.is_submitted() else 200
    return render_template("opportunities/answer.html", opportunity=opportunity, form=form), status


@bp.get("/opportunities/<int:opportunity_id>/answers")
@login_required
def answers(opportunity_id: int):
    """The poster's pipeline: the answers at one step (new first), and how many at each."""
    opportunity = services.opportunity_for(current_user, opportunity_id)
    state = request.args.get("state", PitchState.NEW)
    listed, next_after = pitches.pipeline(
        current_user, opportunity, state, parse_cursor(request.args.get("after"))
    )
    return render_template(
        "opportunities/answers.html",
        opportunity=opportunity,
        state=state,
        answers=listed,
        next_after=next_after,
        counts=services.pitch_counts(opportunity),
    )


@bp.route("/opportunities/<int:opportunity_id>/close", methods=["GET", "POST"])
@login_required
def close(opportunity_id: int):
    """Close an opportunity to new answers, after a confirmation."""
    opportunity = services.closable(current_user, opportunity_id)
    form = ActionForm()
    if form.validate_on_submit():
        services.close_opportunity(current_user, opportunity.id)
        flash(_("Closed: it takes no new answers. The answers you have stay here."), "info")
        return redirect(url_for("opportunities.show", opportunity_id=opportunity.id))
    return render_template("opportunities/close.html", opportunity=opportunity, form=form)


@bp.get("/answers/<int:pitch_id>")
@login_required
def pitch(pitch_id: int):
    """One answer, for the bee who sent it and the opportunity's poster."""
    answer = pitches.answer_for(current_user, pitch_id)
    return render_template(
        "opportunities/pitch.html",
        answer=answer,
        manages=policy.can_manage_opportunity(current_user, answer.opportunity),
        may_withdraw=policy.can_withdraw_answer(current_user, answer)
        and PitchState.can_move(answer.state, PitchState.WITHDRAWN),
        moves=[state for state in PitchState.PIPELINE if PitchState.can_move(answer.state, state)],
    )


@bp.post("/answers/<int:pitch_id>/move")
@login_required
def move(pitch_id: int):
    """Shortlist, accept, decline or bring back an answer; its bee is told."""
    form = MoveForm()
    if form.validate_on_submit():
        answer = pitches.move(current_user, pitch_id, form.state.data or "")
        flash(_("Moved. %(bee)s is told.", bee=isolated(answer.bee.display_name)), "success")
    return redirect(url_for("opportunities.pitch", pitch_id=pitch_id))


@bp.route("/answers/<int:pitch_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(pitch_id: int):
    """Take back my answer while it waits, after a confirmation: it cannot be sent again."""
    answer = pitches.withdrawable(current_user, pitch_id)
    form = ActionForm()
    if form.validate_on_submit():
        pitches.withdraw(current_user, pitch_id)
        flash(_("Withdrawn. The poster is told."), "info")
        return redirect(url_for("opportunities.pitch", pitch_id=pitch_id))
    return render_template("opportunities/withdraw.html", answer=answer, form=form)
