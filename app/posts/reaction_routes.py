"""Relevant marks on a post: mark or take back (a form, or a script asking for JSON), and who
found it relevant."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, redirect, render_template, request
from flask_login import current_user, login_required

from app.errors import wants_json
from app.posts import reactions, services
from app.posts.forms import RelevantForm
from app.posts.queries import parse_cursor
from app.posts.routes import post_url
from app.security import is_safe_next

bp = Blueprint("reactions", __name__)


@bp.app_context_processor
def _reaction_helpers():
    return {"relevant_marks": _relevant_marks}


def _relevant_marks(posts) -> set[int]:
    """The posts among ``posts`` the signed-in bee marked Relevant (one query per page)."""
    return reactions.marked_among(current_user, [post.id for post in posts])


@bp.post("/posts/<int:post_id>/relevant")
@login_required
def mark(post_id: int):
    """Mark a post Relevant, or take the mark back; back to the page it was done on."""
    post = services.visible_post(post_id, current_user)
    form = RelevantForm()
    if not form.validate_on_submit() or form.relevant.data not in ("0", "1"):
        abort(400)
    count = reactions.set_relevant(current_user, post, form.relevant.data == "1")
    if wants_json():
        return jsonify(post=post.id, relevant=form.relevant.data == "1", count=count)
    next_url = form.next.data
    return redirect(next_url if is_safe_next(next_url) else post_url(post))


@bp.get("/posts/<int:post_id>/relevant")
def who(post_id: int):
    """The bees who found a post relevant, newest first."""
    post = services.visible_post(post_id, current_user)
    page = reactions.who_marked(post, current_user, parse_cursor(request.args.get("before")))
    return render_template("posts/relevant.html", post=post, page=page)
