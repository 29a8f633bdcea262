"""Configuration, read from the environment with safe defaults.

Three environments, chosen by ``APIARY_ENV``: ``development`` (the default for
``make run``), ``production`` and ``testing``. Production refuses to start
without a ``SECRET_KEY`` or with debug on.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import ClassVar

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("APIARY_INSTANCE_DIR", BASE_DIR / "instance"))


class ConfigError(RuntimeError):
    """The environment does not allow a safe start."""


def database_url(raw: str | None, instance_dir: Path) -> str:
    """Return the SQLAlchemy URL: ``DATABASE_URL`` or SQLite under ``instance/``."""
    if not raw:
        return f"sqlite:///{instance_dir / 'apiary.db'}"
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw.removeprefix("postgres://")
    if raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw.removeprefix("postgresql://")
    return raw


def development_secret_key(instance_dir: Path) -> str:
    """Generate a secret key once and keep it under ``instance/`` (development only)."""
    path = instance_dir / "secret_key"
    if not path.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    DEBUG = False
    TESTING = False
    SECRET_KEY: str | None = None
    INSTANCE_DIR = INSTANCE_DIR
    SQLALCHEMY_DATABASE_URI = database_url(os.environ.get("DATABASE_URL"), INSTANCE_DIR)
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL") or None
    SOCKETIO_ASYNC_MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "threading")
    # The Redis pub/sub channel of live events: one per site (channels ignore Redis db numbers).
    SOCKETIO_CHANNEL = os.environ.get("SOCKETIO_CHANNEL") or "apiary"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    BABEL_DEFAULT_LOCALE = "en"
    FEED_PAGE_SIZE = 20
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    # Direct messages one bee may send (to anyone): a conversation's pace, not a spammer's.
    MESSAGE_RATE_LIMIT = os.environ.get("MESSAGE_RATE_LIMIT", "30 per minute")
    # Profile photos live outside app/static, under instance/photos unless PHOTO_DIR says where.
    PHOTO_DIR = os.environ.get("PHOTO_DIR") or None
    PHOTO_MAX_BYTES = 8 * 1024 * 1024
    # A JSON Resume file or LinkedIn export ZIP may be larger than a form (MAX_CONTENT_LENGTH).
    IMPORT_MAX_BYTES = 16 * 1024 * 1024
    # How long a deleted account's handle stays reserved before anyone may take it.
    HANDLE_GRACE_DAYS = int(os.environ.get("HANDLE_GRACE_DAYS", "30"))
    # How many reverse proxies in front set X-Forwarded-For/-Proto/-Host (0: none, trust no header).
    PROXY_HOPS = int(os.environ.get("PROXY_HOPS", "0"))

    @classmethod
    def check(cls) -> None:
        """Refuse unsafe settings; called by ``create_app``."""


class DevelopmentConfig(Config):
    """``make run``: SQLite under ``instance/``, a generated secret kept there."""

    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY") or None

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = development_secret_key(cls.INSTANCE_DIR)


class ProductionConfig(Config):
    """Behind gunicorn: secret from the environment, secure cookies, never debug."""

    ENV_NAME = "production"
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") == "1"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SOCKETIO_ASYNC_MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "gevent")

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY or len(cls.SECRET_KEY) < 32:
            raise ConfigError("SECRET_KEY must be set (at least 32 characters) in production.")
        if cls.DEBUG or os.environ.get("FLASK_DEBUG", "0") not in ("", "0", "false"):
            raise ConfigError("Debug must be off in production.")


class TestingConfig(Config):
    """The test suite: its own database, CSRF checked unless a test turns it off."""

    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key-not-for-production-use"  # noqa: S105 (tests only)
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestingConfig,
}


def config_for(name: str | None = None) -> type[Config]:
    """Return the config class named by ``name`` or ``APIARY_ENV`` (default development)."""
    name = name or os.environ.get("APIARY_ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise ConfigError(f"Unknown APIARY_ENV {name!r}; use one of {sorted(CONFIGS)}.") from None
