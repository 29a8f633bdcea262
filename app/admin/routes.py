"""Site admins' pages: reports of posts in no hive, the site log, suspending bees."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import policy
from app.admin import services as admin_services
from app.errors import ValidationError
from app.forms import attach_error
from app.hives import log as moderation_log
from app.hives import moderation, review
from app.hives.forms import ReasonForm
from app.hives.models import CaseState
from app.posts.queries import parse_cursor
from app.profiles.forms import AccountKindForm, ActionForm
from app.profiles.services import bee_by_handle

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _require_admin() -> None:
    policy.require(policy.is_admin(current_user), _("Only site admins can see this."))


@bp.get("/")
@login_required
def dashboard():
    """Reports of posts in no hive (oldest first) and the site-wide log."""
    _require_admin()
    state = request.args.get("state", CaseState.OPEN)
    state = state if state in CaseState.ALL else CaseState.OPEN
    items, next_after = review.queue(None, state, parse_cursor(request.args.get("after")))
    entries, next_before = moderation_log.log_page(None, parse_cursor(request.args.get("before")))
    return render_template(
        "admin/dashboard.html",
        state=state,
        items=items,
        next_after=next_after,
        entries=entries,
        next_before=next_before,
    )


@bp.post("/cases/<int:case_id>/dismiss")
@login_required
def dismiss(case_id: int):
    """Dismiss the reports of a post in no hive."""
    _require_admin()
    case = review.case_in(None, case_id)
    if ActionForm().validate_on_submit():
        moderation.dismiss(current_user, None, case)
        flash(_("The reports are dismissed; the post stays."), "info")
    return redirect(url_for("admin.dashboard"))


@bp.route("/bees/<handle>/suspend", methods=["GET", "POST"])
@login_required
def suspend(handle: str):
    """Suspend a bee site-wide, after a confirmation with a reason."""
    _require_admin()
    bee = bee_by_handle(handle)
    policy.require(policy.can_suspend(current_user, bee), _("You cannot suspend this bee."))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            admin_services.suspend(current_user, bee, form.reason.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("%(name)s is suspended and signed out everywhere.", name=bee.display_name), "info")
            return redirect(url_for("profiles.profile", handle=bee.handle))
    status = 422 if form.is_submitted() else 200
    return render_template("admin/suspend.html", bee=bee, form=form), status


@bp.post("/bees/<handle>/unsuspend")
@login_required
def unsuspend(handle: str):
    """Restore a suspended bee."""
    _require_admin()
    bee = bee_by_handle(handle)
    if ActionForm().validate_on_submit():
        admin_services.unsuspend(current_user, bee)
        flash(_("%(name)s can log in again.", name=bee.display_name), "success")
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.post("/bees/<handle>/kind")
@login_required
def account_kind(handle: str):
    """Make a bee's account a recruiter's, an editor's or a bee's."""
    _require_admin()
    bee = bee_by_handle(handle)
    form = AccountKindForm()
    if form.validate_on_submit():
        admin_services.set_account_kind(current_user, bee, form.kind.data)
        flash(_("%(name)s's account is saved.", name=bee.display_name), "success")
    return redirect(url_for("profiles.profile", handle=bee.handle))
