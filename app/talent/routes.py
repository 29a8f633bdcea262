"""Talent search: the page recruiters and editors search bees from."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import policy
from app.db import MAX_ID
from app.errors import ValidationError
from app.forms import attach_error
from app.search.index import query_terms
from app.talent import affinity, search
from app.talent.forms import DismissForm, TalentSearchForm

bp = Blueprint("talent", __name__)


@bp.get("/talent")
@login_required
def talent():
    """Search bees by skills, interests, hives and words; see why each one matched."""
    search.require_seeker(current_user)
    form = TalentSearchForm(request.args)
    query = form.query()
    page, status = None, 200
    if not query.is_empty:
        try:
            page = search.search_talent(current_user, query, request.args.get("after"))
        except ValidationError as error:
            attach_error(form, error)
            status = 422
    return render_template(
        "talent/search.html",
        form=form,
        page=page,
        terms=query_terms(query.words),
        may_filter_openness=policy.can_filter_by_openness(current_user),
        points=search,
    ), status


@bp.app_context_processor
def _talent_helpers():
    return {"can_see_openness": policy.can_see_openness}


@bp.get("/suggestions")
@login_required
def suggestions():
    """Bees to know and hives to join, each with why; set any of them aside."""
    return render_template(
        "talent/suggestions.html",
        bees=affinity.bees_to_know(current_user),
        hives=affinity.hives_to_join(current_user),
        peers_shown=affinity.PEERS_SHOWN,
    )


@bp.post("/suggestions/dismiss")
@login_required
def dismiss():
    """Never suggest this bee or hive again."""
    form = DismissForm()
    if form.validate_on_submit():
        target = form.target.data or ""
        if not (target.isascii() and target.isdigit() and len(target) <= 10 and int(target) <= MAX_ID):
            raise ValidationError("target", _("There is nothing like that to set aside."))
        if affinity.dismiss(current_user, form.kind.data, int(target)):
            flash(_("Set aside: it will not be suggested again."), "info")
    return redirect(url_for("talent.suggestions"))
