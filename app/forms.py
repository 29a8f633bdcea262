"""Helpers shared by every feature's forms."""

from __future__ import annotations

from flask_wtf import FlaskForm

from app.errors import ValidationError


def attach_error(form: FlaskForm, error: ValidationError) -> None:
    """Show a service's :class:`ValidationError` beside the field it names."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
