"""Helpers shared by every feature's forms."""

from __future__ import annotations

from functools import lru_cache

from babel.support import NullTranslations, Translations
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

from app.errors import ValidationError


@lru_cache(maxsize=64)
def _wtforms_catalogue(locale: str) -> NullTranslations:
    return Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """The base of every form: WTForms' own messages in the bee's language.

    Flask-WTF reads WTForms' catalogue from disk for every request that builds
    a form; the catalogues do not change while the app runs, so each locale's
    is read once.
    """

    class Meta:
        def get_translations(self, form):
            return _wtforms_catalogue(str(get_locale() or "en"))


def attach_error(form: FlaskForm, error: ValidationError) -> None:
    """Show a service's :class:`ValidationError` beside the field it names."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
