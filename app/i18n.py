"""The interface languages: which one a request speaks, and the picker that changes it.

A request speaks the signed-in bee's chosen language, else the language a
visitor picked (kept in the session), else the best match for the browser's
``Accept-Language``, else English. Arabic, Hebrew and Urdu read right to left.
"""

from __future__ import annotations

from functools import cache

from babel.numbers import format_decimal
from flask import Blueprint, flash, has_request_context, redirect, request, session, url_for
from flask_babel import get_locale, get_translations, refresh
from flask_babel import gettext as _
from flask_login import current_user

from app.errors import ValidationError
from app.security import is_safe_next

# Each language named in itself, as the picker lists it.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "ar": "العربية",
    "he": "עברית",
    "ur": "اردو",
}
RTL_LANGUAGES = frozenset({"ar", "he", "ur"})
DEFAULT_LANGUAGE = "en"
SESSION_KEY = "language"

bp = Blueprint("i18n", __name__)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues; it is translated where it is shown."""
    return message


def select_locale() -> str:
    """Flask-Babel's locale selector (see the module's docstring for the order)."""
    if not has_request_context():
        return DEFAULT_LANGUAGE  # the CLI and background work speak English
    chosen = getattr(current_user, "language", None)
    if chosen in LANGUAGES:
        return chosen
    picked = session.get(SESSION_KEY)
    if picked in LANGUAGES:
        return picked
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def check_language(language: str | None, *, browser_allowed: bool = False) -> str | None:
    """Return ``language`` if it is one of :data:`LANGUAGES`; with ``browser_allowed``, an empty
    choice (follow the browser's) is None. Anything else is a :class:`ValidationError`."""
    if browser_allowed and not language:
        return None
    if language not in LANGUAGES:
        raise ValidationError("language", _("Choose one of the languages in the list."))
    return language


def is_rtl(locale: str) -> bool:
    """Whether ``locale`` (``ar`` or ``ar_EG``) reads right to left."""
    return locale.split("_")[0] in RTL_LANGUAGES


def number(value: int) -> str:
    """``value`` written the way this request's language writes numbers (``12.345`` in Spanish)."""
    locale = str(get_locale() or DEFAULT_LANGUAGE)
    if 0 <= value < 1000 and _plain_below_a_thousand(locale):
        return str(value)  # most counts on a page: no separator, and these digits
    return format_decimal(value, locale=locale)


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Flask-Babel's ``ngettext``, but ``%(num)s`` is written the language's way (``number``)."""
    return get_translations().ungettext(singular, plural, num) % {"num": number(num), **variables}


@cache
def _plain_below_a_thousand(locale: str) -> bool:
    return format_decimal(987, locale=locale) == "987"


@bp.post("/language")
def choose_language():
    """The picker on every page: remember the language and go back to the page it was on.

    CSRFProtect has checked the form's token before this runs.
    """
    from app.profiles.services import set_language

    language = check_language(request.form.get("language"))
    if current_user.is_authenticated:
        set_language(current_user, language)
    session[SESSION_KEY] = language
    refresh()
    flash(_("Apiary now speaks %(language)s to you.", language=LANGUAGES[language]), "success")
    back = request.form.get("next")
    return redirect(back if is_safe_next(back) else url_for("posts.home"))
