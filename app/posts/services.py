"""Publishing, editing and deleting honey and buzz."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app import policy, realtime
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives import moderation
from app.hives.models import Hive
from app.hives.services import membership_of
from app.i18n import ngettext, number
from app.markup import LINKS_MAX, UnrenderableText, plain_excerpt, render_markdown
from app.notifications.services import lock_recipients
from app.posts import counts, delivery, mentions
from app.posts.models import (
    BUZZ_MAX,
    HONEY_MAX,
    POST_HIVES_MAX,
    SLUG_MAX,
    TITLE_MAX,
    Kind,
    Post,
    PostHive,
    PostState,
)
from app.posts.visibility import may_see
from app.profiles.models import Bee, utcnow
from app.profiles.queries import existing_handles
from app.search import index as search
from app.text import slugify, squash

# Honey slugs share /@handle/<slug> with these profile pages.
RESERVED_SLUGS = frozenset(
    {"followers", "following", "follow", "unfollow", "posts", "edit", "block", "unblock", "mute", "unmute"}
)


def check_body(body: str | None, limit: int, *, required: bool = True) -> str:
    """A body a bee wrote (post, share, comment or message), trimmed; or a
    :class:`ValidationError` on the ``body`` field when it is empty (and ``required``) or
    longer than ``limit``."""
    body = (body or "").strip()
    if not body and required:
        raise ValidationError("body", _("Write something first."))
    if len(body) > limit:
        raise ValidationError(
            "body",
            ngettext(
                "This is %(length)s characters long; the limit is %(num)s character.",
                "This is %(length)s characters long; the limit is %(num)s characters.",
                limit,
                length=number(len(body)),
            ),
        )
    return body


def check_content(kind: str, title: str | None, body: str) -> tuple[str | None, str]:
    if kind not in (*Kind.ALL, Kind.SHARE):
        raise ValidationError("kind", _("Choose honey or buzz."))
    # A share's comment is optional.
    body = check_body(body, HONEY_MAX if kind == Kind.HONEY else BUZZ_MAX, required=kind != Kind.SHARE)
    if kind != Kind.HONEY:
        return None, body
    title = squash(title)
    if not title:
        raise ValidationError("title", _("Honey needs a title."))
    if len(title) > TITLE_MAX:
        raise ValidationError(
            "title",
            ngettext(
                "Keep the title under %(num)s character.",
                "Keep the title under %(num)s characters.",
                TITLE_MAX,
            ),
        )
    return title, body


def render_body(body: str) -> str:
    """Markdown as sanitized HTML, or a :class:`ValidationError` on the ``body`` field that
    says what to change (posts and comments alike)."""
    try:
        return render_markdown(body, known_handles=existing_handles)
    except UnrenderableText as error:
        if error.reason == "links":
            message = ngettext(
                "Use at most %(num)s link in one post.",
                "Use at most %(num)s links in one post.",
                LINKS_MAX,
            )
        else:
            message = _("Lists or quotes are nested too deeply to show. Please flatten them.")
        raise ValidationError("body", message) from None


def render_content(kind: str, body: str) -> tuple[str, str]:
    """The body as sanitized HTML and, for honey, its excerpt; or a :class:`ValidationError`."""
    body_html = render_body(body) if body else ""
    return body_html, plain_excerpt(body_html) if kind == Kind.HONEY else ""


def _unique_slug(author_id: int, title: str) -> str:
    base = slugify(title, SLUG_MAX - 6) or "honey"
    if base.isdigit() or base in RESERVED_SLUGS:
        base = f"{base}-honey"
    taken = set(
        db.session.scalars(select(Post.slug).where(Post.author_id == author_id, Post.slug.like(f"{base}%")))
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def target_hives(author_id: int, hive_ids: list[int]) -> list[Hive]:
    """The hives a post goes to, each one the author's to post in; a private hive only alone."""
    unique_ids = sorted(set(hive_ids))
    if not unique_ids:
        return []
    if not all(0 < hive_id <= MAX_ID for hive_id in unique_ids):
        raise ValidationError("hives", _("One of those hives does not exist."))
    if len(unique_ids) > POST_HIVES_MAX:
        raise ValidationError(
            "hives",
            ngettext(
                "Post to at most %(num)s hive.",
                "Post to at most %(num)s hives.",
                POST_HIVES_MAX,
            ),
        )
    hives = list(db.session.scalars(select(Hive).where(Hive.id.in_(unique_ids))))
    if len(hives) != len(unique_ids):
        raise ValidationError("hives", _("One of those hives does not exist."))
    for hive in hives:
        policy.require(
            policy.can_post_to_hive(membership_of(author_id, hive.id)),
            _("You can only post to hives you belong to."),
        )
    if len(hives) > 1 and any(hive.is_private for hive in hives):
        raise ValidationError(
            "hives",
            _("A post to a private hive is for its members alone. Post it there on its own."),
        )
    return hives


def publish_post(
    author: Bee, kind: str, body: str, title: str | None = None, hive_ids: list[int] = ()
) -> Post:
    """Publish honey or buzz to the author's followers and to ``hive_ids``.

    The post reaches every follower and every member of each hive at once; its
    ``delivered_count`` is that audience, counted in the same transaction. A
    post to a private hive goes to that hive's members alone.
    """
    if kind not in Kind.ALL:
        raise ValidationError("kind", _("Choose honey or buzz."))
    title, body = check_content(kind, title, body)
    body_html, excerpt = render_content(kind, body)
    document = search.post_document(title, body_html)
    author_id = author.id  # read before the write begins: it expires what the request loaded
    with write_transaction():
        lock_recipients(author_id, *mentions.named_bee_ids(body_html))
        hives = target_hives(author_id, list(hive_ids))
        return write_post(author_id, kind, title, body, body_html, excerpt, document, hives)


def write_post(
    author_id: int,
    kind: str,
    title: str | None,
    body: str,
    body_html: str,
    excerpt: str,
    document: tuple[str, str],
    hives: list[Hive],
) -> Post:
    """Write a checked post to ``hives`` (from :func:`target_hives`) inside the caller's write
    transaction, the recipients already locked: its count, tags, search entry and notices,
    and the live news once the write commits."""
    lock_rows(Hive, [hive.id for hive in hives])
    private_hive_id = hives[0].id if hives and hives[0].is_private else None
    hive_ids = [hive.id for hive in hives]
    private = private_hive_id is not None
    post = Post(
        author_id=author_id,
        kind=kind,
        title=title,
        slug=_unique_slug(author_id, title) if kind == Kind.HONEY else None,
        body_source=body,
        body_html=body_html,
        excerpt=excerpt,
        state=PostState.PUBLISHED,
        private_hive_id=private_hive_id,
        delivered_count=delivery.audience_size(author_id, hive_ids, private=private),
    )
    db.session.add(post)
    db.session.flush()
    db.session.add_all(PostHive(post_id=post.id, hive_id=hive.id) for hive in hives)
    mentions.keep_tags(post.id, body_html)
    search.index_post(post.id, document)
    db.session.flush()
    mentions.tell_mentioned(post, author_id, body_html)
    announce_new_post(post.id, author_id, hive_ids, private=private)
    return post


def announce_new_post(post_id: int, author_id: int, hive_ids: list[int], *, private: bool) -> None:
    """Tell a new post's audience, live, once the write commits (its count is the write's)."""
    realtime.post_published(
        post_id,
        author_id,
        hive_ids,
        lambda: delivery.audience_ids(author_id, hive_ids, private=private),
        private=private,
    )


def edit_post(editor: Bee, post: Post, body: str, title: str | None = None) -> Post:
    """Change a post's text; the URL, audience and time stay, an "edited" mark appears."""
    title, body = check_content(post.kind, title, body)
    body_html, excerpt = render_content(post.kind, body)
    document = search.post_document(title, body_html)
    with write_transaction():
        lock_recipients(editor.id, *mentions.named_bee_ids(body_html))
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        if not PostState.can_move(post.state, PostState.EDITED):
            raise NotFound(_("That post no longer exists."))
        policy.require(policy.can_change_post(editor, post), _("You can only edit your own posts."))
        before_html = post.body_html
        post.title, post.body_source, post.body_html, post.excerpt = title, body, body_html, excerpt
        post.state = PostState.EDITED
        post.edited_at = utcnow()
        search.index_post(post.id, document)
        mentions.keep_tags(post.id, body_html)
        mentions.tell_mentioned(post, post.author_id, body_html, before_html=before_html)
    return post


def delete_post(actor: Bee, post: Post) -> None:
    """Delete one's own post (a removed one too): it leaves every feed and its text is
    erased."""
    with write_transaction():
        lock_rows(Post, [post.id])
        post = db.session.get(Post, post.id, populate_existing=True)
        if not PostState.can_move(post.state, PostState.DELETED):
            raise NotFound(_("That post no longer exists."))
        policy.require(policy.can_delete_post(actor, post), _("You can only delete your own posts."))
        erase_post(post)


def erase_post(post: Post) -> None:
    """Move a post (visible or removed) to deleted, inside the caller's write transaction with
    the post locked: it leaves every feed and search, its text is erased, the count of shares
    of its original drops, and its open reports close."""
    moderation.close_cases(post.id)  # nothing left to moderate
    if post.is_visible and post.shared_post_id:
        counts.shares_changed(post.shared_post_id, -1)
    post.state = PostState.DELETED
    post.title = None
    post.body_source = ""
    post.body_html = ""
    post.excerpt = ""
    post.edited_at = utcnow()
    search.unindex_post(post.id)


def visible_post(post_id: int, viewer: Bee | None) -> Post:
    """Return a post ``viewer`` may read, or raise :class:`NotFound` (never saying that a
    post exists to someone who may not see it)."""
    post = db.session.get(Post, post_id)
    if post is None or not may_see(viewer, post):
        raise NotFound(_("That post does not exist or was deleted."))
    return post


def honey_by_slug(author: Bee, slug: str, viewer: Bee | None) -> Post:
    """Return an author's honey by slug that ``viewer`` may read, or raise :class:`NotFound`."""
    post = db.session.scalar(
        select(Post).where(Post.author_id == author.id, Post.slug == slug, Post.kind == Kind.HONEY)
    )
    if post is None or not may_see(viewer, post):
        raise NotFound(_("That article does not exist or was deleted."))
    return post
