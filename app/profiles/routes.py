"""Profile pages, followers and following, follow buttons, profile settings."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required

from app import policy
from app.errors import ValidationError
from app.forms import attach_error
from app.posts import queries as feeds
from app.profiles import queries, record, services, structured
from app.profiles.forms import ActionForm, ProfileForm, brand_form_values, brand_of
from app.profiles.models import followees_of, followers_of
from app.profiles.photo_routes import photo_url

bp = Blueprint("profiles", __name__)


@bp.get("/@<handle>")
def profile(handle: str):
    """The whole person: the personal brand, the professional record, hives, recent honey,
    and posts (those the viewer may see). Recruiters and editors also see whether the bee is
    open to opportunities."""
    bee = services.bee_by_handle(handle)
    viewer_id = current_user.id if current_user.is_authenticated else 0
    between = queries.relation(viewer_id, bee.id)
    feed = None
    if not between.blocked:
        feed = feeds.profile_feed(
            bee.id,
            feeds.parse_cursor(request.args.get("before")),
            current_app.config["FEED_PAGE_SIZE"],
            viewer_id=viewer_id,
        )
    followers, following = queries.follow_counts(bee.id)
    whole = record.snapshot(bee)
    return render_template(
        "profiles/profile.html",
        bee=bee,
        whole=whole,
        person=structured.person_of(bee, whole, photo_url=photo_link(bee)),
        honey=[] if between.blocked else queries.recent_honey(bee.id),
        sees_openness=policy.can_see_openness(current_user, bee),
        feed=feed,
        hives=queries.hives_of(bee.id, viewer_id=viewer_id),
        followers=followers,
        following=following,
        viewer_follows=between.follows,
        blocked=between.blocked,
        i_blocked=between.i_blocked,
        i_muted=between.i_muted,
    )


@bp.get("/@<handle>/followers")
def followers(handle: str):
    """Everyone who follows this bee, by handle."""
    bee = services.bee_by_handle(handle)
    people = queries.people_page(followers_of(bee.id), queries.parse_after(request.args.get("after")))
    return render_template("profiles/people.html", bee=bee, people=people, title=_("Followers"))


@bp.get("/@<handle>/following")
def following(handle: str):
    """Everyone this bee follows, by handle."""
    bee = services.bee_by_handle(handle)
    people = queries.people_page(followees_of(bee.id), queries.parse_after(request.args.get("after")))
    return render_template("profiles/people.html", bee=bee, people=people, title=_("Following"))


@bp.post("/@<handle>/follow")
@login_required
def follow(handle: str):
    """Follow a bee."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.follow(current_user, bee):
        flash(_("You now follow %(name)s. Their posts are in your feed.", name=bee.display_name), "success")
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.post("/@<handle>/unfollow")
@login_required
def unfollow(handle: str):
    """Stop following a bee."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.unfollow(current_user, bee):
        flash(_("You no longer follow %(name)s.", name=bee.display_name), "info")
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.get("/@<handle>/block")
@login_required
def confirm_block(handle: str):
    """Say what blocking does before it happens."""
    bee = services.bee_by_handle(handle)
    policy.require(policy.can_block(current_user, bee), _("You cannot block yourself."))
    return render_template("profiles/block.html", bee=bee)


@bp.post("/@<handle>/block")
@login_required
def block(handle: str):
    """Block a bee: follows end both ways and neither sees the other's posts."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.block(current_user, bee):
        flash(
            _("You blocked %(name)s. Neither of you sees the other's posts.", name=bee.display_name), "info"
        )
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.post("/@<handle>/unblock")
@login_required
def unblock(handle: str):
    """Lift my block of a bee (follows do not come back)."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.unblock(current_user, bee):
        flash(_("You unblocked %(name)s.", name=bee.display_name), "info")
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.post("/@<handle>/mute")
@login_required
def mute(handle: str):
    """Hide a bee's posts from my own feeds; they are not told."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.mute(current_user, bee):
        flash(
            _("%(name)s is muted: their posts no longer show in your feeds.", name=bee.display_name), "info"
        )
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.post("/@<handle>/unmute")
@login_required
def unmute(handle: str):
    """Show a muted bee's posts in my feeds again."""
    bee = services.bee_by_handle(handle)
    if ActionForm().validate_on_submit() and services.unmute(current_user, bee):
        flash(_("%(name)s is no longer muted.", name=bee.display_name), "info")
    return redirect(url_for("profiles.profile", handle=bee.handle))


@bp.get("/settings/controls")
@login_required
def controls():
    """The bees I blocked or muted and the hives I muted, each undoable."""
    return render_template("profiles/controls.html", **queries.controls_of(current_user.id))


@bp.route("/settings/profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    """Edit one's own personal brand, interface language and openness to opportunities."""
    form = ProfileForm(data=brand_form_values(current_user) if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            record.update_brand(
                current_user,
                brand_of(form),
                language=form.language.data,
                open_to_work=form.open_to_work.data,
                open_to_freelance=form.open_to_freelance.data,
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            refresh()  # the page after this speaks the language just chosen
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("profiles.profile", handle=current_user.handle))
    status = 422 if form.is_submitted() else 200
    return render_template("profiles/edit.html", form=form), status


def photo_link(bee) -> str | None:
    """The absolute address of the bee's profile photo, for JSON-LD (None without one)."""
    url = photo_url(bee, 400)
    return request.host_url.rstrip("/") + url if url else None
