"""Profile photos: upload, remove, and serving the resized files."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import SubmitField

from app.errors import ValidationError, render_error
from app.forms import Form, attach_error
from app.profiles import photos
from app.profiles.forms import ActionForm

bp = Blueprint("photos", __name__)

# A multipart body carries the file and a little more (boundaries, the CSRF token).
# Names are random and never reused: a browser may keep a file for a year without asking again.
CACHE_CONTROL = "public, max-age=31536000, immutable"


class PhotoForm(Form):
    """One photo file; what it is, the service decides from its content."""

    photo = FileField(
        _l("Photo"),
        validators=[FileRequired(_l("Choose a photo to upload."))],
        description=_l("A JPEG, PNG or WebP image. It is cropped to a square from its centre."),
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )
    submit = SubmitField(_l("Upload photo"))


@bp.app_template_global()
def photo_url(bee, size: int = photos.SIZES[0]) -> str | None:
    """The URL of ``bee``'s photo at ``size`` pixels (one of ``photos.SIZES``), or None."""
    key = getattr(bee, "photo", None)
    if not key or size not in photos.SIZES:
        return None
    return url_for("photos.photo", name=photos.file_name(key, size))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    """An upload over the limit: say what the limit is."""
    return render_error(413, _("Too large"), photos.too_large_message())


@bp.get("/photos/<name>")
def photo(name: str):
    """A stored photo file, by its random name; anything else is a 404."""
    path = photos.stored_file(name)
    if path is None:
        abort(404)
    response = send_file(path, mimetype=photos.MIMETYPE, conditional=True)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Content-Disposition"] = "inline"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/settings/photo", methods=["GET", "POST"])
@login_required
def settings():
    """My photo: see it, upload a new one (it replaces the old) or remove it."""
    form = PhotoForm()
    status = 200
    if form.validate_on_submit():
        try:
            photos.save_photo(current_user, form.photo.data.stream)
        except ValidationError as error:
            attach_error(form, error)
            status = error.status
        else:
            flash(_("Your new photo is saved."), "success")
            return redirect(url_for("photos.settings"))
    elif form.is_submitted():
        status = 422
    return render_template("profiles/photo.html", form=form), status


@bp.post("/settings/photo/remove")
@login_required
def remove():
    """Remove my photo: its files are deleted and pages show none."""
    if ActionForm().validate_on_submit() and photos.remove_photo(current_user):
        flash(_("Your photo is removed."), "info")
    return redirect(url_for("photos.settings"))
