"""Template helpers: text direction, dates, and page links."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask, request, url_for
from flask_babel import format_date, format_timedelta, get_locale

RTL_LANGUAGES = frozenset({"ar", "he", "ur", "fa"})


def text_direction() -> str:
    """``rtl`` for right-to-left interface languages, else ``ltr``."""
    return "rtl" if str(get_locale() or "en").split("_")[0] in RTL_LANGUAGES else "ltr"


def when(moment: datetime | None) -> str:
    """ "3 hours ago" for recent moments, a date for older ones."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    age = datetime.now(UTC) - moment
    if age.days < 7:
        return format_timedelta(-age, add_direction=True, threshold=1.0)
    return format_date(moment, "medium")


def iso(moment: datetime | None) -> str:
    """Machine-readable time for ``<time datetime=…>``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def page_url(**changes) -> str:
    """The current page's URL with some query arguments changed (e.g. ``before``).

    Query arguments that ``url_for`` would read as its own options or as the
    route's parameters (``endpoint``, ``_anchor``, ``slug`` …) are dropped.
    """
    view_args = request.view_args or {}
    args = {
        key: value
        for key, value in request.args.items()
        if key != "endpoint" and not key.startswith("_") and key not in view_args
    }
    args.update({key: value for key, value in changes.items() if value is not None})
    return url_for(request.endpoint, **view_args, **args)


def init_app(app: Flask) -> None:
    """Register the helpers with Jinja."""
    app.jinja_env.globals.update(text_direction=text_direction, page_url=page_url, get_locale=get_locale)
    app.jinja_env.filters.update(when=when, iso=iso)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
