"""The one way out for live events: queued during a write, emitted by room after commit.

An event is a hint, not content: it carries ids, and the page that receives it
fetches what its own session may see (a new post's card, a comment, a badge).
The database stays the source of truth; a lost push costs freshness, never
correctness. Events raised inside :func:`app.db.write_transaction` wait for
its commit and vanish with a rollback, so no socket hears of what did not
happen.

Rooms are chosen by the server (``app/sockets.py`` joins them after an
authorization check):

``bee:<id>``
    every socket of one bee: posts reaching their home feed, notices, messages.
``hive:<id>``
    sockets showing a *public* hive's page. A private hive has no such room:
    its posts go to its members' ``bee:`` rooms alone.
``author:<id>``
    sockets showing a bee's profile; only posts for followers are announced.
``post:<id>``
    sockets showing that post: its counts and new comments.

With ``REDIS_URL`` set, Flask-SocketIO relays every emit through Redis, so a
bee connected to one server process hears what another process published.
This module also keeps, per bee, the ids of their open sockets (in Redis when
it is there), so that logging out or a suspension ends them on every process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from flask import Flask, current_app

from app.db import after_write
from app.extensions import socketio

log = logging.getLogger(__name__)

NAMESPACE = "/"


def bee_room(bee_id: int) -> str:
    """The room of every socket ``bee_id`` has open."""
    return f"bee:{bee_id}"


def hive_room(hive_id: int) -> str:
    """The room of sockets showing a public hive's page."""
    return f"hive:{hive_id}"


def author_room(bee_id: int) -> str:
    """The room of sockets showing ``bee_id``'s profile."""
    return f"author:{bee_id}"


def post_room(post_id: int) -> str:
    """The room of sockets showing a post (its page, or its card in a feed)."""
    return f"post:{post_id}"


def announce(name: str, data: dict, rooms: Iterable[str]) -> None:
    """Emit ``name`` with ``data`` to ``rooms``: after the commit of the write under way, or
    now when no write is under way."""
    rooms = list(dict.fromkeys(rooms))
    if rooms:
        _after_write(lambda: _emit(name, data, rooms), name)


def post_published(
    post_id: int, author_id: int, hive_ids: list[int], audience: Callable[[], list[int]], *, private: bool
) -> None:
    """A new post: its whole audience's home feeds and the author's other tabs; for a post
    outside private hives, also pages showing its author or its (public) hives. ``audience``
    names the bees, asked after the commit (the count is the transaction's; whom to tell need
    not hold the write lock)."""

    def fan_out() -> None:
        rooms = [bee_room(bee_id) for bee_id in audience()]
        rooms.append(bee_room(author_id))
        if not private:
            rooms.append(author_room(author_id))
            rooms.extend(hive_room(hive_id) for hive_id in hive_ids)
        _emit("post", {"post": post_id, "author": author_id, "hives": hive_ids}, rooms)

    _after_write(fan_out, "post")


def counts_changed(post_id: int, relevant: int, comments: int, shares: int) -> None:
    """A post's Relevant, comment and share counts, for every page showing it."""
    announce(
        "counts",
        {"post": post_id, "relevant": relevant, "comments": comments, "shares": shares},
        [post_room(post_id)],
    )


def comment_added(post_id: int, comment_id: int, parent_id: int | None) -> None:
    """A new comment or reply, for every page showing the post."""
    announce("comment", {"post": post_id, "comment": comment_id, "parent": parent_id}, [post_room(post_id)])


def badges_changed(bee_ids: Iterable[int]) -> None:
    """Unread notices or messages changed: each bee's pages fetch their badges again."""
    announce("badges", {}, [bee_room(bee_id) for bee_id in bee_ids])


def message_sent(conversation_id: int, message_id: int, sender_id: int, recipient_id: int) -> None:
    """A direct message, for both bees' pages (the other tabs of its sender too)."""
    announce(
        "message",
        {"conversation": conversation_id, "message": message_id, "sender": sender_id},
        [bee_room(sender_id), bee_room(recipient_id)],
    )


def _after_write(action: Callable[[], None], what: str) -> None:
    """Run ``action`` after the write commits; a failure there (Redis away, say) is logged, never
    raised: the write it follows has committed, and a push is a hint — the page is still right
    on its next load."""

    def quietly() -> None:
        try:
            action()
        except Exception:
            log.exception("could not push %r", what)

    after_write(quietly)


def _emit(name: str, data: dict, rooms: list[str]) -> None:
    if socketio.server is not None:
        socketio.emit(name, data, to=rooms, namespace=NAMESPACE)


# Open sockets per bee, so that a logout or a suspension can end them on every process.


class LocalSockets:
    """One process's open sockets: ``bee_id -> {sid: login}``."""

    def __init__(self) -> None:
        self._by_bee: dict[int, dict[str, str]] = {}

    def add(self, bee_id: int, sid: str, login: str) -> None:
        self._by_bee.setdefault(bee_id, {})[sid] = login

    def remove(self, bee_id: int, sid: str) -> None:
        sids = self._by_bee.get(bee_id, {})
        sids.pop(sid, None)
        if not sids:
            self._by_bee.pop(bee_id, None)

    def sids(self, bee_id: int, login: str | None = None) -> list[str]:
        return [sid for sid, known in self._by_bee.get(bee_id, {}).items() if login in (None, known)]


class RedisSockets:
    """Every process's open sockets, in one Redis hash per bee (``sid -> login``)."""

    TTL_S = 7 * 24 * 3600  # a process that died without saying goodbye leaves entries this long

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, decode_responses=True)

    @staticmethod
    def _key(bee_id: int) -> str:
        return f"apiary:sockets:{bee_id}"

    def add(self, bee_id: int, sid: str, login: str) -> None:
        with self._redis.pipeline() as pipe:
            pipe.hset(self._key(bee_id), sid, login)
            pipe.expire(self._key(bee_id), self.TTL_S)
            pipe.execute()

    def remove(self, bee_id: int, sid: str) -> None:
        self._redis.hdel(self._key(bee_id), sid)

    def sids(self, bee_id: int, login: str | None = None) -> list[str]:
        known = self._redis.hgetall(self._key(bee_id))
        return [sid for sid, session in known.items() if login in (None, session)]


def open_sockets() -> LocalSockets | RedisSockets:
    """This app's registry of open sockets."""
    return current_app.extensions["apiary.sockets"]


def end_sockets(bee_id: int, login: str | None = None) -> None:
    """Disconnect ``bee_id``'s sockets (only those of one ``login`` session when given), on
    whichever process holds them, after the commit of the write under way. A page whose
    socket ends reconnects once, which its session then allows or refuses afresh, and joins
    again only the rooms it may: so access that narrows (a private hive left, a ban) narrows
    live delivery at once too."""
    registry = open_sockets()
    _after_write(lambda: _disconnect(registry, bee_id, login), "end of sockets")


def _disconnect(registry: LocalSockets | RedisSockets, bee_id: int, login: str | None) -> None:
    for sid in registry.sids(bee_id, login):
        registry.remove(bee_id, sid)
        if socketio.server is not None:
            try:
                socketio.server.disconnect(sid, namespace=NAMESPACE)
            except Exception:
                log.exception("could not end socket %s", sid)


def init_app(app: Flask) -> None:
    """Choose where open sockets are kept."""
    redis_url = app.config["REDIS_URL"]
    app.extensions["apiary.sockets"] = RedisSockets(redis_url) if redis_url else LocalSockets()
