"""Browse, create, join and leave hives; a hive's page, feed and members."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.errors import ValidationError
from app.forms import attach_error
from app.hives import queries, services
from app.hives.forms import HiveForm
from app.posts import queries as feeds
from app.profiles.forms import ActionForm
from app.profiles.queries import parse_after, people_page

bp = Blueprint("hives", __name__, url_prefix="/hives")


@bp.get("/")
def index():
    """Browse and search hives by name or tag."""
    query = request.args.get("q", "")
    page = queries.search_hives(query, parse_after(request.args.get("after")))
    return render_template("hives/index.html", page=page, query=query)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    """Start a hive; its creator becomes its owner."""
    form = HiveForm()
    if form.validate_on_submit():
        try:
            hive = services.create_hive(current_user, form.name.data, form.description.data, form.tags.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                _("Your hive %(name)s is open. Invite bees who share the passion!", name=hive.name), "success"
            )
            return redirect(url_for("hives.show", slug=hive.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("hives/new.html", form=form), status


@bp.get("/<slug>")
def show(slug: str):
    """A hive's description, members and feed."""
    hive = services.hive_by_slug(slug)
    feed = feeds.hive_feed(
        hive.id, feeds.parse_cursor(request.args.get("before")), current_app.config["FEED_PAGE_SIZE"]
    )
    membership = services.membership_of(current_user.id, hive.id) if current_user.is_authenticated else None
    return render_template(
        "hives/show.html",
        hive=hive,
        feed=feed,
        membership=membership,
        is_member=services.is_active(membership),
        member_count=queries.member_count(hive.id),
        members=queries.member_preview(hive.id, 12),
    )


@bp.get("/<slug>/members")
def members(slug: str):
    """Everyone in the hive, by handle."""
    hive = services.hive_by_slug(slug)
    people = people_page(queries.member_ids(hive.id), parse_after(request.args.get("after")))
    return render_template("hives/members.html", hive=hive, people=people)


@bp.post("/<slug>/join")
@login_required
def join(slug: str):
    """Join a hive: its posts, earlier ones included, enter the home feed."""
    hive = services.hive_by_slug(slug)
    if ActionForm().validate_on_submit():
        services.join_hive(current_user, hive)
        flash(_("Welcome to %(name)s!", name=hive.name), "success")
    return redirect(url_for("hives.show", slug=hive.slug))


@bp.post("/<slug>/leave")
@login_required
def leave(slug: str):
    """Leave a hive."""
    hive = services.hive_by_slug(slug)
    if ActionForm().validate_on_submit():
        services.leave_hive(current_user, hive)
        flash(_("You left %(name)s.", name=hive.name), "info")
    return redirect(url_for("hives.show", slug=hive.slug))
