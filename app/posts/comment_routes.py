"""A comment's own actions: edit and delete one's own, report, and a site admin's removal."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import policy
from app.errors import ValidationError
from app.extensions import db
from app.forms import attach_error
from app.hives import moderation
from app.hives.forms import ReasonForm, ReportForm
from app.hives.services import is_banned_from_post_hives
from app.posts import comments
from app.posts.forms import EditCommentForm
from app.posts.models import Comment, Post
from app.posts.routes import post_url
from app.profiles.forms import ActionForm

bp = Blueprint("comments", __name__, url_prefix="/comments")


def _post_of(comment: Comment) -> Post:
    return db.session.get(Post, comment.post_id)


def _at(comment: Comment) -> str:
    """Where a comment sits on its post's page."""
    return f"{post_url(_post_of(comment))}#comment-{comment.id}"


@bp.route("/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit(comment_id: int):
    """Edit my own comment."""
    comment = comments.visible_comment(comment_id, current_user)
    policy.require(
        policy.can_change_comment(current_user, comment), _("You can only edit your own comments.")
    )
    form = EditCommentForm(data={"body": comment.body_source})
    if form.validate_on_submit():
        try:
            comments.edit_comment(current_user, comment, form.body.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(_at(comment))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "posts/edit_comment.html", form=form, comment=comment, post=_post_of(comment)
    ), status


@bp.route("/<int:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete(comment_id: int):
    """Ask for confirmation, then delete my own comment."""
    comment = comments.visible_comment(comment_id, current_user)
    policy.require(
        policy.can_delete_comment(current_user, comment), _("You can only delete your own comments.")
    )
    form = ActionForm()
    if form.validate_on_submit():
        comments.delete_comment(current_user, comment)
        flash(_("Your comment was deleted."), "info")
        return redirect(post_url(_post_of(comment)))
    return render_template("posts/delete_comment.html", comment=comment, post=_post_of(comment), form=form)


@bp.route("/<int:comment_id>/report", methods=["GET", "POST"])
@login_required
def report(comment_id: int):
    """Report a comment to the moderators of its post's hives."""
    comment = comments.visible_comment(comment_id, current_user)
    banned = is_banned_from_post_hives(current_user.id, comment.post_id)
    policy.require(
        policy.can_report_comment(current_user, comment, banned=banned), _("You cannot report this comment.")
    )
    form = ReportForm()
    if form.validate_on_submit():
        try:
            moderation.report_comment(current_user, comment, form.reason.data, form.detail.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                _("Thank you. The moderators will look at it; the author is not told who reported."),
                "success",
            )
            return redirect(_at(comment))
    status = 422 if form.is_submitted() else 200
    post = _post_of(comment)
    return render_template("posts/report.html", form=form, post=post, comment=comment), status


@bp.route("/<int:comment_id>/remove", methods=["GET", "POST"])
@login_required
def remove(comment_id: int):
    """A site admin removes a comment, saying why."""
    comment = comments.visible_comment(comment_id, current_user)
    policy.require(policy.is_admin(current_user), _("Only site admins remove comments everywhere."))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            moderation.remove_comment_sitewide(current_user, comment, form.reason.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("The comment is removed. Its author was told why."), "info")
            return redirect(post_url(_post_of(comment)))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/remove.html", form=form, post=_post_of(comment), comment=comment), status
