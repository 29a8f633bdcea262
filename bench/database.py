"""A fresh benchmark database, built by the app's own migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import Connection, create_engine, make_url, text

from app import create_app
from app.extensions import db
from config import database_url

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def absolute_url(url: str) -> str:
    """The SQLAlchemy URL with a relative SQLite path made absolute (from the working directory).

    Flask-SQLAlchemy would otherwise read a relative path from the instance folder.
    """
    url = database_url(url, Path("."))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).is_absolute():
        return parsed.set(database=str(Path(parsed.database).resolve())).render_as_string(hide_password=False)
    return url


def bench_app(url: str) -> Flask:
    """The app, configured as in development, on the benchmark database."""
    return create_app("development", SQLALCHEMY_DATABASE_URI=absolute_url(url))


def _empty(url: str) -> None:
    """Delete a SQLite file (and its WAL) or reset PostgreSQL's public schema."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    reset_postgres_schema(url)


def reset_postgres_schema(url: str) -> None:
    """Drop and recreate PostgreSQL's public schema (every table, type and sequence)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@contextmanager
def fresh_database(url: str) -> Iterator[Connection]:
    """Empty the database at ``url``, migrate it to head, and yield one write transaction."""
    url = absolute_url(url)
    _empty(url)
    app = bench_app(url)
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as connection:
            if connection.dialect.name == "sqlite":  # a bulk load need not survive a power cut
                connection.connection.driver_connection.execute("PRAGMA synchronous=OFF")
            with connection.begin():
                yield connection
            if connection.dialect.name == "postgresql":
                # As autovacuum would have by now on a network that grew: fresh statistics, and
                # a visibility map so that index-only scans stay index-only; then the load's
                # dirty pages written out, rather than by the checkpointer during the run.
                autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
                autocommit.exec_driver_sql("VACUUM ANALYZE")
                autocommit.exec_driver_sql("CHECKPOINT")
        db.engine.dispose()  # on SQLite the last connection folds the WAL into the database
    # A network that grew over months is on disk; a fresh bulk load is still being written
    # back by the kernel, which would compete with the first scenarios for the machine.
    os.sync()
