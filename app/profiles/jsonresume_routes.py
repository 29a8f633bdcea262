"""JSON Resume: export a profile, and import one through a preview."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import SubmitField

from app.errors import ValidationError
from app.forms import Form, attach_error
from app.profiles import jsonresume, jsonresume_import, record

bp = Blueprint("jsonresume", __name__)


class ResumeUploadForm(Form):
    """A JSON Resume file to preview."""

    file = FileField(
        _l("JSON Resume file"),
        validators=[FileRequired(_l("Choose a JSON Resume file (.json)."))],
        render_kw={"accept": ".json,application/json"},
        description=_l("A resume.json file in the JSON Resume format, saved as UTF-8."),
    )
    submit = SubmitField(_l("Preview the import"))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """An upload over the limit: the form again, saying so."""
    form = ResumeUploadForm(formdata=None)
    megabytes = current_app.config["IMPORT_MAX_BYTES"] // (1024 * 1024)
    form.file.errors = [_("The file is larger than %(size)s MB.", size=megabytes)]
    return render_template("profiles/resume_import.html", form=form), 413


@bp.get("/settings/data/resume.json")
@login_required
def export_resume():
    """Download my profile as a JSON Resume."""
    profile_url = url_for("profiles.profile", handle=current_user.handle, _external=True)
    resume = jsonresume.resume_of(current_user, record.snapshot(current_user), profile_url)
    return Response(
        json.dumps(resume, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{current_user.handle}-resume.json"'},
    )


@bp.route("/settings/data/import/resume", methods=["GET", "POST"])
@login_required
def import_resume():
    """Upload a JSON Resume; a good one is shown as it would replace my profile, nothing written."""
    form = ResumeUploadForm()
    if form.validate_on_submit():
        try:
            data, fields, token = jsonresume_import.read_upload(current_user, form.file.data.read())
        except ValidationError as error:
            attach_error(form, error)
        else:
            now = record.snapshot(current_user)
            return render_template(
                "profiles/import_preview.html", data=data, fields=fields, token=token, now=now, notes=[]
            )
    return render_template("profiles/resume_import.html", form=form), 422 if form.is_submitted() else 200
