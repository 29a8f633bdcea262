"""Browse, create, join (or ask to join) and leave hives; a hive's page, feed, members, rules
and moderation log."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app import policy
from app.errors import ValidationError
from app.forms import attach_error
from app.hives import log as moderation_log
from app.hives import queries, review, services
from app.hives.forms import HiveForm
from app.hives.models import Hive, Membership
from app.posts import queries as feeds
from app.profiles import services as bees
from app.profiles.forms import ActionForm
from app.profiles.models import utcnow
from app.profiles.queries import parse_after, people_page

bp = Blueprint("hives", __name__, url_prefix="/hives")


def viewer_membership(hive: Hive) -> Membership | None:
    """The signed-in bee's membership of ``hive`` (any state), or None."""
    return services.membership_of(current_user.id, hive.id) if current_user.is_authenticated else None


def require_content(hive: Hive, membership: Membership | None) -> None:
    """Refuse a private hive's posts, members and log to anyone outside it."""
    services.check_readable(current_user, hive, membership)


@bp.get("/")
def index():
    """Browse and search hives by name or tag."""
    query = request.args.get("q", "")
    page = queries.search_hives(query, parse_after(request.args.get("after")))
    return render_template("hives/index.html", page=page, query=query)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    """Start a hive, public or private; its creator becomes its owner."""
    form = HiveForm()
    if form.validate_on_submit():
        try:
            hive = services.create_hive(
                current_user,
                form.name.data,
                form.description.data,
                form.tags.data,
                is_private=form.is_private.data,
                rules=form.rules.data,
            )
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
    """A hive's description, rules, members and feed (a private hive's: for members)."""
    hive = services.hive_by_slug(slug)
    membership = viewer_membership(hive)
    viewer = current_user if current_user.is_authenticated else None
    can_see = policy.can_see_hive_content(viewer, hive, membership)
    feed = members = None
    if can_see:
        feed = feeds.hive_feed(
            hive.id,
            feeds.parse_cursor(request.args.get("before")),
            current_app.config["FEED_PAGE_SIZE"],
            viewer_id=viewer.id if viewer else 0,
        )
        members = queries.member_preview(hive.id, 12)
    return render_template(
        "hives/show.html",
        hive=hive,
        feed=feed,
        can_see=can_see,
        membership=membership,
        is_member=policy.is_member(membership),
        is_banned=membership is not None and membership.is_banned(utcnow()),
        can_join=policy.can_join(viewer, membership, utcnow()),
        can_moderate=policy.can_moderate(viewer, membership),
        open_cases=review.open_case_count(hive) if policy.can_moderate(viewer, membership) else 0,
        hive_muted=viewer is not None and bees.is_hive_muted(viewer.id, hive.id),
        member_count=queries.member_count(hive.id),
        members=members,
    )


@bp.get("/<slug>/members")
def members(slug: str):
    """Everyone in the hive, by handle (a private hive's: for members)."""
    hive = services.hive_by_slug(slug)
    require_content(hive, viewer_membership(hive))
    people = people_page(queries.member_ids(hive.id), parse_after(request.args.get("after")))
    return render_template("hives/members.html", hive=hive, people=people)


@bp.get("/<slug>/rules")
def rules(slug: str):
    """The hive's rules: anyone may read them before joining."""
    return render_template("hives/rules.html", hive=services.hive_by_slug(slug))


@bp.get("/<slug>/log")
def log(slug: str):
    """Everything the hive's moderators did, newest first: anyone's to read in a public hive,
    members' in a private one."""
    hive = services.hive_by_slug(slug)
    require_content(hive, viewer_membership(hive))
    entries, next_cursor = moderation_log.log_page(hive, feeds.parse_cursor(request.args.get("before")))
    return render_template("hives/log.html", hive=hive, entries=entries, next_cursor=next_cursor)


@bp.route("/<slug>/join", methods=["GET", "POST"])
@login_required
def join(slug: str):
    """Read the rules, then join a public hive (its posts, earlier ones included, enter the home
    feed) or ask to join a private one."""
    hive = services.hive_by_slug(slug)
    form = ActionForm()
    if form.validate_on_submit():
        membership = services.join_hive(current_user, hive)
        if policy.is_member(membership):
            flash(_("Welcome to %(name)s!", name=hive.name), "success")
        else:
            flash(
                _("Your request to join %(name)s is sent. You will be told the answer.", name=hive.name),
                "info",
            )
        return redirect(url_for("hives.show", slug=hive.slug))
    return render_template("hives/join.html", hive=hive, form=form)


@bp.post("/<slug>/withdraw")
@login_required
def withdraw(slug: str):
    """Take back a request to join."""
    hive = services.hive_by_slug(slug)
    if ActionForm().validate_on_submit():
        services.withdraw_request(current_user, hive)
        flash(_("Your request to join %(name)s is withdrawn.", name=hive.name), "info")
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


@bp.post("/<slug>/mute")
@login_required
def mute(slug: str):
    """Hide the hive's posts from my home feed (I stay a member)."""
    hive = services.hive_by_slug(slug)
    if ActionForm().validate_on_submit() and bees.mute_hive(current_user, hive):
        flash(_("%(name)s is muted: its posts no longer show in your home feed.", name=hive.name), "info")
    return redirect(url_for("hives.show", slug=hive.slug))


@bp.post("/<slug>/unmute")
@login_required
def unmute(slug: str):
    """Show the hive's posts in my home feed again."""
    hive = services.hive_by_slug(slug)
    if ActionForm().validate_on_submit() and bees.unmute_hive(current_user, hive):
        flash(_("%(name)s is no longer muted.", name=hive.name), "info")
    return redirect(url_for("hives.show", slug=hive.slug))
