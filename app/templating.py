"""Template helpers: text direction, dates, and page links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from babel.dates import format_date, format_skeleton, format_timedelta
from babel.support import NullTranslations
from flask import Flask, g, has_app_context, request, url_for
from flask_babel import get_locale, get_translations, to_user_timezone
from jinja2 import pass_context
from markupsafe import Markup

from app.i18n import LANGUAGES, is_rtl, number


def text_direction() -> str:
    """``rtl`` for right-to-left interface languages, else ``ltr``."""
    return "rtl" if is_rtl(str(get_locale() or "en")) else "ltr"


def day(moment: datetime | date | None) -> str:
    """A moment's date, "Mar 9, 2024", in the request's language and the bee's time zone; a
    calendar date (a deadline) as it is."""
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return _day(str(get_locale() or "en"), moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _day(str(get_locale() or "en"), to_user_timezone(moment).date())


def when(moment: datetime | None) -> str:
    """ "3 hours ago" for recent moments, a date for older ones."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    age = datetime.now(UTC) - moment
    locale = str(get_locale() or "en")
    if age.days < 7:
        return _ago(locale, _rounded_seconds(age))
    return _day(locale, to_user_timezone(moment).date())


@lru_cache(maxsize=4096)
def _day(locale: str, day: date) -> str:
    """ "Mar 9, 2024" in ``locale``: older posts on a page share a few days."""
    return format_date(day, "medium", locale=locale)


def month(first_day: date | None) -> str:
    """A profile month, "Sep 2021", in the request's language."""
    if first_day is None:
        return ""
    return _month(str(get_locale() or "en"), first_day)


@lru_cache(maxsize=1024)
def _month(locale: str, first_day: date) -> str:
    return format_skeleton("yMMM", first_day, locale=locale)


_UNIT_SECONDS = (86_400, 3_600, 60)


def _rounded_seconds(age: timedelta) -> int:
    """The age rounded to the one unit "… ago" shows, so equal wordings share a cache entry.

    A moment a little in the future (clocks of two servers) reads "1 second ago".
    """
    seconds = max(age.total_seconds(), 1.0)
    for unit in _UNIT_SECONDS:
        if seconds >= unit:
            return round(seconds / unit) * unit
    return round(seconds)


@lru_cache(maxsize=4096)
def _ago(locale: str, seconds: int) -> str:
    """ "3 hours ago" in ``locale``: a feed page asks for a few dozen, mostly the same few."""
    return format_timedelta(-seconds, add_direction=True, threshold=1.0, locale=locale)


def iso(moment: datetime | None) -> str:
    """Machine-readable time for ``<time datetime=…>``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


# An id no row has yet that every route's id converter accepts: it marks where the id goes.
_ID_MARKER = 2_147_483_647


def url_with_id(endpoint: str, name: str, value: int) -> str:
    """``url_for(endpoint, name=value)`` for a route that differs from card to card only by one
    id. A feed page asks for a few such links per card, and each ``url_for`` costs some 15 µs:
    here each endpoint's URL is built once per request, with a marker id, and then the marker
    gives way to each card's id."""
    patterns = request.environ.setdefault("apiary.id_urls", {})
    pattern = patterns.get(endpoint)
    if pattern is None:
        pattern = patterns[endpoint] = url_for(endpoint, **{name: _ID_MARKER}).replace(str(_ID_MARKER), "{}")
    return pattern.format(int(value))


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


def _translations() -> NullTranslations:
    """This request's catalogue, looked up once per locale rather than once per string.

    Flask-Babel resolves the locale and its catalogue on every ``_()``, and a
    feed page says a few dozen. The catalogue is kept beside Flask-Babel's own
    locale for the request, so ``refresh()`` and ``force_locale()`` (which
    replace that locale) are still obeyed.
    """
    if not has_app_context():
        return get_translations()
    babel_context = g.get("_flask_babel")
    locale = getattr(babel_context, "babel_locale", None)
    cached = g.get("_apiary_translations")
    if locale is not None and cached is not None and cached[0] is locale:
        return cached[1]
    translations = get_translations()
    locale = getattr(g.get("_flask_babel"), "babel_locale", None)
    if locale is not None:
        g._apiary_translations = (locale, translations)
    return translations


def _formatted(context, text: str, variables: dict) -> str:
    """``text % variables`` as Jinja's "newstyle" gettext does it: escaped when autoescaping."""
    if context.eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 (our reviewed catalogues, as Jinja trusts them; variables are escaped)
    return text % variables


@pass_context
def _gettext(context, string: str, **variables) -> str:
    return _formatted(context, _translations().ugettext(string), variables)


@pass_context
def _ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
    """Plural forms chosen by ``num``; ``%(num)s`` shows it written the request's way."""
    variables.setdefault("num", number(num))
    return _formatted(context, _translations().ungettext(singular, plural, num), variables)


@pass_context
def _pgettext(context, message_context: str, string: str, **variables) -> str:
    return _formatted(context, _translations().upgettext(message_context, string), variables)


@pass_context
def _npgettext(context, message_context: str, singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", number(num))
    text = _translations().unpgettext(message_context, singular, plural, num)
    return _formatted(context, text, variables)


def init_app(app: Flask) -> None:
    """Register the helpers with Jinja.

    The gettext functions behave like Jinja's "newstyle" ones (``_('Hi %(name)s', name=…)``,
    escaped) and write ``%(num)s`` in plurals with the language's digits and separators.
    """
    app.jinja_env.install_gettext_callables(
        gettext=_gettext, ngettext=_ngettext, pgettext=_pgettext, npgettext=_npgettext, newstyle=False
    )
    app.jinja_env.globals.update(
        text_direction=text_direction,
        page_url=page_url,
        url_with_id=url_with_id,
        get_locale=get_locale,
        languages=LANGUAGES,
    )
    app.jinja_env.filters.update(when=when, day=day, month=month, iso=iso, number=number)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
