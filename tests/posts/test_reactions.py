"""Relevant marks: one per bee per post, taken back at will, counted exactly, shown on cards."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import NotFound, PermissionDenied
from app.extensions import db
from app.hives import moderation, roles
from app.hives.services import create_hive, join_hive
from app.notifications.models import Notice
from app.posts import reactions
from app.posts.models import Post, Reaction
from app.profiles.services import block
from tests.factories import make_bee, make_post


def marks(post) -> int:
    return db.session.scalar(select(func.count()).select_from(Reaction).where(Reaction.post_id == post.id))


def count(post) -> int:
    return db.session.get(Post, post.id, populate_existing=True).relevant_count


def relevant_notices(bee) -> list[int]:
    return list(
        db.session.scalars(select(Notice.actor_id).where(Notice.bee_id == bee.id, Notice.kind == "relevant"))
    )


def test_a_mark_is_one_per_bee_and_the_count_follows_every_change(app):
    author, a, b = make_bee(), make_bee(), make_bee()
    post = make_post(author)
    assert reactions.set_relevant(a, post, True) == 1
    assert reactions.set_relevant(a, post, True) == 1  # marking again changes nothing
    assert reactions.set_relevant(b, post, True) == 2
    assert (marks(post), count(post)) == (2, 2)
    assert reactions.marked_among(a, [post.id]) == {post.id}
    assert reactions.set_relevant(a, post, False) == 1
    assert reactions.set_relevant(a, post, False) == 1  # taking back twice too
    assert (marks(post), count(post)) == (1, 1)
    assert [bee.id for bee in reactions.who_marked(post, None).bees] == [b.id]


def test_the_author_is_told_once_and_a_mark_taken_back_takes_its_unread_notice(app):
    author, reader = make_bee(), make_bee()
    post = make_post(author)
    reactions.set_relevant(reader, post, True)
    reactions.set_relevant(author, post, True)  # one's own mark tells nobody
    assert relevant_notices(author) == [reader.id]
    assert db.session.get(type(author), author.id, populate_existing=True).unread_notices == 1
    reactions.set_relevant(reader, post, False)
    assert relevant_notices(author) == []
    assert db.session.get(type(author), author.id, populate_existing=True).unread_notices == 0


def test_who_may_mark(app):
    owner, member, outsider, banned, blocked = (make_bee() for _ in range(5))
    hive = create_hive(owner, "Circle", "Private.", "", is_private=True)
    for bee in (member, banned):
        join_hive(bee, hive)
        roles.answer_request(owner, hive, bee, approve=True)
    private_post = make_post(member, hives=[hive])
    with pytest.raises(PermissionDenied):
        reactions.set_relevant(outsider, private_post, True)
    moderation.ban(owner, hive, banned, "Rule 1.")
    with pytest.raises(PermissionDenied):
        reactions.set_relevant(banned, private_post, True)
    public = make_post(owner)
    block(owner, blocked)
    with pytest.raises(PermissionDenied):
        reactions.set_relevant(blocked, public, True)
    assert count(public) == count(private_post) == 0
    with pytest.raises(NotFound):
        reactions.who_marked(private_post, outsider)


def test_who_found_it_relevant_pages_newest_first_and_leaves_out_blocked_bees(app):
    author, reader = make_bee(), make_bee()
    post = make_post(author)
    fans = [make_bee() for _ in range(reactions.RELEVANT_PAGE_SIZE + 2)]
    for fan in fans:
        reactions.set_relevant(fan, post, True)
    first = reactions.who_marked(post, reader)
    second = reactions.who_marked(post, reader, first.next_cursor)
    shown = [bee.id for bee in first.bees + second.bees]
    assert shown == [fan.id for fan in reversed(fans)]
    assert second.next_cursor is None
    block(reader, fans[-1])
    assert fans[-1].id not in [bee.id for bee in reactions.who_marked(post, reader).bees]


def test_marking_through_the_page_and_through_a_script(app, client, login):
    author, reader = make_bee(), make_bee()
    post = make_post(author)
    login(reader)
    response = client.post(f"/posts/{post.id}/relevant", data={"relevant": "1", "next": "/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    response = client.post(
        f"/posts/{post.id}/relevant", data={"relevant": "0"}, headers={"Accept": "application/json"}
    )
    assert response.json == {"post": post.id, "relevant": False, "count": 0}
    unsafe = client.post(f"/posts/{post.id}/relevant", data={"relevant": "1", "next": "//evil.example"})
    assert unsafe.headers["Location"] == f"/posts/{post.id}"
    assert client.post(f"/posts/{post.id}/relevant", data={"relevant": "yes"}).status_code == 400
    assert count(post) == 1
    page = client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert 'aria-pressed="true"' in page
    assert 'data-count-of="relevant" ' in page
    assert f'data-live-post="{post.id}"' in page  # the page's own data reaches <body>
    assert client.get(f"/posts/{post.id}/relevant").status_code == 200
