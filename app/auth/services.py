"""Signing up and logging in."""

from __future__ import annotations

from functools import cache

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.db import write_transaction
from app.errors import ValidationError
from app.extensions import db
from app.i18n import ngettext
from app.profiles import account
from app.profiles.models import ACCOUNT_KINDS, EMAIL_MAX, HANDLE_PATTERN, PASSWORD_MAX, PASSWORD_MIN, Bee
from app.profiles.services import clean_display_name
from app.search import index as search

RESERVED_HANDLES = frozenset({"admin", "apiary", "root", "support", "api", "static", "healthz"})


def normalize_handle(handle: str) -> str:
    """Handles compare without case: store and look up lower-case, trimmed, without '@'."""
    return (handle or "").strip().removeprefix("@").lower()


def normalize_email(email: str) -> str:
    """Emails compare without case and surrounding space."""
    return (email or "").strip().lower()


def check_handle(handle: str) -> str:
    """Return the normalised handle or raise :class:`ValidationError`."""
    handle = normalize_handle(handle)
    if not HANDLE_PATTERN.fullmatch(handle):
        raise ValidationError(
            "handle", _("Handles are 3–30 characters: letters a–z, digits and underscores.")
        )
    if handle in RESERVED_HANDLES:
        raise ValidationError("handle", _("That handle is reserved. Please choose another."))
    return handle


def check_email(email: str) -> str:
    """Return the normalised email or raise :class:`ValidationError`."""
    email = normalize_email(email)
    if not email or len(email) > EMAIL_MAX:
        raise ValidationError("email", _("Enter a valid email address."))
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError("email", _("Enter a valid email address.")) from None
    return email


def check_password(password: str) -> str:
    """Return the password or raise :class:`ValidationError` when too short or too long."""
    if len(password or "") < PASSWORD_MIN:
        raise ValidationError(
            "password",
            ngettext(
                "Use at least %(num)s character.",
                "Use at least %(num)s characters.",
                PASSWORD_MIN,
            ),
        )
    if len(password) > PASSWORD_MAX:
        raise ValidationError("password", _("That password is too long."))
    return password


def register(email: str, handle: str, display_name: str, password: str, account_kind: str = "bee") -> Bee:
    """Create a bee after checking every rule; raises :class:`ValidationError`. ``account_kind``
    is what the account is for: a bee's, a recruiter's or an editor's (``ACCOUNT_KINDS``)."""
    if account_kind not in ACCOUNT_KINDS:
        raise ValidationError("account_kind", _("Choose a bee, recruiter or editor account."))
    email = check_email(email)
    handle = check_handle(handle)
    display_name = clean_display_name(display_name)
    password = check_password(password)
    bee = Bee(email=email, handle=handle, display_name=display_name, headline="", account_kind=account_kind)
    bee.set_password(password)
    try:
        with write_transaction():
            holder = db.session.scalar(select(Bee).where(Bee.handle == handle))
            if holder is not None and not account.grace_over(holder):
                raise ValidationError("handle", _("That handle is taken. Please choose another."))
            if holder is not None:  # a deleted account's, its grace period over
                account.release_handle(holder)
            if db.session.scalar(select(Bee.id).where(Bee.email == email)):
                raise ValidationError("email", _("An account with that email already exists."))
            db.session.add(bee)
            db.session.flush()
            search.index_bee(bee)
    except IntegrityError:  # a concurrent sign-up won the race
        raise ValidationError("handle", _("That handle or email is already taken.")) from None
    return bee


def authenticate(login: str, password: str) -> Bee | None:
    """Return the bee for an email-or-handle and password, or ``None``.

    Deliberately one answer for an unknown login and a wrong password.
    """
    login = (login or "").strip().lower().removeprefix("@")
    if not login or len(login) > EMAIL_MAX or not password or len(password) > PASSWORD_MAX:
        return None
    bee = db.session.scalar(select(Bee).where(or_(Bee.email == login, func.lower(Bee.handle) == login)))
    if bee is None:
        check_password_hash(_dummy_hash(), password)  # same work for unknown logins
        return None
    return bee if bee.check_password(password) else None


@cache
def _dummy_hash() -> str:
    return generate_password_hash("apiary-dummy-password")
