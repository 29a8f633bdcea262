"""Socket.IO test clients that behave like separate browsers.

A test holds one app context for its whole run, and Flask-Login caches the
request's bee in that context's ``g``; a socket event would then see whichever
bee the last request or event loaded. In production each event gets a context
of its own, so here each connect and emit does too.
"""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.extensions import socketio
from app.sockets import LOGIN_KEY


def _payload(packet: dict):
    """An event's one argument (Flask-SocketIO's test client keeps an emit from inside a handler
    as the bare value, and one from outside as a list of arguments)."""
    args = packet["args"]
    if isinstance(args, list):
        return args[0] if args else None
    return args


class LiveClient:
    """A real Socket.IO test client on the session of ``http`` (a Flask test client)."""

    def __init__(self, app: Flask, http: FlaskClient, **options):
        self.app = app
        with app.app_context():
            self.socket = socketio.test_client(app, flask_test_client=http, **options)

    def is_connected(self) -> bool:
        return self.socket.is_connected()

    def emit(self, event: str, *args, **kwargs):
        with self.app.app_context():
            return self.socket.emit(event, *args, **kwargs)

    def watch(self, **what) -> dict:
        """Ask to watch posts, a hive or an author; returns what the server agreed to."""
        return self.emit("watch", what, callback=True)

    def received(self) -> list[tuple[str, dict]]:
        """The events received since the last call, as (name, payload)."""
        return [(packet["name"], _payload(packet)) for packet in self.socket.get_received()]

    def events(self, name: str) -> list[dict]:
        """The payloads of the ``name`` events received since the last call (the other events
        received meanwhile are dropped)."""
        return [data for event, data in self.received() if event == name]

    def disconnect(self) -> None:
        with self.app.app_context():
            if self.socket.is_connected():
                self.socket.disconnect()


def signed_in_client(app: Flask, bee, login: str = "a-login") -> FlaskClient:
    """A Flask test client whose session is ``bee``'s (None: nobody), as logging in leaves it."""
    http = app.test_client()
    with http.session_transaction() as session:
        if bee is not None:
            session["_user_id"] = str(bee.id)
            session["_fresh"] = True
            session[LOGIN_KEY] = login
    return http


def connect(app: Flask, bee, login: str = "a-login", **options) -> LiveClient:
    """A socket for ``bee`` (None: an anonymous one), on a session of its own."""
    return LiveClient(app, signed_in_client(app, bee, login), **options)
