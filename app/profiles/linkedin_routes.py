"""LinkedIn data export ZIP: import through a preview.

The upload page reads the ZIP (:func:`app.profiles.linkedin.parse_export`) and
shows what would be replaced, with a sealed token the bee posts to
``record.apply_import`` to apply it; nothing is written before that.

An export may be larger than a form (``MAX_CONTENT_LENGTH``): this page's body may
grow to ``IMPORT_MAX_BYTES`` (``app.security.UPLOAD_LIMITS``).
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import SubmitField

from app.errors import ValidationError
from app.forms import Form, attach_error
from app.profiles import imports, linkedin, record

bp = Blueprint("linkedin", __name__)


class LinkedInForm(Form):
    """The LinkedIn export's ZIP file."""

    export = FileField(
        _l("Your LinkedIn export (a ZIP file)"),
        validators=[FileRequired(_l("Choose the ZIP file LinkedIn sent you."))],
        render_kw={"accept": ".zip,application/zip"},
    )
    submit = SubmitField(_l("Preview the import"))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """The upload page again, saying how large a file may be."""
    form = LinkedInForm(formdata=None)
    megabytes = current_app.config["IMPORT_MAX_BYTES"] // 2**20
    form.export.errors = [_("The file is larger than %(mb)s MB.", mb=megabytes)]
    return render_template("profiles/linkedin_upload.html", form=form), 413


@bp.route("/settings/data/import/linkedin", methods=["GET", "POST"])
@login_required
def upload():
    """Upload a LinkedIn export ZIP and see what it would replace."""
    form = LinkedInForm()
    if form.validate_on_submit():
        try:
            data, fields, notes = linkedin.parse_export(
                form.export.data.read(), keep_name=current_user.display_name
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            token = imports.seal(current_user, data, fields, "linkedin")
            now = record.snapshot(current_user)
            return render_template(
                "profiles/import_preview.html", data=data, fields=fields, notes=notes, token=token, now=now
            )
    status = 422 if form.is_submitted() else 200
    return render_template("profiles/linkedin_upload.html", form=form), status
