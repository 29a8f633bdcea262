"""Comments and replies: who may write them, what pages show, and how moderators act on them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.hives import moderation, review, roles
from app.hives.models import Action, CaseState, LogEntry, Report
from app.hives.services import create_hive, join_hive
from app.notifications.models import Notice
from app.posts import comments
from app.posts.models import Comment, CommentState
from app.profiles.services import block
from tests.factories import make_bee, make_hive, make_post


def thread_ids(post, viewer=None) -> list[tuple[int, list[int]]]:
    talk = comments.conversation(post, viewer)
    return [(thread.comment.id, [reply.id for reply in thread.replies]) for thread in talk.threads]


def test_comments_and_one_level_of_replies_in_conversation_order(app):
    author, a, b = make_bee(), make_bee(), make_bee()
    post = make_post(author)
    first = comments.add_comment(a, post, "First!")
    second = comments.add_comment(b, post, "**Second**, with Markdown.")
    reply = comments.add_comment(author, post, "Thanks.", first.id)
    reply_to_reply = comments.add_comment(a, post, "You're welcome.", reply.id)  # joins the same thread
    assert reply_to_reply.parent_id == first.id
    assert thread_ids(post) == [(first.id, [reply.id, reply_to_reply.id]), (second.id, [])]
    assert second.body_html == '<p dir="auto"><strong>Second</strong>, with Markdown.</p>'
    assert comments.comment_count(post.id) == comments.conversation(post, None).count == 4
    page = comments.conversation(post, None, limit=1)  # a page short of the whole: counted apart
    assert (page.next_after, page.count) == (first.id, 4)


@pytest.mark.parametrize(
    ("body", "parent"),
    [("", None), ("   ", None), ("x" * 5001, None), ("fine", 999_999), ("fine", 0)],
)
def test_bad_comments_are_refused_and_nothing_is_written(app, body, parent):
    post = make_post(make_bee())
    with pytest.raises(ValidationError):
        comments.add_comment(make_bee(), post, body, parent)
    assert db.session.scalar(select(func.count(Comment.id))) == 0


def test_a_reply_must_answer_a_comment_on_the_same_post(app):
    bee = make_bee()
    one, other = make_post(bee), make_post(bee)
    elsewhere = comments.add_comment(bee, other, "On the other post.")
    with pytest.raises(ValidationError):
        comments.add_comment(bee, one, "Misplaced reply.", elsewhere.id)


def test_authors_edit_and_delete_their_own_comments_only(app):
    author, other = make_bee(), make_bee()
    post = make_post(make_bee())
    comment = comments.add_comment(author, post, "Typo hree.")
    reply = comments.add_comment(other, post, "Under it.", comment.id)
    with pytest.raises(PermissionDenied):
        comments.edit_comment(other, comment, "Hijacked.")
    with pytest.raises(PermissionDenied):
        comments.delete_comment(other, comment)
    comments.edit_comment(author, comment, "Typo here.")
    assert comment.state == CommentState.EDITED
    comments.delete_comment(author, comment)
    db.session.refresh(comment)
    assert (comment.state, comment.body_source, comment.body_html) == (CommentState.DELETED, "", "")
    assert thread_ids(post) == [(comment.id, [reply.id])]  # the thread keeps its place


def test_private_banned_and_blocked_bees_cannot_comment(app):
    owner, member, outsider, rude = make_bee(), make_bee(), make_bee(), make_bee()
    private = create_hive(owner, "Back Room", "", "", is_private=True)
    join_hive(member, private)
    roles.answer_request(owner, private, member, approve=True)
    secret = make_post(owner, "members only", hives=[private])
    with pytest.raises(PermissionDenied):
        comments.add_comment(outsider, secret, "let me in")
    comments.add_comment(member, secret, "inside")
    public = make_hive(owner=owner, members=[rude])
    post = make_post(owner, hives=[public])
    moderation.ban(owner, public, rude, "Insults.")
    with pytest.raises(PermissionDenied):
        comments.add_comment(rude, post, "still here")
    block(owner, outsider)
    with pytest.raises(PermissionDenied):
        comments.add_comment(outsider, make_post(owner), "across a block")


def test_comments_of_blocked_bees_are_hidden_from_each_other(app):
    author, a, b = make_bee(), make_bee(), make_bee()
    post = make_post(author)
    by_a = comments.add_comment(a, post, "from a")
    by_b = comments.add_comment(b, post, "from b")
    block(a, b)
    assert thread_ids(post, a) == [(by_a.id, [])]
    assert thread_ids(post, b) == [(by_b.id, [])]
    assert thread_ids(post, author) == [(by_a.id, []), (by_b.id, [])]
    with pytest.raises(NotFound):
        comments.visible_comment(by_b.id, a)
    # the heading counts what the reader may read, however the conversation is paged
    assert comments.conversation(post, a).count == comments.comment_count(post.id, a.id) == 1
    assert comments.conversation(post, a, limit=1).count == 1


def test_a_reported_comment_reaches_the_queue_and_a_moderator_removes_it(app):
    owner, author, reporter = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author, reporter])
    post = make_post(owner, hives=[hive])
    comment = comments.add_comment(author, post, "You are all fools.")
    moderation.report_post(reporter, post, "off_topic")
    moderation.report_comment(reporter, comment, "insult", "Name-calling.")  # the post and its comment
    with pytest.raises(Conflict):
        moderation.report_comment(reporter, comment, "insult")
    with pytest.raises(PermissionDenied):
        moderation.report_comment(author, comment, "spam")
    items, _next = review.queue(hive, CaseState.OPEN)
    by_target = {(item.post.id, item.comment.id if item.comment else None): item for item in items}
    assert by_target[(post.id, comment.id)].reasons == [("insult", 1)]
    assert by_target[(post.id, comment.id)].details == ["Name-calling."]
    assert by_target[(post.id, None)].reasons == [("off_topic", 1)]
    moderation.remove_comment(owner, hive, comment, "Insults break rule 1.")
    db.session.refresh(comment)
    assert comment.state == CommentState.REMOVED
    assert review.case_of(hive.id, post.id, comment.id).state == CaseState.RESOLVED
    assert review.case_of(hive.id, post.id).state == CaseState.OPEN  # the post's own case waits
    entry = db.session.scalar(select(LogEntry).where(LogEntry.action == Action.COMMENT_REMOVED))
    assert (entry.target_bee_id, entry.comment_id, entry.reason) == (
        author.id,
        comment.id,
        "Insults break rule 1.",
    )
    notice = db.session.scalar(select(Notice).where(Notice.bee_id == author.id))
    assert (notice.kind, notice.comment_id) == ("comment_removed", comment.id)
    assert db.session.scalar(select(func.count(Report.id))) == 2


def test_moderators_cannot_remove_the_owners_comment_and_admins_remove_anywhere(app):
    owner, mod = make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[mod])
    roles.appoint_moderator(owner, hive, mod)
    post = make_post(mod, hives=[hive])
    by_owner = comments.add_comment(owner, post, "Owner speaking.")
    with pytest.raises(PermissionDenied):
        moderation.remove_comment(mod, hive, by_owner, "no")
    elsewhere = comments.add_comment(make_bee(), make_post(make_bee()), "In no hive.")
    with pytest.raises(NotFound):
        moderation.remove_comment(owner, hive, elsewhere, "not this hive's")
    admin = make_bee()
    admin.is_admin = True
    db.session.commit()
    moderation.remove_comment_sitewide(admin, elsewhere, "Spam.")
    db.session.refresh(elsewhere)
    assert elsewhere.state == CommentState.REMOVED
    with pytest.raises(Conflict):
        moderation.remove_comment_sitewide(admin, elsewhere, "again")


def test_banning_from_a_comment_removes_it_too(app):
    owner, author = make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author])
    post = make_post(owner, hives=[hive])
    comment = comments.add_comment(author, post, "spam spam")
    moderation.ban(owner, hive, author, "Spam bot.", comment=comment)
    db.session.refresh(comment)
    assert comment.state == CommentState.REMOVED


def test_the_post_page_shows_the_conversation_and_takes_comments(app, client, login):
    author, reader = make_bee(handle="writer"), make_bee(handle="reader")
    post = make_post(author, "Let us talk.")
    first = comments.add_comment(author, post, "Opening thought.")
    page = client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert "Opening thought." in page
    assert "Log in to comment" in page
    login(reader)
    assert client.post(f"/posts/{post.id}/comments", data={"body": ""}).status_code == 422
    assert (
        client.post(f"/posts/{post.id}/comments", data={"body": "x", "parent_id": "abc"}).status_code == 422
    )
    response = client.post(
        f"/posts/{post.id}/comments", data={"body": "A reply.", "parent_id": str(first.id)}
    )
    assert response.status_code == 302
    assert "#comment-" in response.headers["Location"]
    page = client.get(f"/posts/{post.id}?reply_to={first.id}").get_data(as_text=True)
    assert f'id="reply-{first.id}"' in page
    assert "A reply." in page
    assert "2 comments" in page
    reply = db.session.scalar(select(Comment).where(Comment.parent_id == first.id))
    assert client.get(f"/comments/{reply.id}/edit").status_code == 200
    assert client.get(f"/comments/{first.id}/edit").status_code == 403
    assert client.post(f"/comments/{first.id}/report", data={"reason": "spam"}).status_code == 302
    assert client.post(f"/comments/{first.id}/report", data={"reason": "spam"}).status_code == 409
    assert client.post(f"/comments/{reply.id}/delete").status_code == 302
    assert client.get("/comments/999999/edit").status_code == 404
