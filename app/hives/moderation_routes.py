"""A hive's moderation pages: the report queue, join requests, bans, moderators and rules."""

from __future__ import annotations

from datetime import UTC, datetime, time

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import policy
from app.errors import NotFound, ValidationError
from app.forms import attach_error
from app.hives import moderation, review, roles, services
from app.hives.forms import BanForm, HandleForm, ModerateForm, RulesForm, comment_actions
from app.hives.models import CaseState, Hive, Membership
from app.hives.routes import viewer_membership
from app.posts.models import Comment, Post
from app.posts.queries import parse_cursor
from app.profiles.forms import ActionForm
from app.profiles.models import utcnow
from app.profiles.services import bee_by_handle

bp = Blueprint("moderation", __name__, url_prefix="/hives/<slug>/moderation")


def _moderated_hive(slug: str) -> tuple[Hive, Membership | None]:
    hive = services.hive_by_slug(slug)
    membership = viewer_membership(hive)
    policy.require(
        policy.can_moderate(current_user, membership), _("Only the hive's moderators can see this.")
    )
    return hive, membership


def ban_end(day) -> datetime | None:
    """A ban "until" a day ends as that day begins (UTC)."""
    return datetime.combine(day, time.min, UTC) if day else None


def _bee_for(form, field: str = "handle"):
    try:
        return bee_by_handle(getattr(form, field).data)
    except NotFound as error:
        raise ValidationError(field, error.message) from None


def _dashboard(hive: Hive, membership: Membership | None, *, ban_form=None, handle_form=None, status=200):
    state = request.args.get("state", CaseState.OPEN)
    state = state if state in CaseState.ALL else CaseState.OPEN
    items, next_after = review.queue(hive, state, parse_cursor(request.args.get("after")))
    page = render_template(
        "hives/moderation.html",
        hive=hive,
        state=state,
        items=items,
        next_after=next_after,
        requests=review.pending_requests(hive),
        bans=review.banned_bees(hive),
        moderators=review.moderators_of(hive),
        can_lead=policy.can_lead(current_user, membership),
        ban_form=ban_form or BanForm(formdata=None),
        handle_form=handle_form or HandleForm(formdata=None),
        now=utcnow(),
    )
    return page, status


@bp.get("/")
@login_required
def dashboard(slug: str):
    """The queue (open or resolved, oldest first), join requests, bans and moderators."""
    hive, membership = _moderated_hive(slug)
    return _dashboard(hive, membership)


@bp.route("/posts/<int:post_id>", methods=["GET", "POST"])
@login_required
def post(slug: str, post_id: int):
    """Act on a post in the hive: dismiss its reports, remove it, warn or ban its author."""
    hive, _membership = _moderated_hive(slug)
    post = review.post_in_hive(hive, post_id)
    case = review.case_of(hive.id, post.id)
    form = ModerateForm()
    if form.validate_on_submit():
        try:
            message = _act(hive, post, case, form)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(message, "success")
            return redirect(url_for("moderation.dashboard", slug=hive.slug))
    status = 422 if form.is_submitted() else 200
    reports = review.reports_of(post.id)
    return render_template(
        "hives/moderate_post.html", hive=hive, post=post, case=case, reports=reports, form=form
    ), status


def _act(hive: Hive, post: Post, case, form: ModerateForm, comment: Comment | None = None) -> str:
    action = form.action.data
    if action == "dismiss":
        if case is None or case.state != CaseState.OPEN:
            raise ValidationError("action", _("There are no open reports of this to dismiss."))
        moderation.dismiss(current_user, hive, case, form.reason.data)
        return (
            _("The reports are dismissed; the post stays.")
            if comment is None
            else _("The reports are dismissed; the comment stays.")
        )
    if action == "remove":
        if comment is not None:
            moderation.remove_comment(current_user, hive, comment, form.reason.data)
            return _("The comment is removed. Its author was told why.")
        moderation.remove_from_hive(current_user, hive, post, form.reason.data)
        return _("The post is removed from this hive. Its author was told why.")
    if action == "warn":
        moderation.warn(current_user, hive, post, form.reason.data, comment=comment)
        return _("The author is warned.")
    if action == "ban":
        author = comment.author if comment is not None else post.author
        until = ban_end(form.until.data)
        moderation.ban(current_user, hive, author, form.reason.data, until, post=post, comment=comment)
        if comment is not None:
            return _("The comment is removed and its author banned from this hive.")
        return _("The post is removed and its author banned from this hive.")
    raise ValidationError("action", _("Choose what to do."))


@bp.route("/comments/<int:comment_id>", methods=["GET", "POST"])
@login_required
def comment(slug: str, comment_id: int):
    """Act on a comment on a post in the hive: dismiss its reports, remove it, warn or ban its
    author."""
    hive, _membership = _moderated_hive(slug)
    comment = review.comment_in_hive(hive, comment_id)
    post = review.post_in_hive(hive, comment.post_id)
    case = review.case_of(hive.id, post.id, comment.id)
    form = ModerateForm()
    form.action.choices = comment_actions()
    if form.validate_on_submit():
        try:
            message = _act(hive, post, case, form, comment)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(message, "success")
            return redirect(url_for("moderation.dashboard", slug=hive.slug))
    status = 422 if form.is_submitted() else 200
    reports = review.reports_of(post.id, comment.id)
    return render_template(
        "hives/moderate_post.html",
        hive=hive,
        post=post,
        comment=comment,
        case=case,
        reports=reports,
        form=form,
    ), status


def _answer(slug: str, handle: str, *, approve: bool):
    hive, _membership = _moderated_hive(slug)
    bee = bee_by_handle(handle)
    if ActionForm().validate_on_submit():
        roles.answer_request(current_user, hive, bee, approve=approve)
        if approve:
            flash(_("%(name)s is now a member.", name=bee.display_name), "success")
        else:
            flash(_("%(name)s's request is declined.", name=bee.display_name), "info")
    return redirect(url_for("moderation.dashboard", slug=hive.slug))


@bp.post("/requests/<handle>/approve")
@login_required
def approve(slug: str, handle: str):
    """Approve a request to join: the bee becomes a member and is told."""
    return _answer(slug, handle, approve=True)


@bp.post("/requests/<handle>/decline")
@login_required
def decline(slug: str, handle: str):
    """Decline a request to join: the bee is told."""
    return _answer(slug, handle, approve=False)


@bp.post("/bans")
@login_required
def ban(slug: str):
    """Ban a bee by handle."""
    hive, membership = _moderated_hive(slug)
    form = BanForm()
    if form.validate_on_submit():
        try:
            bee = _bee_for(form)
            moderation.ban(current_user, hive, bee, form.reason.data, ban_end(form.until.data))
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("%(name)s is banned from this hive.", name=bee.display_name), "success")
            return redirect(url_for("moderation.dashboard", slug=hive.slug))
    return _dashboard(hive, membership, ban_form=form, status=422)


@bp.post("/bans/<handle>/lift")
@login_required
def unban(slug: str, handle: str):
    """Lift a ban."""
    hive, _membership = _moderated_hive(slug)
    bee = bee_by_handle(handle)
    if ActionForm().validate_on_submit():
        moderation.unban(current_user, hive, bee)
        flash(_("%(name)s's ban is lifted.", name=bee.display_name), "success")
    return redirect(url_for("moderation.dashboard", slug=hive.slug))


@bp.post("/moderators")
@login_required
def appoint(slug: str):
    """Appoint a member, by handle, as a moderator."""
    hive, membership = _moderated_hive(slug)
    policy.require(policy.can_lead(current_user, membership), _("Only the owner appoints moderators."))
    form = HandleForm()
    if form.validate_on_submit():
        try:
            bee = _bee_for(form)
            roles.appoint_moderator(current_user, hive, bee)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("%(name)s is now a moderator.", name=bee.display_name), "success")
            return redirect(url_for("moderation.dashboard", slug=hive.slug))
    return _dashboard(hive, membership, handle_form=form, status=422)


@bp.post("/moderators/<handle>/remove")
@login_required
def dismiss_moderator(slug: str, handle: str):
    """Make a moderator an ordinary member again."""
    hive, _membership = _moderated_hive(slug)
    bee = bee_by_handle(handle)
    if ActionForm().validate_on_submit():
        roles.remove_moderator(current_user, hive, bee)
        flash(_("%(name)s is no longer a moderator.", name=bee.display_name), "info")
    return redirect(url_for("moderation.dashboard", slug=hive.slug))


@bp.route("/transfer", methods=["GET", "POST"])
@login_required
def transfer(slug: str):
    """Hand the hive to another member, after a confirmation."""
    hive, membership = _moderated_hive(slug)
    policy.require(policy.can_lead(current_user, membership), _("Only the owner can hand the hive on."))
    form = HandleForm()
    if form.validate_on_submit():
        try:
            bee = _bee_for(form)
            roles.transfer_ownership(current_user, hive, bee)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                _(
                    "%(name)s now owns %(hive)s. You stay on as a moderator.",
                    name=bee.display_name,
                    hive=hive.name,
                ),
                "success",
            )
            return redirect(url_for("hives.show", slug=hive.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("hives/transfer.html", hive=hive, form=form), status


@bp.route("/rules", methods=["GET", "POST"])
@login_required
def rules(slug: str):
    """Write the hive's rules."""
    hive, membership = _moderated_hive(slug)
    policy.require(policy.can_lead(current_user, membership), _("Only the owner writes the rules."))
    form = RulesForm(data={"rules": hive.rules_source})
    if form.validate_on_submit():
        try:
            roles.update_rules(current_user, hive, form.rules.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("The rules are saved."), "success")
            return redirect(url_for("hives.rules", slug=hive.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("hives/edit_rules.html", hive=hive, form=form), status
