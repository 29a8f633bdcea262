"""Everything a bee wrote, as one ZIP they can keep, read and take elsewhere.

* ``resume.json``: the profile as JSON Resume;
* ``posts/<date>-<id>-<slug>.md``: each post that still exists (honey, buzz, shares; those a
  site admin removed too, marked so), Markdown with YAML front matter;
* ``comments/<date>-<id>.md``: each comment that still exists, with the address of its post;
* ``messages/<handle>.md``: per conversation, the messages the bee sent. The other bee's
  words are theirs, not the bee's, and an archive is easily shared: they stay out;
* ``photo.webp`` when the bee has a photo, and ``README.txt`` saying all this.

Front matter is written by :func:`front_matter`: each value a JSON scalar or list, which
YAML reads as the same value, with the few characters YAML would not take as written escaped.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime

from flask import request, url_for
from sqlalchemy import select

from app.extensions import db
from app.messages.models import Conversation, Message
from app.posts.models import Comment, CommentState, Kind, Post, PostState, PostTag
from app.posts.routes import post_url
from app.profiles import photos
from app.profiles.jsonresume import resume_of
from app.profiles.models import Bee
from app.profiles.record import snapshot
from app.text import slugify

# Characters YAML does not accept as written inside a double-quoted scalar (outside its
# printable set, or read as line breaks), which JSON leaves as they are.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

README = """\
Your Apiary archive
===================

resume.json      Your profile as JSON Resume (https://jsonresume.org/schema): name, headline,
                 statement, positions, education, skills, languages, links and the rest.
posts/           One Markdown file per post you wrote that still exists (honey, buzz and
                 shares). Each starts with front matter between two "---" lines: kind, title,
                 when it was written and last edited, its address, its hives, its tags and how
                 many bees it was delivered to. A post a site admin removed says "removed: true".
comments/        One Markdown file per comment you wrote that still exists, with the address
                 of the post it is on.
messages/        One file per conversation: the messages you sent, oldest first. The other
                 bee's words are theirs, so they are not in your archive.
photo.webp       Your profile photo, when you have one.

Front matter is YAML; every value is written as JSON, which YAML reads as the same value.
"""


def yaml_scalar(value) -> str:
    """A value as YAML: JSON (a YAML subset) with YAML's few extra forbidden characters escaped."""
    if isinstance(value, datetime | date):
        value = value.isoformat()
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def front_matter(fields: dict) -> str:
    """YAML front matter: ``---``, one ``key: value`` line per field, ``---``."""
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in fields.items()]
    return "\n".join(["---", *lines, "---", ""])


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _post_files(bee: Bee):
    posts = db.session.scalars(
        select(Post).where(Post.author_id == bee.id, Post.state != PostState.DELETED).order_by(Post.id)
    )
    for post in posts:
        tags = sorted(db.session.scalars(select(PostTag.tag).where(PostTag.post_id == post.id)))
        fields = {
            "kind": post.kind,
            "title": post.title,
            "created": post.created_at,
            "edited": post.edited_at,
            "url": url_for_post(post),
            "hives": [hive.slug for hive in post.hives],
            "tags": tags,
            "delivered_count": post.delivered_count,
        }
        if post.kind == Kind.SHARE:
            original = db.session.get(Post, post.shared_post_id) if post.shared_post_id else None
            fields["shares"] = url_for_post(original) if original and original.is_visible else None
        if post.state == PostState.REMOVED:
            fields["removed"] = True
        slug = post.slug or slugify(post.title or post.kind, 40) or post.kind
        name = f"posts/{_day(post.created_at)}-{post.id}-{slug}.md"
        yield name, front_matter(fields) + "\n" + post.body_source + "\n"


def _comment_files(bee: Bee):
    comments = db.session.scalars(
        select(Comment)
        .where(Comment.author_id == bee.id, Comment.state != CommentState.DELETED)
        .order_by(Comment.id)
    )
    for comment in comments:
        post = db.session.get(Post, comment.post_id)
        fields = {
            "post": url_for_post(post) if post.is_visible else None,
            "reply_to": comment.parent_id,
            "created": comment.created_at,
            "edited": comment.edited_at,
        }
        if comment.state == CommentState.REMOVED:
            fields["removed"] = True
        name = f"comments/{_day(comment.created_at)}-{comment.id}.md"
        yield name, front_matter(fields) + "\n" + comment.body_source + "\n"


def _message_files(bee: Bee):
    conversations = db.session.scalars(
        select(Conversation)
        .where((Conversation.low_bee_id == bee.id) | (Conversation.high_bee_id == bee.id))
        .order_by(Conversation.id)
    )
    for conversation in conversations:
        other = db.session.get(Bee, conversation.other_than(bee.id))
        sent = db.session.scalars(
            select(Message)
            .where(Message.conversation_id == conversation.id, Message.sender_id == bee.id)
            .order_by(Message.id)
        )
        parts = [front_matter({"with": f"@{other.handle}", "started": conversation.created_at})]
        for message in sent:
            parts.append(f"\n## {message.created_at.isoformat()}\n\n{message.body_source}\n")
        yield f"messages/{other.handle}.md", "".join(parts)


def url_for_post(post: Post) -> str:
    """A post's full address."""
    return request.host_url.rstrip("/") + post_url(post)


def _resume(bee: Bee) -> dict:
    profile_url = url_for("profiles.profile", handle=bee.handle, _external=True)
    return resume_of(bee, snapshot(bee), profile_url)


def archive_of(bee: Bee) -> bytes:
    """The ZIP of everything ``bee`` wrote (inside a request: addresses are made full)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("resume.json", json.dumps(_resume(bee), ensure_ascii=False, indent=2) + "\n")
        for files in (_post_files(bee), _comment_files(bee), _message_files(bee)):
            for name, text in files:
                archive.writestr(name, text)
        photo = photos.stored_file(photos.file_name(bee.photo, 400)) if bee.photo else None
        if photo is not None and photo.is_file():
            archive.write(photo, "photo.webp")
    return buffer.getvalue()
