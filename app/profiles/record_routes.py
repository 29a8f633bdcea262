"""The professional record's settings: add, edit, move and remove entries; the data page;
applying a previewed import."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.errors import ValidationError
from app.forms import attach_error
from app.profiles import imports, record
from app.profiles.forms import (
    SECTION_FORMS,
    ActionForm,
    ImportForm,
    MoveForm,
    entry_values,
    section_titles,
)

bp = Blueprint("record", __name__)


def _form_class(section: str):
    if section not in SECTION_FORMS:
        abort(404)
    return SECTION_FORMS[section]


def _back(section: str):
    return redirect(url_for("record.overview", _anchor=section))


@bp.get("/settings/record")
@login_required
def overview():
    """Every list of the professional record, with its entries and what can be done to them."""
    lists = {section: record.entries(current_user.id, section) for section in SECTION_FORMS}
    return render_template("profiles/record.html", lists=lists, titles=section_titles(), form=ActionForm())


@bp.route("/settings/record/<section>/new", methods=["GET", "POST"])
@login_required
def add(section: str):
    """Add an entry at the end of a list."""
    form = _form_class(section)()
    if form.validate_on_submit():
        try:
            record.add_entry(current_user, section, **entry_values(form))
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Added to your profile."), "success")
            return _back(section)
    status = 422 if form.is_submitted() else 200
    return render_template(
        "profiles/entry.html", form=form, section=section, title=section_titles()[section]
    ), status


@bp.route("/settings/record/<section>/<int:entry_id>", methods=["GET", "POST"])
@login_required
def edit(section: str, entry_id: int):
    """Change one of my entries."""
    form_class = _form_class(section)
    entry = record.entry_of(current_user, section, entry_id)
    form = form_class(data=record.form_values(section, entry))
    if form.validate_on_submit():
        try:
            record.change_entry(current_user, section, entry_id, **entry_values(form))
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Your change is saved."), "success")
            return _back(section)
    status = 422 if form.is_submitted() else 200
    return render_template(
        "profiles/entry.html", form=form, section=section, entry=entry, title=section_titles()[section]
    ), status


@bp.route("/settings/record/<section>/<int:entry_id>/remove", methods=["GET", "POST"])
@login_required
def remove(section: str, entry_id: int):
    """Ask first, then remove one of my entries."""
    _form_class(section)
    entry = record.entry_of(current_user, section, entry_id)
    form = ActionForm()
    if form.validate_on_submit():
        record.remove_entry(current_user, section, entry_id)
        flash(_("Removed from your profile."), "info")
        return _back(section)
    return render_template("profiles/remove_entry.html", form=form, section=section, entry=entry)


@bp.post("/settings/record/<section>/<int:entry_id>/move")
@login_required
def move(section: str, entry_id: int):
    """Move an entry one place up or down its list."""
    _form_class(section)
    form = MoveForm()
    if form.validate_on_submit():
        offset = {"up": -1, "down": 1}.get(form.direction.data)
        if offset is None:
            raise ValidationError("direction", _("Move an entry up or down."))
        record.move_entry(current_user, section, entry_id, offset)
    return _back(section)


@bp.get("/settings/data")
@login_required
def data():
    """Take your profile and writing out, bring a profile in, or delete the account."""
    return render_template("profiles/data.html")


@bp.post("/settings/data/import/apply")
@login_required
def apply_import():
    """Apply an import the bee has previewed: all its fields at once, or nothing."""
    form = ImportForm()
    if form.validate_on_submit():
        try:
            imports.apply(current_user, form.token.data)
        except ValidationError as error:
            flash(error.message, "danger")
        else:
            flash(_("Your profile is updated from the file."), "success")
            return redirect(url_for("profiles.profile", handle=current_user.handle))
    return render_template("profiles/data.html"), 422
