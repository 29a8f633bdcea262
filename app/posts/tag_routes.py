"""A tag's page: the posts that use ``#tag``, newest first, as the viewer may see them."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user

from app.markup import TAG_MAX, normalize_tag
from app.posts import queries

bp = Blueprint("tags", __name__, url_prefix="/tags")

_TAG = re.compile(rf"\w{{1,{TAG_MAX}}}")


@bp.get("/<tag>")
def show(tag: str):
    """Posts tagged ``#tag``: strictly newest first, paged like every feed."""
    tag = normalize_tag(tag)
    if not _TAG.fullmatch(tag):
        abort(404)
    viewer_id = current_user.id if current_user.is_authenticated else 0
    feed = queries.tag_feed(
        tag,
        queries.parse_cursor(request.args.get("before")),
        current_app.config["FEED_PAGE_SIZE"],
        viewer_id=viewer_id,
    )
    return render_template("posts/tag.html", tag=tag, feed=feed)
