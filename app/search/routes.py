"""One search box for posts, bees and hives."""

from __future__ import annotations

import math

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.errors import ValidationError
from app.extensions import db
from app.hives.models import Hive
from app.i18n import ngettext
from app.markup import plain_text
from app.posts.models import Post
from app.posts.queries import parse_cursor
from app.profiles.models import Bee
from app.search import index
from app.search.folding import highlight

bp = Blueprint("search", __name__)

TABS = ("posts", "bees", "hives")
PAGE_SIZE = 20
QUERY_MAX = 200


def _parse_relevance_cursor(raw: str | None) -> tuple[float, int] | None:
    """``?after=<score>:<id>`` of a bees or hives page; :class:`ValidationError` if malformed."""
    if raw in (None, ""):
        return None
    score, _colon, last_id = raw.rpartition(":")
    try:
        parsed = float(score), int(last_id)
    except ValueError:
        parsed = None
    if parsed is None or not math.isfinite(parsed[0]) or not 0 < parsed[1] < 2**31:
        raise ValidationError("after", _("That page link is malformed."))
    return parsed


def _in_order(model, ids: list[int]) -> list:
    found = {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))}
    return [found[row_id] for row_id in ids if row_id in found]


@bp.get("/search")
def results():
    """Search posts (newest first), bees or hives (best match first), a page at a time."""
    query = request.args.get("q", "")
    tab = request.args.get("in", "posts")
    tab = tab if tab in TABS else "posts"
    page = {"query": query, "tab": tab, "tabs": TABS, "items": [], "next_cursor": None, "terms": []}
    if len(query) > QUERY_MAX:
        message = ngettext(
            "Search for at most %(num)s character.", "Search for at most %(num)s characters.", QUERY_MAX
        )
        return render_template("search/results.html", **page, problem=message), 422
    terms = page["terms"] = index.query_terms(query)
    if not terms:
        problem = _("Type a word to search for.") if query.strip() else None
        return render_template("search/results.html", **page, problem=problem)
    after = request.args.get("after")
    if tab == "posts":
        viewer_id = current_user.id if current_user.is_authenticated else 0
        hits = index.newest_posts(terms, parse_cursor(after), PAGE_SIZE, viewer_id=viewer_id)
        page["items"] = _in_order(Post, hits.ids)
    else:
        hits = index.best_matches(tab, terms, _parse_relevance_cursor(after), PAGE_SIZE)
        page["items"] = _in_order(Bee if tab == "bees" else Hive, hits.ids)
    page["next_cursor"] = hits.next_cursor
    return render_template("search/results.html", **page, problem=None)


def search_text(post: Post) -> str:
    """The text of a post that a result shows (and highlights in)."""
    return plain_text(post.body_html)


@bp.app_context_processor
def _search_helpers():
    return {"highlight": highlight, "search_text": search_text}
