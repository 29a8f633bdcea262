"""What a live page fetches after an event: only newer posts, only what its session may see."""

from __future__ import annotations

from app.hives.services import create_hive
from app.posts import comments
from app.profiles.services import block, follow
from tests.factories import make_bee, make_hive, make_post


def test_a_home_feed_fetches_the_posts_newer_than_its_newest(app, client, login):
    reader, author, stranger = make_bee(), make_bee(), make_bee()
    follow(reader, author)
    old = make_post(author, "Old news.")
    new = [make_post(author, f"Fresh {n}.") for n in range(3)]
    make_post(stranger, "Not for this feed.")
    login(reader)
    fresh = client.get(f"/live/home?after={old.id}").json
    assert fresh["posts"] == [post.id for post in reversed(new)]
    assert fresh["complete"] is True
    assert fresh["html"].count('class="card mb-3 post"') == 3
    assert "Not for this feed." not in fresh["html"]
    assert 'name="next" value="/"' in fresh["html"]  # a card's forms return to the feed, not here
    assert client.get(f"/live/home?after={new[-1].id}").json["posts"] == []
    assert client.get("/live/home?after=abc").status_code == 422


def test_a_feed_that_missed_too_much_is_told_to_reload(app, client, login):
    reader, author = make_bee(), make_bee()
    follow(reader, author)
    first = make_post(author)
    for n in range(51):
        make_post(author, f"Post {n}.")
    login(reader)
    assert client.get(f"/live/home?after={first.id}").json["complete"] is False


def test_hive_and_profile_fetches_follow_their_pages_rules(app, client, login):
    owner, outsider, author = make_bee(), make_bee(), make_bee()
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    public = make_hive(owner=owner, members=[author])
    post = make_post(author, hives=[public])
    login(outsider)
    assert client.get(f"/live/hives/{public.slug}?after=0").json["posts"] == [post.id]
    assert client.get(f"/live/hives/{secret.slug}?after=0").status_code == 403
    assert client.get(f"/live/@{author.handle}?after=0").json["posts"] == [post.id]
    block(author, outsider)
    assert client.get(f"/live/@{author.handle}?after=0").json == {"html": "", "posts": [], "complete": True}


def test_a_new_comment_is_fetched_as_its_page_shows_it(app, client, login):
    author, reader, blocked = make_bee(), make_bee(), make_bee()
    post = make_post(author)
    comment = comments.add_comment(reader, post, "**Bold** words.")
    reply = comments.add_comment(author, post, "Thanks.", comment.id)
    login(reader)
    answer = client.get(f"/live/comments/{comment.id}").json
    assert answer["comment"] == comment.id
    assert answer["parent"] is None
    assert answer["visible"] is True
    assert "<strong>Bold</strong>" in answer["html"]
    assert 'class="comment-thread' in answer["html"]
    assert client.get(f"/live/comments/{reply.id}").json["parent"] == comment.id
    block(reader, author)
    assert client.get(f"/live/comments/{reply.id}").status_code == 404
    login(blocked)
    assert client.get("/live/comments/999999").status_code == 404


def test_an_empty_conversation_page_is_ready_for_the_first_message_live(app, client, login):
    me, other = make_bee(), make_bee()
    login(me)
    page = client.get(f"/messages/@{other.handle}").get_data(as_text=True)
    assert f'data-live-with="{other.id}"' in page
    assert 'data-live-conversation=""' in page
    assert '<ol class="list-unstyled messages"' in page  # where the first message appears


def test_more_new_posts_than_the_first_short_read_are_all_fetched(app, client, login):
    from app.posts.live_routes import FRESH_FIRST

    reader, author = make_bee(), make_bee()
    follow(reader, author)
    seen = make_post(author, "Seen.")
    new = [make_post(author, f"New {n}.") for n in range(FRESH_FIRST + 3)]
    login(reader)
    fresh = client.get(f"/live/home?after={seen.id}").json
    assert fresh["posts"] == [post.id for post in reversed(new)]
    assert fresh["complete"] is True
