"""Fixtures: an app per database backend, a fresh database per test, clients and logins.

Every test that takes ``app`` runs on SQLite and, when ``TEST_DATABASE_URL`` is
set (CI sets it), on PostgreSQL too. With ``CI=true`` an unreachable PostgreSQL
fails the run instead of skipping it. The schema is built by the real
migrations, once per backend and session; each test starts from empty tables.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, g, has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, make_url, text

from app import create_app
from app.extensions import db
from bench.database import reset_postgres_schema
from config import TestingConfig, database_url

ON_CI = os.environ.get("CI", "").lower() == "true"


def _own_databases_per_worker() -> None:
    """Under pytest-xdist (``make test`` runs two workers), each worker gets a PostgreSQL
    database of its own (``test_gw0`` beside ``test``, made when missing) and a Redis database
    of its own, so that no worker empties another's tables mid-test. The tests that need Redis
    or a browser run on one worker, in turn (:func:`pytest_collection_modifyitems`): Redis's
    channels are shared by all its databases."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return
    if given := os.environ.get("TEST_DATABASE_URL"):
        shared = make_url(database_url(given, Path(".")))
        mine = shared.set(database=f"{shared.database}_{worker}")
        engine = create_engine(shared, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": mine.database}
            )
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{mine.database}"'))
        engine.dispose()
        os.environ["TEST_DATABASE_URL"] = mine.render_as_string(hide_password=False)
    if given := os.environ.get("TEST_REDIS_URL"):
        base, _, number = given.rpartition("/")
        if number.isdigit():
            os.environ["TEST_REDIS_URL"] = f"{base}/{(int(number) - int(worker.removeprefix('gw'))) % 16}"


_own_databases_per_worker()
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL or ON_CI else [])
MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")
TRANSLATIONS = Path(__file__).resolve().parent.parent / "app" / "translations"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """Compile each catalogue, as ``make translations`` does, when its .mo is missing or older."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source:
                catalogue = read_po(source, locale=po.parent.parent.name)
            with mo.open("wb") as compiled:
                write_mo(compiled, catalogue)


class Client(FlaskClient):
    """A test client whose every request starts without the last one's per-request state.

    A test holds an app context, and Flask lets a request share it (and its
    ``g``) instead of pushing its own. Flask-Babel keeps the request's locale
    and Flask-Login its user in ``g``; in production each request starts
    without them, so each test request does too.
    """

    PER_REQUEST = ("_flask_babel", "_apiary_translations", "_login_user")

    def open(self, *args, **kwargs):
        if has_app_context():
            for name in self.PER_REQUEST:
                g.pop(name, None)
        return super().open(*args, **kwargs)


def pg_url() -> str:
    """The PostgreSQL URL for tests; on CI its absence is an error, not a skip."""
    if not PG_URL:
        pytest.fail("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests must run on CI.")
    return database_url(PG_URL, Path("."))


def make_app(url: str, tmp_path: Path, **overrides) -> Flask:
    """A testing app on ``url`` with its instance folder under ``tmp_path``."""
    app = create_app(
        TestingConfig,
        SQLALCHEMY_DATABASE_URI=url,
        INSTANCE_DIR=tmp_path,
        WTF_CSRF_ENABLED=overrides.pop("WTF_CSRF_ENABLED", False),
        **overrides,
    )
    app.test_client_class = Client
    return app


def migrate_to_head(app: Flask) -> None:
    """Build the schema with the real migrations."""
    with app.app_context():
        upgrade(directory=MIGRATIONS)


def empty_tables(app: Flask) -> None:
    """Delete every row, children first, so the next test starts clean."""
    with app.app_context():
        db.session.remove()
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            with db.engine.begin() as connection:
                for table in tables:
                    connection.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(scope="session", params=BACKENDS)
def backend_app(request, tmp_path_factory) -> Flask:
    """One migrated app per backend for the whole session."""
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "postgresql":
        url = pg_url()
        reset_postgres_schema(url)
    else:
        url = f"sqlite:///{tmp / 'apiary-test.db'}"
    app = make_app(url, tmp)
    migrate_to_head(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(backend_app):
    """The backend's app with an app context and an empty database."""
    empty_tables(backend_app)
    with backend_app.app_context():
        yield backend_app
        db.session.remove()


@pytest.fixture
def client(app):
    """A test client (CSRF off; the CSRF tests turn it on)."""
    return app.test_client()


@pytest.fixture
def live(app):
    """Open Socket.IO test clients: ``live(bee)`` (None: anonymous), each on its own session;
    all are closed when the test ends."""
    from tests.live import connect

    opened = []

    def open_socket(bee, login: str = "a-login", **options):
        socket = connect(app, bee, login, **options)
        opened.append(socket)
        return socket

    yield open_socket
    for socket in opened:
        socket.disconnect()


@pytest.fixture
def login(client):
    """Log ``bee`` in through the real login form."""

    def do_login(bee, password: str = "correct horse battery"):
        response = client.post("/login", data={"login": bee.handle, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return bee

    return do_login


def csrf_token_from(html: str) -> str:
    """The CSRF token a rendered form carries."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items) -> None:
    """Under ``--dist loadgroup``, the tests that use Redis run on one worker, and so do the
    browser's (one Chromium, one server per module, as without workers)."""
    for item in items:
        for marker in ("redis", "browser"):
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.xdist_group(marker))
                break
