"""Socket.IO handlers: who may connect, and which rooms a socket may join.

A socket belongs to a signed-in bee: an anonymous handshake (or a suspended
bee's) is refused, and one from a foreign ``Origin`` never gets this far
(Flask-SocketIO accepts only the site's own origin unless told otherwise).
On connect the socket joins its bee's own room. A page then asks to ``watch``
what it shows; the server checks each thing with the same rules as the pages
(``app/policy.py`` through the services) and joins only the rooms it may.
Every event out of the server is in ``app/realtime.py``.
"""

from __future__ import annotations

from flask import request, session
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, join_room
from sqlalchemy import select

from app import policy, realtime
from app.extensions import db, socketio
from app.hives.models import Hive
from app.hives.services import membership_of
from app.posts.models import Post
from app.posts.visibility import may_see
from app.profiles.models import Bee
from app.profiles.services import is_blocked_between

LOGIN_KEY = "live_login"  # names this login session, so logging out ends its sockets alone
WATCH_POSTS_MAX = 100


@socketio.on("connect")
def connect(auth=None):
    """Accept signed-in bees only; each socket joins its bee's room."""
    if not current_user.is_authenticated:
        raise ConnectionRefusedError("unauthorized")
    join_room(realtime.bee_room(current_user.id))
    realtime.open_sockets().add(current_user.id, request.sid, session.get(LOGIN_KEY, ""))


@socketio.on("disconnect")
def disconnect(reason=None):
    """Forget the socket."""
    if current_user.is_authenticated:
        realtime.open_sockets().remove(current_user.id, request.sid)


def _ids(raw, limit: int) -> list[int]:
    """Positive integer ids from a client's list (anything else is dropped)."""
    if not isinstance(raw, list):
        return []
    ids = [value for value in raw[:limit] if type(value) is int and 0 < value <= 2**31 - 1]
    return list(dict.fromkeys(ids))


@socketio.on("watch")
def watch(data):
    """Join the rooms of what a page shows — ``{"posts": [ids], "hive": id, "author": id}`` —
    each only after the check its page makes. Answers with what is watched."""
    if not current_user.is_authenticated:
        return {"error": "unauthorized"}
    try:
        return _watch(data if isinstance(data, dict) else {})
    except (KeyError, ValueError):
        # The socket closed while its request was handled (a page left as it loaded): no room
        # can be joined any more, and nobody is there to answer.
        return {"error": "gone"}


def _watch(data: dict) -> dict:
    watched: dict = {"posts": [], "hive": None, "author": None}
    post_ids = _ids(data.get("posts"), WATCH_POSTS_MAX)
    if post_ids:
        for post in db.session.scalars(select(Post).where(Post.id.in_(post_ids))):
            if may_see(current_user, post):
                join_room(realtime.post_room(post.id))
                watched["posts"].append(post.id)
    (hive_id,) = _ids([data.get("hive")], 1) or (None,)
    hive = db.session.get(Hive, hive_id) if hive_id else None
    # A private hive has no room: its posts reach its members through their own rooms.
    if (
        hive is not None
        and not hive.is_private
        and policy.can_see_hive_content(current_user, hive, membership_of(current_user.id, hive.id))
    ):
        join_room(realtime.hive_room(hive.id))
        watched["hive"] = hive.id
    (author_id,) = _ids([data.get("author")], 1) or (None,)
    author = db.session.get(Bee, author_id) if author_id else None
    if author is not None and not is_blocked_between(current_user.id, author.id):
        join_room(realtime.author_room(author.id))
        watched["author"] = author.id
    return watched
