"""The health check, configuration safety and the factory."""

from __future__ import annotations

import pytest

import config
from app import create_app
from config import ConfigError, ProductionConfig, TestingConfig
from tests.conftest import make_app


def test_healthz_ok(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////nonexistent-dir/apiary/apiary.db",
        "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2",
    ],
)
def test_healthz_503_when_the_database_is_unreachable(tmp_path, url):
    response = make_app(url, tmp_path).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"


def test_production_refuses_to_start_without_a_secret(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(ProductionConfig)


def test_production_refuses_to_start_with_debug(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "s" * 40)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="Debug"):
        create_app(ProductionConfig)


def test_production_starts_with_a_secret(monkeypatch, tmp_path):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "s" * 40)
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'p.db'}")
    app = create_app(ProductionConfig)
    assert not app.debug
    assert app.config["SESSION_COOKIE_SECURE"]


def test_development_secret_is_generated_once_and_kept(tmp_path):
    first = config.development_secret_key(tmp_path)
    assert len(first) == 64
    assert config.development_secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_database_url_defaults_to_sqlite_and_normalises_postgres(tmp_path):
    assert config.database_url("", tmp_path) == f"sqlite:///{tmp_path / 'apiary.db'}"
    assert config.database_url("postgres://u@h/db", tmp_path) == "postgresql+psycopg://u@h/db"
    assert config.database_url("postgresql://u@h/db", tmp_path) == "postgresql+psycopg://u@h/db"


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError):
        config.config_for("staging-ish")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    from sqlalchemy import text

    from app.extensions import db

    app = make_app(f"sqlite:///{tmp_path / 'wal.db'}", tmp_path)
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with app.app_context():
        db.engine.dispose()


def test_testing_config_is_not_debug():
    assert TestingConfig.DEBUG is False
