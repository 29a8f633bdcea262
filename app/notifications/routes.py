"""A bee's notices: what others did with them and their posts, what moderators did, answers to
requests; which kinds to receive; and the badge numbers a live page fetches."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.errors import ValidationError
from app.forms import attach_error
from app.notifications import services
from app.notifications.forms import PreferencesForm
from app.posts.queries import parse_cursor
from app.profiles.forms import ActionForm
from app.security import is_safe_next

bp = Blueprint("notifications", __name__)


@bp.get("/notices")
@login_required
def index():
    """My notices, newest first; unread ones are marked."""
    notices, next_cursor = services.notices_page(current_user.id, parse_cursor(request.args.get("before")))
    return render_template("notifications/index.html", notices=notices, next_cursor=next_cursor)


@bp.post("/notices/read")
@login_required
def mark_read():
    """Mark every notice read."""
    if ActionForm().validate_on_submit():
        services.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))


@bp.post("/notices/<int:notice_id>/read")
@login_required
def mark_one_read(notice_id: int):
    """Mark one notice read; back to the notices, or on to what it is about (``next``)."""
    if ActionForm().validate_on_submit():
        services.mark_read(current_user, notice_id)
    next_url = request.form.get("next")
    return redirect(next_url if is_safe_next(next_url) else url_for("notifications.index"))


@bp.get("/notices/unread")
@login_required
def unread():
    """The numbers on my badges, for a live page."""
    return jsonify(services.unread_counts(current_user.id))


@bp.route("/settings/notices", methods=["GET", "POST"])
@login_required
def preferences():
    """Choose which kinds of notice to receive."""
    current = services.preferences(current_user.id)
    form = PreferencesForm(data={"kinds": [name for name, on in current.items() if on]})
    if form.validate_on_submit():
        try:
            services.set_preferences(current_user, form.kinds.data or [])
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Your notice settings are saved."), "success")
            return redirect(url_for("notifications.preferences"))
    status = 422 if form.is_submitted() else 200
    return render_template("notifications/preferences.html", form=form), status
