"""Blocks and mutes: what each bee controls, and what it does to feeds and delivery counts."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.extensions import db
from app.hives.services import join_hive, leave_hive
from app.posts import queries
from app.profiles import services
from tests.factories import make_bee, make_hive, make_post


def count(post) -> int:
    db.session.refresh(post)
    return post.delivered_count


def ids(page) -> list[int]:
    return [post.id for post in page.posts]


def test_blocking_ends_follows_both_ways_and_refuses_new_ones(app):
    a, b = make_bee(), make_bee()
    services.follow(a, b)
    services.follow(b, a)
    post = make_post(a)
    assert count(post) == 1
    assert services.block(a, b) is True
    assert not services.is_following(a.id, b.id)
    assert not services.is_following(b.id, a.id)
    assert count(post) == 0
    for follower, followee in ((a, b), (b, a)):
        with pytest.raises(PermissionDenied):
            services.follow(follower, followee)
    assert services.block(a, b) is False  # already blocked: nothing changes


def test_blocked_bees_never_see_each_other_through_a_shared_hive(app):
    a, b, other = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=other, members=[a, b])
    by_a, by_b = make_post(a, hives=[hive]), make_post(b, hives=[hive])
    assert (count(by_a), count(by_b)) == (2, 2)
    services.block(b, a)
    assert (count(by_a), count(by_b)) == (1, 1)  # only the hive's owner now
    assert by_a.id not in ids(queries.home_feed(b.id))
    assert by_b.id not in ids(queries.home_feed(a.id))
    assert ids(queries.hive_feed(hive.id, viewer_id=a.id)) == [by_a.id]
    assert ids(queries.hive_feed(hive.id, viewer_id=other.id)) == [by_b.id, by_a.id]
    assert ids(queries.profile_feed(a.id, viewer_id=b.id)) == []  # the query itself refuses
    assert ids(queries.profile_feed(a.id, viewer_id=other.id)) == [by_a.id]
    services.unblock(b, a)
    assert (count(by_a), count(by_b)) == (2, 2)
    assert by_a.id in ids(queries.home_feed(b.id))


def test_a_block_both_ways_is_counted_once(app):
    a, b, owner = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[a, b])
    post = make_post(a, hives=[hive])
    services.block(a, b)
    services.block(b, a)
    assert count(post) == 1
    services.unblock(a, b)
    assert count(post) == 1  # b still blocks a
    services.unblock(b, a)
    assert count(post) == 2


def test_joining_or_leaving_a_hive_across_a_block_moves_no_count(app):
    a, b = make_bee(), make_bee()
    hive = make_hive(owner=a)
    post = make_post(a, hives=[hive])
    services.block(a, b)
    join_hive(b, hive)
    assert count(post) == 0
    assert ids(queries.home_feed(b.id)) == []
    leave_hive(b, hive)
    assert count(post) == 0


def test_muting_hides_posts_from_my_feeds_only_and_moves_no_count(app):
    reader, author, other = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=other, members=[reader, author])
    services.follow(reader, author)
    followed, in_hive = make_post(author), make_post(author, hives=[hive])
    by_other = make_post(other, hives=[hive])
    before = (count(followed), count(in_hive))
    services.mute(reader, author)
    assert ids(queries.home_feed(reader.id)) == [by_other.id]
    assert ids(queries.hive_feed(hive.id, viewer_id=reader.id)) == [by_other.id]
    assert ids(queries.hive_feed(hive.id, viewer_id=other.id)) == [by_other.id, in_hive.id]
    assert (count(followed), count(in_hive)) == before
    assert services.is_following(reader.id, author.id)  # the follow itself stays
    services.unmute(reader, author)
    assert ids(queries.home_feed(reader.id)) == [by_other.id, in_hive.id, followed.id]


def test_muting_a_hive_keeps_the_membership_and_the_hive_page(app):
    reader, author = make_bee(), make_bee()
    hive = make_hive(owner=author, members=[reader])
    post = make_post(author, hives=[hive])
    services.mute_hive(reader, hive)
    assert ids(queries.home_feed(reader.id)) == []
    assert ids(queries.hive_feed(hive.id, viewer_id=reader.id)) == [post.id]
    assert count(post) == 1
    services.follow(reader, author)
    assert ids(queries.home_feed(reader.id)) == [post.id]  # still reaches me as a followed author's
    services.unfollow(reader, author)
    services.unmute_hive(reader, hive)
    assert ids(queries.home_feed(reader.id)) == [post.id]


def test_a_bee_cannot_block_or_mute_itself(app):
    bee = make_bee()
    for action in (services.block, services.mute):
        with pytest.raises(PermissionDenied):
            action(bee, bee)


def test_block_and_mute_through_the_pages(app, client, login):
    me, them = login(make_bee()), make_bee(handle="noisy")
    post = make_post(them)
    assert "Neither of you sees" in client.get("/@noisy/block").get_data(as_text=True)
    assert client.post("/@noisy/block").status_code == 302
    page = client.get("/@noisy").get_data(as_text=True)
    assert "You blocked this bee" in page
    assert f'id="post-{post.id}"' not in page
    assert client.get(f"/posts/{post.id}").status_code == 404
    assert "noisy" in client.get("/settings/controls").get_data(as_text=True)
    assert client.post("/@noisy/unblock").status_code == 302
    assert client.post("/@noisy/mute").status_code == 302
    controls = client.get("/settings/controls").get_data(as_text=True)
    assert "Muted bees" in controls
    assert "@noisy" in controls
    assert client.get(f"/posts/{post.id}").status_code == 200  # a mute hides from feeds, not pages
    assert me
