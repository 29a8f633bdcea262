"""Helpers shared by every feature's forms."""

from __future__ import annotations

from functools import lru_cache

from babel.support import NullTranslations, Translations
from flask_babel import get_locale, get_translations
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

from app.errors import ValidationError
from app.i18n import N_

# WTForms speaks no Urdu: the messages its fields can show here are in Apiary's catalogues too.
WTFORMS_MESSAGES = [
    N_("Invalid choice(s): one or more data inputs could not be coerced."),
    N_("Not a valid date value."),
]


@lru_cache(maxsize=64)
def _wtforms_catalogue(locale: str) -> NullTranslations | None:
    catalogue = Translations.load(messages_path(), [locale], domain="wtforms")
    return catalogue if isinstance(catalogue, Translations) else None


class Form(FlaskForm):
    """The base of every form: WTForms' own messages in the bee's language.

    Flask-WTF reads WTForms' catalogue from disk for every request that builds
    a form; the catalogues do not change while the app runs, so each locale's
    is read once. Where WTForms has none, Apiary's own catalogue speaks.
    """

    class Meta:
        def get_translations(self, form):
            return _wtforms_catalogue(str(get_locale() or "en")) or get_translations()


def attach_error(form: FlaskForm, error: ValidationError) -> None:
    """Show a service's :class:`ValidationError` beside the field it names."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
