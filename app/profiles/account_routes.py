"""Export everything a bee wrote, and delete the account."""

from __future__ import annotations

import io

from flask import Blueprint, current_app, flash, redirect, render_template, send_file, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from app.auth.routes import AUTHENTICATED_AT, login_limit, note_password_entered
from app.errors import Conflict, PermissionDenied, ValidationError
from app.extensions import limiter
from app.forms import attach_error
from app.profiles import account, archive
from app.profiles.account_forms import DeleteAccountForm, ReauthenticateForm
from app.profiles.models import utcnow
from app.sockets import LOGIN_KEY

bp = Blueprint("account", __name__)

# An archive reads everything the bee wrote: a few a day is plenty, and keeps it from being a load.
EXPORT_RATE_LIMIT = "10 per hour"


def _bee_key() -> str:
    return f"bee:{current_user.id}"


@bp.get("/settings/data/export.zip")
@login_required
@limiter.limit(EXPORT_RATE_LIMIT, key_func=_bee_key)
def export():
    """Download everything I wrote as one ZIP."""
    name = f"apiary-{current_user.handle}-{utcnow().date().isoformat()}.zip"
    data = io.BytesIO(archive.archive_of(current_user))
    return send_file(data, mimetype="application/zip", as_attachment=True, download_name=name)


def _page(reauth=None, confirm=None, status: int = 200, error: str | None = None):
    """The deletion page: what happens, then the password again or the confirmation."""
    return render_template(
        "profiles/delete_account.html",
        fresh=account.is_fresh(session.get(AUTHENTICATED_AT)),
        blocking=account.hives_blocking(current_user.id),
        reauth_form=reauth or ReauthenticateForm(),
        confirm_form=confirm or DeleteAccountForm(),
        grace_days=current_app.config["HANDLE_GRACE_DAYS"],
        error=error,
    ), status


@bp.get("/settings/account/delete")
@login_required
def confirm_delete():
    """Say what deleting the account does, and ask for the password and the handle."""
    return _page()


@bp.post("/settings/account/reauthenticate")
@login_required
@limiter.limit(login_limit)
def reauthenticate():
    """Enter the password again: deletion asks for one entered in the last few minutes."""
    form = ReauthenticateForm()
    if form.validate_on_submit():
        try:
            account.confirm_password(current_user, form.password.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            note_password_entered()
            return redirect(url_for("account.confirm_delete"))
    return _page(reauth=form, status=422)


@bp.post("/settings/account/delete")
@login_required
def delete():
    """Delete my account for good, then log out."""
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return _page(confirm=form, status=422)
    try:
        account.delete_account(current_user, form.handle.data, session.get(AUTHENTICATED_AT))
    except ValidationError as error:
        attach_error(form, error)
        return _page(confirm=form, status=422)
    except (PermissionDenied, Conflict) as error:
        return _page(confirm=form, status=error.status, error=error.message)
    session.pop(LOGIN_KEY, None)
    session.pop(AUTHENTICATED_AT, None)
    logout_user()
    flash(_("Your account is deleted. Thank you for your time in the hives."), "info")
    return redirect(url_for("posts.home"))
