"""Following and unfollowing, counts and lists, profile pages and settings."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied, ValidationError
from app.posts import queries
from app.profiles.data import ProfileData
from app.profiles.queries import follow_counts
from app.profiles.record import update_brand
from app.profiles.services import follow, is_following, unfollow
from tests.factories import make_bee, make_hive, make_post


def test_follow_and_unfollow_change_counts_and_lists(app, client):
    ana, ben, cy = make_bee(handle="ana"), make_bee(handle="ben"), make_bee(handle="cy")
    assert follow(ben, ana) is True
    assert follow(cy, ana) is True
    assert follow(cy, ana) is False  # already following: nothing changes
    assert follow_counts(ana.id) == (2, 0)
    assert follow_counts(cy.id) == (0, 1)
    html = client.get("/@ana/followers").get_data(as_text=True)
    assert "@ben" in html
    assert "@cy" in html
    assert unfollow(cy, ana) is True
    assert unfollow(cy, ana) is False
    assert follow_counts(ana.id) == (1, 0)
    assert "@cy" not in client.get("/@ana/followers").get_data(as_text=True)
    assert "@ana" in client.get("/@ben/following").get_data(as_text=True)


def test_nobody_follows_themselves(app):
    bee = make_bee()
    with pytest.raises(PermissionDenied):
        follow(bee, bee)
    assert not is_following(bee.id, bee.id)


def test_follow_brings_earlier_posts_and_unfollow_takes_them_out(app):
    author, reader = make_bee(), make_bee()
    old = make_post(author, "written before the follow")
    assert queries.home_feed(reader.id).posts == []
    follow(reader, author)
    assert [p.id for p in queries.home_feed(reader.id).posts] == [old.id]
    unfollow(reader, author)
    assert queries.home_feed(reader.id).posts == []


def test_unfollow_keeps_posts_still_reachable_through_a_hive(app):
    author, reader = make_bee(), make_bee()
    hive = make_hive(owner=author, members=[reader])
    in_hive = make_post(author, "in the hive", hives=[hive])
    outside = make_post(author, "followers only")
    follow(reader, author)
    unfollow(reader, author)
    assert [p.id for p in queries.home_feed(reader.id).posts] == [in_hive.id]
    assert outside.id not in [p.id for p in queries.home_feed(reader.id).posts]


def test_follow_buttons_work_through_the_pages(app, client, login):
    login(make_bee(handle="reader"))
    make_bee(handle="writer", display_name="Writer W")
    response = client.post("/@writer/follow")
    assert response.status_code == 302
    page = client.get("/@writer").get_data(as_text=True)
    assert "1 follower" in page
    assert "Unfollow" in page
    client.post("/@writer/unfollow")
    assert "0 followers" in client.get("/@writer").get_data(as_text=True)


def test_following_yourself_through_the_page_is_refused(app, client, login):
    login(make_bee(handle="selfie"))
    assert client.post("/@selfie/follow").status_code == 403
    assert follow_counts(make_bee().id) == (0, 0)


def test_unknown_bee_is_a_404(app, client, login):
    assert client.get("/@nobody_here").status_code == 404
    login(make_bee())
    assert client.post("/@nobody_here/follow").status_code == 404


def test_profile_shows_name_handle_headline_hives_and_posts(app, client):
    bee = make_bee(handle="samira", display_name="سميرة", headline="Data reporter · trail runner")
    hive = make_hive(owner=bee, name="Trail Running")
    make_post(bee, "Hill repeats today", hives=[hive])
    html = client.get("/@samira").get_data(as_text=True)
    for text in ("سميرة", "@samira", "Data reporter · trail runner", "Trail Running", "Hill repeats today"):
        assert text in html


def test_update_profile_validates(app):
    bee = make_bee()
    update_brand(bee, ProfileData(" Dana  Demo ", "Designer"))
    assert (bee.display_name, bee.headline) == ("Dana Demo", "Designer")
    with pytest.raises(ValidationError):
        update_brand(bee, ProfileData("Dana", "x" * 121))
    with pytest.raises(ValidationError):
        update_brand(bee, ProfileData("", "ok"))


def test_profile_settings_page(app, client, login):
    bee = login(make_bee(handle="editme"))
    response = client.post("/settings/profile", data={"display_name": "New Name", "headline": "Baker"})
    assert response.status_code == 302
    assert "New Name" in client.get("/@editme").get_data(as_text=True)
    response = client.post("/settings/profile", data={"display_name": "", "headline": "Baker"})
    assert response.status_code == 422
    assert bee.handle == "editme"
