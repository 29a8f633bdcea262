"""Notices of what others did: follows, comments, replies, Relevant marks, join requests; their
preferences, one or all read, and the badge kept exact."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives import roles
from app.hives.services import create_hive, join_hive, withdraw_request
from app.notifications import services
from app.notifications.models import Notice
from app.posts import comments
from app.profiles.models import Bee
from app.profiles.services import follow, unfollow
from tests.factories import make_bee, make_post


def kinds(bee) -> list[tuple[str, int | None]]:
    rows = db.session.execute(
        select(Notice.kind, Notice.actor_id).where(Notice.bee_id == bee.id).order_by(Notice.id)
    )
    return [tuple(row) for row in rows]


def unread(bee) -> int:
    return db.session.get(Bee, bee.id, populate_existing=True).unread_notices


def test_follows_comments_and_replies_tell_the_right_bees(app):
    author, fan, replier = make_bee(), make_bee(), make_bee()
    follow(fan, author)
    post = make_post(author)
    comment = comments.add_comment(fan, post, "Great post.")
    comments.add_comment(replier, post, "Agreed!", comment.id)
    comments.add_comment(author, post, "Thank you both.", comment.id)
    assert kinds(author) == [("followed", fan.id), ("commented", fan.id), ("commented", replier.id)]
    assert kinds(fan) == [("replied", replier.id), ("replied", author.id)]
    assert kinds(replier) == []  # nobody answered the replier
    assert unread(author) == 3
    unfollow(fan, author)  # an unread follow notice goes with the follow
    assert kinds(author)[0] == ("commented", fan.id)
    assert unread(author) == 2


def test_join_requests_tell_the_hives_leaders_and_a_withdrawn_one_is_taken_back(app):
    owner, moderator, asker = make_bee(), make_bee(), make_bee()
    hive = create_hive(owner, "Circle", "Private.", "", is_private=True)
    join_hive(moderator, hive)
    roles.answer_request(owner, hive, moderator, approve=True)
    roles.appoint_moderator(owner, hive, moderator)
    join_hive(asker, hive)
    assert ("join_requested", asker.id) in kinds(owner)
    assert ("join_requested", asker.id) in kinds(moderator)
    withdraw_request(asker, hive)
    assert ("join_requested", asker.id) not in kinds(owner)


def test_a_kind_turned_off_is_not_written_and_moderation_is_always_told(app):
    author, fan = make_bee(), make_bee()
    assert services.preferences(author.id)["followed"] is True
    services.set_preferences(author, ["commented"])
    assert services.preferences(author.id) == {
        name: name == "commented" for name in services.preferences(author.id)
    }
    follow(fan, author)
    post = make_post(author)
    comments.add_comment(fan, post, "Hello.")
    assert kinds(author) == [("commented", fan.id)]
    with pytest.raises(ValidationError):
        services.set_preferences(author, ["commented", "banned"])  # not a kind one may turn off
    assert services.preferences(author.id)["commented"] is True  # nothing half-written


def test_marking_one_or_all_read_keeps_the_badge_exact(app):
    bee, other = make_bee(), make_bee()
    for follower in (make_bee(), make_bee(), make_bee()):
        follow(follower, bee)
    first, second, _third = db.session.scalars(
        select(Notice.id).where(Notice.bee_id == bee.id).order_by(Notice.id)
    )
    services.mark_read(bee, first)
    services.mark_read(bee, first)  # again: harmless
    assert unread(bee) == 2
    with pytest.raises(NotFound):
        services.mark_read(other, second)  # someone else's
    assert unread(bee) == 2
    services.mark_all_read(bee)
    assert unread(bee) == 0
    assert services.unread_counts(bee.id) == {"notices": 0, "messages": 0}


def test_the_notices_pages(app, client, login):
    bee, fan = make_bee(), make_bee()
    follow(fan, bee)
    login(bee)
    page = client.get("/notices").get_data(as_text=True)
    assert "follows you now" in page
    assert f"@{fan.handle}" in page
    notice_id = db.session.scalar(select(Notice.id).where(Notice.bee_id == bee.id))
    response = client.post(f"/notices/{notice_id}/read", data={"next": "https://evil.example/"})
    assert response.headers["Location"] == "/notices"
    assert client.get("/notices/unread").json == {"notices": 0, "messages": 0}
    assert client.post("/notices/999999/read").status_code == 404
    assert client.get("/settings/notices").status_code == 200
    saved = client.post("/settings/notices", data={"kinds": ["followed", "nonsense"]})
    assert saved.status_code == 422
    assert "Choose among the kinds" in saved.get_data(as_text=True)
    assert client.post("/settings/notices", data={"kinds": ["followed"]}).status_code == 302
    assert services.preferences(bee.id)["followed"] is True
    assert services.preferences(bee.id)["relevant"] is False
