"""A bee's notices: what moderators did about them and their posts, and answers to requests."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.notifications import services
from app.posts.queries import parse_cursor
from app.profiles.forms import ActionForm

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
