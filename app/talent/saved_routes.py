"""Saved talent searches: keep a search, run it again, be told of new matches."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.errors import ValidationError
from app.forms import attach_error
from app.talent import saved
from app.talent.forms import DeleteSavedForm, SaveSearchForm

bp = Blueprint("saved", __name__)


@bp.get("/talent/saved")
@login_required
def index():
    """My saved searches, newest first, each with how many bees it found since I last looked."""
    return render_template("talent/saved.html", listings=saved.saved_searches(current_user), form=None)


@bp.post("/talent/saved")
@login_required
def save():
    """Save the talent page's search under a name."""
    form = SaveSearchForm()
    if form.validate_on_submit():
        try:
            kept = saved.save_search(current_user, form.name.data or "", form.query.data or "")
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Saved. You will be told when new bees match it."), "success")
            return redirect(url_for("saved.index", _anchor=f"saved-{kept.id}"))
    listings = saved.saved_searches(current_user)
    return render_template("talent/saved.html", listings=listings, form=form), 422


@bp.post("/talent/saved/<int:saved_id>")
@login_required
def run(saved_id: int):
    """Run a saved search on the talent page; its new matches are new no more (a POST: opening
    it writes, so a link from elsewhere cannot clear its news)."""
    query = saved.open_saved(current_user, saved_id)
    return redirect(f"{url_for('talent.talent')}?{query}")


@bp.route("/talent/saved/<int:saved_id>/delete", methods=["GET", "POST"])
@login_required
def delete(saved_id: int):
    """Ask first, then delete one of my saved searches."""
    kept = saved.saved_search_of(current_user, saved_id)
    form = DeleteSavedForm()
    if form.validate_on_submit():
        saved.delete_saved(current_user, saved_id)
        flash(_("The saved search is deleted."), "info")
        return redirect(url_for("saved.index"))
    return render_template("talent/delete_saved.html", form=form, saved=kept)
