"""Migrations build exactly the models' schema, on SQLite and PostgreSQL, and go both ways."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text

from app.extensions import db
from app.search.index import include_in_schema_comparison
from tests.conftest import MIGRATIONS, ON_CI, PG_URL, make_app, pg_url


def schema_differences(engine) -> list:
    with engine.connect() as connection:
        options = {"compare_type": True, "include_object": include_in_schema_comparison}
        context = MigrationContext.configure(connection, opts=options)
        return compare_metadata(context, db.metadata)


def test_upgrade_head_matches_the_models(app):
    """The session's database was built by the migrations; it must equal the models."""
    assert schema_differences(db.engine) == []


def test_the_apps_connections_enforce_foreign_keys_after_migrating(app):
    """Migrations turn SQLite's keys off while they rebuild tables; the connection they used
    goes back to the app's pool, so it must come back with them on (ON DELETE CASCADE)."""
    if db.engine.dialect.name == "sqlite":
        assert db.session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def round_trip(url, tmp_path):
    """Base → head → base → 0001 with data → head: the schema matches, old honey is backfilled,
    and no row is lost (a SQLite table rebuild must never cascade to the rows that refer to it)."""
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        assert schema_differences(db.engine) == []
        downgrade(directory=MIGRATIONS, revision="base")
        upgrade(directory=MIGRATIONS, revision="0001")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO bees (id, handle, email, display_name, headline, password_hash, created_at)"
                    " VALUES (1, 'old', 'old@example.org', 'Old', '', 'x', CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO posts (id, author_id, kind, title, slug, body_source, body_html, state,"
                    " delivered_count, created_at) VALUES"
                    " (1, 1, 'honey', 'Old', 'old', 'x', '<h2>Head</h2><p>Old <em>prose</em>.</p>',"
                    " 'published', 0, CURRENT_TIMESTAMP),"
                    " (2, 1, 'buzz', NULL, NULL, 'x', '<p>A buzz.</p>', 'published', 0, CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO hives (id, slug, name, name_key, description, created_by_id, created_at)"
                    " VALUES (1, 'old', 'Old', 'old', '', 1, CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO memberships (id, bee_id, hive_id, role, state, joined_at)"
                    " VALUES (1, 1, 1, 'owner', 'active', CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(text("INSERT INTO post_hives (post_id, hive_id) VALUES (2, 1)"))
        upgrade(directory=MIGRATIONS)
        assert schema_differences(db.engine) == []
        with db.engine.connect() as connection:
            excerpts = dict(connection.execute(text("SELECT id, excerpt FROM posts ORDER BY id")).all())
        assert excerpts == {1: "Old prose.", 2: ""}
        with db.engine.connect() as connection:
            kept = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("bees", "hives", "memberships", "post_hives")
            }
            changed_at = connection.execute(text("SELECT changed_at FROM memberships")).scalar()
        assert kept == {"bees": 1, "hives": 1, "memberships": 1, "post_hives": 1}
        assert changed_at is not None
        db.engine.dispose()


def test_sqlite_round_trip(tmp_path):
    round_trip(f"sqlite:///{tmp_path / 'fresh.db'}", tmp_path)


@pytest.mark.postgres
@pytest.mark.skipif(not (PG_URL or ON_CI), reason="TEST_DATABASE_URL is not set")
def test_postgresql_round_trip(tmp_path):
    url = pg_url()
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS apiary_migrations"))
        connection.execute(text("CREATE DATABASE apiary_migrations"))
    admin.dispose()
    fresh = url.rsplit("/", 1)[0] + "/apiary_migrations"
    try:
        round_trip(fresh, tmp_path)
    finally:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS apiary_migrations"))
        admin.dispose()
