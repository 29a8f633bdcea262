"""Apiary: an interest-based professional social network."""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext
from werkzeug.routing import IntegerConverter

from config import Config, config_for


class IdConverter(IntegerConverter):
    """``<int:…>`` in routes: a positive id the database can hold, else 404."""

    def __init__(self, url_map, *args, **kwargs):
        from app.db import MAX_ID

        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def create_app(config: type[Config] | str | None = None, **overrides) -> Flask:
    """Build the app: configure, bind extensions, register blueprints and handlers.

    Wiring only: nothing is written, migrated or fetched here.
    """
    config_class = config if isinstance(config, type) else config_for(config)
    config_class.check()
    app = Flask(__name__, instance_path=str(config_class.INSTANCE_DIR))
    app.config.from_object(config_class)
    app.config.update(overrides)

    _init_extensions(app)
    app.url_map.converters["int"] = IdConverter
    _register_blueprints(app)

    from app import cli, errors, security, templating

    errors.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    cli.init_app(app)
    return app


def _init_extensions(app: Flask) -> None:
    from app.db import configure_engine, read_without_transaction
    from app.extensions import babel, csrf, db, limiter, login_manager, migrate, socketio
    from app.i18n import N_, select_locale

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A file on this machine: no connection can go stale, so none is pinged before use.
        options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**options, "pool_pre_ping": False}
    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    app.before_request(read_without_transaction)
    migrate.init_app(app, db, render_as_batch=True)
    from app.security import allow_file_uploads

    app.before_request(allow_file_uploads)  # before CSRFProtect reads an upload's form
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    # The handlers must be known before init_app, which gives each new server all of them.
    from app import realtime, sockets  # noqa: F401 (sockets: registers the Socket.IO handlers)

    socketio.init_app(
        app,
        async_mode=app.config["SOCKETIO_ASYNC_MODE"],
        message_queue=app.config["REDIS_URL"],
        channel=app.config["SOCKETIO_CHANNEL"],
    )
    realtime.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = N_("Please log in to see that page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = gettext
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_bee(bee_id: str):
        """The session's bee; a suspended bee's sessions end at their next request."""
        from app.profiles.models import Bee

        bee = db.session.get(Bee, int(bee_id)) if bee_id.isdigit() else None
        return None if bee is None or bee.is_suspended else bee


def _register_blueprints(app: Flask) -> None:
    from app import health, i18n
    from app.admin.routes import bp as admin_bp
    from app.auth.routes import bp as auth_bp
    from app.hives.moderation_routes import bp as moderation_bp
    from app.hives.routes import bp as hives_bp
    from app.messages.routes import bp as messages_bp
    from app.notifications.routes import bp as notifications_bp
    from app.opportunities.routes import bp as opportunities_bp
    from app.posts.comment_routes import bp as comments_bp
    from app.posts.live_routes import bp as live_bp
    from app.posts.reaction_routes import bp as reactions_bp
    from app.posts.routes import bp as posts_bp
    from app.posts.share_routes import bp as shares_bp
    from app.posts.tag_routes import bp as tags_bp
    from app.profiles.account_routes import bp as account_bp
    from app.profiles.jsonresume_routes import bp as jsonresume_bp
    from app.profiles.linkedin_routes import bp as linkedin_bp
    from app.profiles.photo_routes import bp as photos_bp
    from app.profiles.record_routes import bp as record_bp
    from app.profiles.routes import bp as profiles_bp
    from app.search.routes import bp as search_bp
    from app.talent.routes import bp as talent_bp
    from app.talent.saved_routes import bp as saved_bp

    for blueprint in (
        health.bp,
        i18n.bp,
        auth_bp,
        hives_bp,
        moderation_bp,
        posts_bp,
        comments_bp,
        reactions_bp,
        live_bp,
        tags_bp,
        shares_bp,
        profiles_bp,
        record_bp,
        photos_bp,
        jsonresume_bp,
        linkedin_bp,
        account_bp,
        search_bp,
        talent_bp,
        saved_bp,
        opportunities_bp,
        notifications_bp,
        messages_bp,
        admin_bp,
    ):
        app.register_blueprint(blueprint)
