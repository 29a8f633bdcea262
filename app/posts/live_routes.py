"""What a live page fetches when an event tells it something changed: the posts newer than the
newest it shows (home, hive and profile feeds) and one new comment, each as its session may
see them — the same queries and checks as the pages themselves."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user, login_required

from app import policy
from app.extensions import db
from app.hives import review
from app.hives import services as hives
from app.hives.routes import require_content, viewer_membership
from app.i18n import ngettext
from app.posts import comments, queries
from app.posts.models import Post
from app.profiles.queries import relation
from app.profiles.services import bee_by_handle

bp = Blueprint("live", __name__, url_prefix="/live")

# A page that missed more new posts than this is told to reload instead.
FRESH_MAX = 50
# Most asks find one new post or none (every page asks once as it connects): a short page first.
FRESH_FIRST = 4


def _fresh(read: Callable[[int], queries.FeedPage], return_to: str, moderated_hive=None):
    """The posts of the feed ``read(limit)`` newer than ``?after=``, newest first, as cards in
    JSON: ``{"html", "posts", "complete"}``; ``complete`` is false when there are more than
    fit, and the page should reload."""
    raw = request.args.get("after")
    after = 0 if raw == "0" else queries.parse_cursor(raw) or 0  # 0: the page shows no post yet
    page = read(FRESH_FIRST)
    if page.next_cursor is not None and all(post.id > after for post in page.posts):
        page = read(FRESH_MAX)  # the short page was all new: read as far as a page may
    posts = [post for post in page.posts if post.id > after]
    complete = len(posts) < len(page.posts) or page.next_cursor is None
    html = render_template(
        "posts/_fresh.html",
        posts=posts,
        originals=page.originals,
        card_return=return_to,
        moderated_hive=moderated_hive,
    )
    return jsonify(html=html, posts=[post.id for post in posts], complete=complete)


@bp.get("/home")
@login_required
def home():
    """New posts for my home feed."""
    return _fresh(lambda limit: queries.home_feed(current_user.id, None, limit), "/")


@bp.get("/hives/<slug>")
def hive(slug: str):
    """New posts for a hive's page (a private hive's: for members)."""
    hive = hives.hive_by_slug(slug)
    membership = viewer_membership(hive)
    require_content(hive, membership)
    viewer_id = current_user.id if current_user.is_authenticated else 0
    viewer = current_user if current_user.is_authenticated else None
    moderated = hive if policy.can_moderate(viewer, membership) else None
    return _fresh(
        lambda limit: queries.hive_feed(hive.id, None, limit, viewer_id=viewer_id),
        f"/hives/{hive.slug}",
        moderated,
    )


@bp.get("/@<handle>")
def profile(handle: str):
    """New posts for a bee's profile, as the viewer may see them."""
    bee = bee_by_handle(handle)
    viewer_id = current_user.id if current_user.is_authenticated else 0
    if relation(viewer_id, bee.id).blocked:
        return jsonify(html="", posts=[], complete=True)
    return _fresh(
        lambda limit: queries.profile_feed(bee.id, None, limit, viewer_id=viewer_id), f"/@{bee.handle}"
    )


@bp.get("/comments/<int:comment_id>")
def comment(comment_id: int):
    """One comment or reply, as its post's page shows it."""
    found = comments.visible_comment(comment_id, current_user)
    post = db.session.get(Post, found.post_id)
    html = render_template(
        "posts/_live_comment.html",
        comment=found,
        post=post,
        moderated_hives=review.hives_moderated_by(current_user, post),
        may_comment=comments.may_comment(current_user, post),
    )
    viewer_id = current_user.id if current_user.is_authenticated else 0
    count = comments.comment_count(post.id, viewer_id)
    heading = ngettext("%(num)s comment", "%(num)s comments", count)
    return jsonify(
        html=html, comment=found.id, parent=found.parent_id, visible=found.is_visible, heading=heading
    )
