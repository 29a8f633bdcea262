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
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from bench.database import reset_postgres_schema
from config import TestingConfig, database_url

ON_CI = os.environ.get("CI", "").lower() == "true"
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL or ON_CI else [])
MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def pg_url() -> str:
    """The PostgreSQL URL for tests; on CI its absence is an error, not a skip."""
    if not PG_URL:
        pytest.fail("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests must run on CI.")
    return database_url(PG_URL, Path("."))


def make_app(url: str, tmp_path: Path, **overrides) -> Flask:
    """A testing app on ``url`` with its instance folder under ``tmp_path``."""
    return create_app(
        TestingConfig,
        SQLALCHEMY_DATABASE_URI=url,
        INSTANCE_DIR=tmp_path,
        WTF_CSRF_ENABLED=overrides.pop("WTF_CSRF_ENABLED", False),
        **overrides,
    )


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
