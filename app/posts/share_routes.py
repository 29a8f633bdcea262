"""Sharing a post with my followers and hives."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app import policy
from app.errors import NotFound, ValidationError
from app.forms import attach_error
from app.i18n import ngettext
from app.posts import services, shares
from app.posts.forms import ShareForm
from app.profiles.queries import hives_of

bp = Blueprint("shares", __name__)


@bp.route("/posts/<int:post_id>/share", methods=["GET", "POST"])
@login_required
def new(post_id: int):
    """Share a post (a share's original) with a comment of my own, to my followers and hives."""
    post = services.visible_post(post_id, current_user)
    original = shares.original_of(post)
    if original is None or not original.is_visible:
        raise NotFound(_("That post is no longer available."))
    policy.require(shares.may_share(current_user, original), _("You cannot share this post."))
    form = ShareForm()
    form.hives.choices = [SelectChoice(hive.id, hive.name) for hive in hives_of(current_user.id)]
    if form.validate_on_submit():
        try:
            share = shares.share_post(current_user, original, form.body.data, form.hives.data or [])
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                ngettext(
                    "Shared. Delivered to %(num)s bee.",
                    "Shared. Delivered to %(num)s bees.",
                    share.delivered_count,
                ),
                "success",
            )
            return redirect(url_for("posts.home"))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/share.html", form=form, original=original), status
