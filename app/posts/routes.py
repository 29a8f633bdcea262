"""The home feed, the composer, post pages, editing and deleting."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app import policy
from app.admin import services as admin_services
from app.errors import ValidationError
from app.forms import attach_error
from app.hives import log as moderation_log
from app.hives import moderation, review
from app.hives.forms import ReasonForm, ReportForm
from app.i18n import ngettext
from app.posts import comments, queries, services
from app.posts.forms import CommentForm, EditPostForm, PostForm
from app.posts.models import Post
from app.profiles.forms import ActionForm
from app.profiles.queries import hives_of
from app.profiles.services import bee_by_handle
from app.profiles.structured import article_of
from app.templating import url_with_id

bp = Blueprint("posts", __name__)


def _composer(hive_preselect: int | None = None) -> PostForm:
    form = PostForm()
    form.hives.choices = [SelectChoice(hive.id, hive.name) for hive in hives_of(current_user.id)]
    if hive_preselect and not form.is_submitted():
        form.hives.data = [hive_preselect]
    return form


def post_url(post: Post) -> str:
    """A post's canonical URL: ``/@handle/<slug>`` for honey, ``/posts/<id>`` for buzz."""
    if post.is_honey:
        return url_for("posts.honey", handle=post.author.handle, slug=post.slug)
    return url_with_id("posts.show", "post_id", post.id)


def original_of_share(post) -> queries.FeedPost | None:
    """The card of the post a share passes on, if the signed-in reader may see it."""
    viewer_id = current_user.id if current_user.is_authenticated else 0
    return queries.originals_of([post], viewer_id).get(post.shared_post_id)


@bp.app_context_processor
def _post_helpers():
    return {
        "post_url": post_url,
        "original_of_share": original_of_share,
        "can_change_post": policy.can_change_post,
        "can_delete_post": policy.can_delete_post,
        "is_admin": policy.is_admin,
    }


@bp.get("/")
def home():
    """My home feed: everyone I follow, every hive I am in, and my own posts."""
    if not current_user.is_authenticated:
        return render_template("posts/welcome.html")
    feed = queries.home_feed(
        current_user.id,
        queries.parse_cursor(request.args.get("before")),
        current_app.config["FEED_PAGE_SIZE"],
    )
    return render_template("posts/home.html", feed=feed, composer_hives=hives_of(current_user.id))


@bp.route("/write", methods=["GET", "POST"])
@login_required
def write():
    """Compose honey or buzz for my followers and chosen hives."""
    form = _composer(request.args.get("hive", type=int))
    if request.args.get("kind") == "honey" and not form.is_submitted():
        form.kind.data = "honey"
    if form.validate_on_submit():
        try:
            post = services.publish_post(
                current_user, form.kind.data, form.body.data, form.title.data, form.hives.data or []
            )
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                ngettext(
                    "Published. Delivered to %(num)s bee.",
                    "Published. Delivered to %(num)s bees.",
                    post.delivered_count,
                ),
                "success",
            )
            return redirect(post_url(post) if post.is_honey else url_for("posts.home"))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/write.html", form=form), status


def _show(post: Post, comment_form: CommentForm | None = None, status: int = 200):
    """A post's page: the post, then its conversation (a page of threads, oldest first)."""
    removal = moderation_log.removal_of(post) if post.is_removed else None
    talk = comments.conversation(post, current_user, queries.parse_cursor(request.args.get("after")))
    may_comment = comments.may_comment(current_user, post)
    if may_comment and comment_form is None:
        comment_form = CommentForm(formdata=None)
    page = render_template(
        "posts/show.html",
        post=post,
        removal=removal,
        threads=talk.threads,
        next_after=talk.next_after,
        comment_count=talk.count,
        may_comment=may_comment,
        comment_form=comment_form,
        reply_to=request.args.get("reply_to", type=int),
        moderated_hives=review.hives_moderated_by(current_user, post),
        article=article_of(post, request.host_url.rstrip("/") + post_url(post))
        if post.is_honey and post.is_visible
        else None,
    )
    return page, status


@bp.get("/posts/<int:post_id>")
def show(post_id: int):
    """A buzz's own page (honey redirects to its article URL)."""
    post = services.visible_post(post_id, current_user)
    if post.is_honey:
        return redirect(post_url(post), code=301)
    return _show(post)


@bp.get("/@<handle>/<slug>")
def honey(handle: str, slug: str):
    """A honey article at its own URL."""
    return _show(services.honey_by_slug(bee_by_handle(handle), slug, current_user))


@bp.post("/posts/<int:post_id>/comments")
@login_required
def comment(post_id: int):
    """Comment on a post, or reply under one of its comments."""
    post = services.visible_post(post_id, current_user)
    form = CommentForm()
    if form.validate_on_submit():
        parent_id = form.parent_id.data
        try:
            parent = int(parent_id) if parent_id else None
        except ValueError:
            parent = 0  # refused below, with the same words as a comment that is gone
        try:
            added = comments.add_comment(current_user, post, form.body.data, parent)
        except ValidationError as error:
            attach_error(form, error)
        else:
            return redirect(f"{post_url(post)}#comment-{added.id}")
    return _show(post, form, 422)


@bp.route("/posts/<int:post_id>/report", methods=["GET", "POST"])
@login_required
def report(post_id: int):
    """Report a post to its hives' moderators, with a reason and the hives' rules in sight."""
    post = services.visible_post(post_id, current_user)
    policy.require(moderation.may_report(current_user, post), _("You cannot report this post."))
    form = ReportForm()
    if form.validate_on_submit():
        try:
            moderation.report_post(current_user, post, form.reason.data, form.detail.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(
                _("Thank you. The moderators will look at it; the author is not told who reported."),
                "success",
            )
            return redirect(post_url(post))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/report.html", form=form, post=post), status


@bp.route("/posts/<int:post_id>/remove", methods=["GET", "POST"])
@login_required
def remove(post_id: int):
    """A site admin takes a post down everywhere, saying why."""
    post = services.visible_post(post_id, current_user)
    policy.require(policy.is_admin(current_user), _("Only site admins remove posts everywhere."))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            admin_services.remove_sitewide(current_user, post, form.reason.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("The post is removed everywhere. Its author was told why."), "info")
            return redirect(url_for("posts.home"))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/remove.html", form=form, post=post), status


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int):
    """Edit my own post; an "edited" mark shows afterwards."""
    post = services.visible_post(post_id, current_user)
    policy.require(policy.can_change_post(current_user, post), _("You can only edit your own posts."))
    form = EditPostForm(data={"title": post.title, "body": post.body_source})
    if form.validate_on_submit():
        try:
            post = services.edit_post(current_user, post, form.body.data, form.title.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(post_url(post))
    status = 422 if form.is_submitted() else 200
    return render_template("posts/edit.html", form=form, post=post), status


@bp.route("/posts/<int:post_id>/delete", methods=["GET", "POST"])
@login_required
def delete(post_id: int):
    """Ask for confirmation, then delete my own post from every feed."""
    post = services.visible_post(post_id, current_user)
    policy.require(policy.can_delete_post(current_user, post), _("You can only delete your own posts."))
    form = ActionForm()
    if form.validate_on_submit():
        services.delete_post(current_user, post)
        flash(_("Your post was deleted."), "info")
        return redirect(url_for("profiles.profile", handle=current_user.handle))
    return render_template("posts/delete.html", post=post, form=form)
