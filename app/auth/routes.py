"""Sign up, log in, log out."""

from __future__ import annotations

import secrets
import time

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app import realtime
from app.auth import services
from app.auth.forms import LogInForm, SignUpForm
from app.errors import ValidationError
from app.extensions import limiter
from app.forms import attach_error
from app.security import is_safe_next
from app.sockets import LOGIN_KEY

bp = Blueprint("auth", __name__)

# The session key holding when the bee last entered their password (a UTC timestamp).
AUTHENTICATED_AT = "authenticated_at"


def _log_in(bee, remember: bool = False) -> None:
    """Start a session, named so that logging out of it ends its live sockets alone, and note
    when the password was entered (grave steps, such as deleting the account, ask for a
    recent one)."""
    login_user(bee, remember=remember)
    session[LOGIN_KEY] = secrets.token_urlsafe(16)
    note_password_entered()


def note_password_entered() -> None:
    """Remember in the session that the bee entered their password just now."""
    session[AUTHENTICATED_AT] = time.time()


def login_limit() -> str:
    """How often one address may try a password (logging in, signing up, confirming it again)."""
    from flask import current_app

    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def signup():
    """Create an account and log straight in."""
    if current_user.is_authenticated:
        return redirect(url_for("posts.home"))
    form = SignUpForm()
    if form.validate_on_submit():
        try:
            bee = services.register(
                form.email.data,
                form.handle.data,
                form.display_name.data,
                form.password.data,
                form.account_kind.data or "bee",
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            _log_in(bee)
            flash(
                _("Welcome to Apiary, %(name)s! Join a few hives to fill your feed.", name=bee.display_name),
                "success",
            )
            return redirect(url_for("hives.index"))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/signup.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Log in with email or handle; ``next`` may only be a same-site path."""
    next_url = request.args.get("next")
    if current_user.is_authenticated:
        return redirect(next_url if is_safe_next(next_url) else url_for("posts.home"))
    form = LogInForm()
    if form.validate_on_submit():
        bee = services.authenticate(form.login.data, form.password.data)
        if bee is not None and bee.is_suspended:
            form.form_errors.append(
                _(
                    "This account is suspended by Apiary's admins. Reason: %(reason)s",
                    reason=bee.suspension_reason,
                )
            )
        elif bee is not None:
            _log_in(bee, remember=form.remember.data)
            return redirect(next_url if is_safe_next(next_url) else url_for("posts.home"))
        else:
            form.form_errors.append(_("That email or handle and password do not match."))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout():
    """Log out (a POST, so a link on another site cannot do it); this session's live sockets
    end with it."""
    realtime.end_sockets(current_user.id, session.pop(LOGIN_KEY, ""))
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("posts.home"))
