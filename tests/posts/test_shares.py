"""Shares: a post passed on reaches its own whole audience, counts its own delivery, shows the
original embedded, and says so when the original is gone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.admin import services as admin_services
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.hives import moderation, roles
from app.hives.services import create_hive, join_hive
from app.notifications.models import Notice
from app.posts import delivery, queries, services, shares
from app.posts.models import Post
from app.profiles.services import block, follow
from tests.factories import make_bee, make_hive, make_post


def fresh(post) -> Post:
    return db.session.get(Post, post.id, populate_existing=True)


def test_a_share_reaches_the_sharers_audience_and_counts_its_own_delivery(app):
    author, sharer, fan, member = make_bee(), make_bee(), make_bee(), make_bee()
    hive = make_hive(members=[sharer, member])
    follow(fan, sharer)
    original = make_post(author, "Worth reading.")
    share = shares.share_post(sharer, original, "So true, @nobody_here.", [hive.id])
    assert share.is_share
    assert share.shared_post_id == original.id
    audience = set(delivery.audience_ids(sharer.id, [hive.id]))
    assert {fan.id, member.id} <= audience
    assert share.delivered_count == len(audience)
    assert original.delivered_count == 0  # the author has no followers: the share is the reach
    assert fresh(original).share_count == 1
    for reader in (fan, member):
        page = queries.home_feed(reader.id)
        assert [post.id for post in page.posts] == [share.id]
        assert page.originals[original.id].id == original.id
    told = db.session.scalars(select(Notice).where(Notice.bee_id == author.id)).all()
    assert [(notice.kind, notice.actor_id, notice.post_id) for notice in told] == [
        ("shared", sharer.id, share.id)
    ]


def test_sharing_a_share_shares_its_original(app):
    author, first, second = make_bee(), make_bee(), make_bee()
    original = make_post(author)
    share = shares.share_post(first, original)
    again = shares.share_post(second, share, "Passing it on.")
    assert again.shared_post_id == original.id
    assert fresh(original).share_count == 2


def test_a_gone_original_shows_as_unavailable(app, client, login):
    author, sharer, fan, admin = make_bee(), make_bee(), make_bee(), make_bee(is_admin=True)
    follow(fan, sharer)
    original = make_post(author, "Soon gone.")
    share = shares.share_post(sharer, original, "Look at this.")
    services.delete_post(author, original)
    page = queries.home_feed(fan.id)
    assert [post.id for post in page.posts] == [share.id]
    assert page.originals == {}
    login(fan)
    html = client.get("/").get_data(as_text=True)
    assert "The shared post is no longer available." in html
    assert "Soon gone." not in html
    other = make_post(author, "Removed later.")
    second = shares.share_post(sharer, other)
    admin_services.remove_sitewide(admin, other, "Against the terms.")
    assert other.id not in queries.home_feed(fan.id).originals
    assert client.get(f"/posts/{second.id}").status_code == 200
    with pytest.raises(NotFound):
        shares.share_post(fan, second)  # nothing left to pass on


def test_who_may_share_what(app):
    owner, member, outsider, banned, blocked = (make_bee() for _ in range(5))
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    join_hive(member, secret)
    roles.answer_request(owner, secret, member, approve=True)
    private_post = make_post(member, hives=[secret])
    with pytest.raises(PermissionDenied):
        shares.share_post(owner, private_post)  # a private hive's post is that hive's alone
    public_hive = make_hive(owner=owner, members=[banned])
    post = make_post(owner, hives=[public_hive])
    moderation.ban(owner, public_hive, banned, "Rule 1.")
    with pytest.raises(PermissionDenied):
        shares.share_post(banned, post)
    block(owner, blocked)
    with pytest.raises(NotFound):
        services.visible_post(post.id, blocked)  # the route's first check: a block hides the post
    with pytest.raises(PermissionDenied):
        shares.share_post(blocked, post)
    with pytest.raises(PermissionDenied):
        shares.share_post(outsider, post, hive_ids=[secret.id])  # not a hive of the sharer's
    with pytest.raises(ValidationError):
        shares.share_post(outsider, post, "x" * 3_001)
    assert fresh(post).share_count == 0


def test_the_share_page_and_the_card(app, client, login):
    author, sharer = make_bee(), make_bee()
    original = make_post(author, "An **original** thought.")
    login(sharer)
    page = client.get(f"/posts/{original.id}/share")
    assert page.status_code == 200
    assert "An <strong>original</strong> thought." in page.get_data(as_text=True)
    too_long = client.post(f"/posts/{original.id}/share", data={"body": "x" * 3_001})
    assert too_long.status_code == 422
    assert client.post(f"/posts/{original.id}/share", data={"body": "Agreed."}).status_code == 302
    share = db.session.scalar(select(Post).where(Post.kind == "share"))
    card = client.get(f"/posts/{share.id}").get_data(as_text=True)
    assert "shared" in card
    assert "Agreed." in card
    assert f'data-original-id="{original.id}"' in card
    profile = client.get(f"/@{sharer.handle}").get_data(as_text=True)
    assert f'data-original-id="{original.id}"' in profile
    services.delete_post(sharer, share)
    assert fresh(original).share_count == 0


def test_a_share_in_a_private_hive_tells_no_outsider_and_its_removal_keeps_the_count(app):
    author, owner, sharer = make_bee(), make_bee(), make_bee()
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    join_hive(sharer, secret)
    roles.answer_request(owner, secret, sharer, approve=True)
    original = make_post(author, "Public thoughts.")
    share = shares.share_post(sharer, original, "For the circle.", [secret.id])
    assert share.private_hive_id == secret.id
    assert db.session.scalars(select(Notice).where(Notice.bee_id == author.id)).all() == []
    assert fresh(original).share_count == 1
    moderation.remove_from_hive(owner, secret, share, "Off topic.")
    assert fresh(original).share_count == 0
    services.delete_post(sharer, fresh(share))
    assert fresh(original).share_count == 0
