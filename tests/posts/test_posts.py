"""Publishing, reading, editing and deleting honey and buzz."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.posts import queries
from app.posts.models import BUZZ_MAX, HONEY_MAX, Post, PostState
from app.posts.services import delete_post, edit_post, publish_post
from app.profiles.services import follow
from tests.factories import make_bee, make_hive, make_post


def post_count() -> int:
    return db.session.scalar(select(func.count(Post.id)))


def test_buzz_reaches_followers_and_hive_members(app):
    author, fan, member, both, stranger = (make_bee() for _ in range(5))
    hive = make_hive(owner=author, members=[member, both])
    follow(fan, author)
    follow(both, author)
    post = publish_post(author, "buzz", "Hello **hive**", None, [hive.id])
    assert post.delivered_count == 3  # fan, member, both (once); never the author or a stranger
    for bee in (author, fan, member, both):
        assert post.id in [p.id for p in queries.home_feed(bee.id).posts]
    assert queries.home_feed(stranger.id).posts == []
    assert [p.id for p in queries.hive_feed(hive.id).posts] == [post.id]


def test_markdown_is_rendered_once_on_write_and_sanitized(app):
    post = make_post(make_bee(), "Hi <script>alert(1)</script> [x](javascript:alert(1)) **b**")
    assert "<strong>b</strong>" in post.body_html
    assert "<script>" not in post.body_html
    assert "javascript:" not in post.body_html
    assert post.body_source.startswith("Hi <script>")


def test_honey_has_a_title_and_its_own_url(app, client):
    author = make_bee(handle="writer")
    first = publish_post(author, "honey", "# Body\n\ntext", "Why We Run Trails")
    second = publish_post(author, "honey", "another", "Why we run trails!")
    assert (first.slug, second.slug) == ("why-we-run-trails", "why-we-run-trails-2")
    html = client.get("/@writer/why-we-run-trails").get_data(as_text=True)
    assert "Why We Run Trails" in html
    assert client.get(f"/posts/{first.id}").headers["Location"] == "/@writer/why-we-run-trails"
    other = make_bee()
    assert publish_post(other, "honey", "x", "Why We Run Trails").slug == "why-we-run-trails"


def test_feeds_show_honey_as_title_and_excerpt_and_the_article_page_in_full(app, client):
    author = make_bee(handle="essayist")
    body = "## Start\n\nThe opening paragraph sets the scene.\n\n" + "Middle words. " * 40 + "\n\nTHE-ENDING."
    post = publish_post(author, "honey", body, "A Long Essay")
    assert post.excerpt.startswith("The opening paragraph sets the scene. Middle words.")
    assert post.excerpt.endswith("…")

    profile = client.get("/@essayist").get_data(as_text=True)
    assert "The opening paragraph sets the scene." in profile
    assert "Read the article" in profile
    assert "THE-ENDING" not in profile
    assert '<h2 dir="auto">Start</h2>' not in profile

    article = client.get("/@essayist/a-long-essay").get_data(as_text=True)
    assert "THE-ENDING" in article
    assert article.count("A Long Essay</") == 1

    edited = edit_post(author, post, "Now it is short.", "A Long Essay")
    assert edited.excerpt == "Now it is short."
    delete_post(author, edited)
    assert db.session.get(Post, post.id).excerpt == ""


def test_text_past_the_formatting_limits_gets_a_clear_message(app):
    author = make_bee()
    with pytest.raises(ValidationError, match="nested too deeply"):
        publish_post(author, "buzz", "- " * 1400 + "deep")
    with pytest.raises(ValidationError, match="at most 500 links"):
        publish_post(author, "honey", "[a](https://example.org) " * 501, "Links")
    post = publish_post(author, "honey", "[a](https://example.org) " * 500, "Links")
    assert post.body_html.count("<a ") == 500
    with pytest.raises(ValidationError, match="nested too deeply"):
        edit_post(author, post, "1. " * 1000, "Links")
    assert post_count() == 1


def test_honey_slugs_avoid_profile_pages(app, client):
    author = make_bee(handle="poet")
    post = publish_post(author, "honey", "x", "Followers")
    assert post.slug == "followers-honey"
    assert client.get("/@poet/followers-honey").status_code == 200


@pytest.mark.parametrize(
    ("kind", "title", "body", "field"),
    [
        ("buzz", None, "", "body"),
        ("buzz", None, "   \n ", "body"),
        ("buzz", None, "x" * (BUZZ_MAX + 1), "body"),
        ("honey", "T", "x" * (HONEY_MAX + 1), "body"),
        ("honey", "", "body", "title"),
        ("honey", "t" * 201, "body", "title"),
        ("poem", None, "body", "kind"),
    ],
)
def test_publish_refuses_bad_input(app, kind, title, body, field):
    with pytest.raises(ValidationError) as caught:
        publish_post(make_bee(), kind, body, title)
    assert caught.value.field == field
    assert post_count() == 0


def test_limits_are_inclusive(app):
    bee = make_bee()
    assert publish_post(bee, "buzz", "x" * BUZZ_MAX).id


def test_only_members_post_to_a_hive_and_unknown_hives_are_refused(app):
    author = make_bee()
    hive = make_hive()
    with pytest.raises(PermissionDenied):
        publish_post(author, "buzz", "hi", None, [hive.id])
    with pytest.raises(ValidationError):
        publish_post(author, "buzz", "hi", None, [999_999])
    assert post_count() == 0


def test_edit_marks_edited_and_keeps_place(app):
    author = make_bee()
    post = make_post(author, "first")
    later = make_post(author, "second")
    edited = edit_post(author, post, "first, **fixed**")
    assert edited.state == PostState.EDITED
    assert edited.edited_at is not None
    assert "<strong>fixed</strong>" in edited.body_html
    assert [p.id for p in queries.profile_feed(author.id).posts] == [later.id, post.id]


def test_only_the_author_edits_or_deletes(app):
    author, other = make_bee(), make_bee()
    post = make_post(author, "mine")
    with pytest.raises(PermissionDenied):
        edit_post(other, post, "hijacked")
    with pytest.raises(PermissionDenied):
        delete_post(other, post)
    db.session.refresh(post)
    assert post.body_source == "mine"
    assert post.state == PostState.PUBLISHED


def test_delete_removes_from_every_feed_and_erases_text(app):
    author, fan = make_bee(), make_bee()
    hive = make_hive(owner=author)
    follow(fan, author)
    post = make_post(author, "to be deleted", hives=[hive])
    delete_post(author, post)
    for feed in (
        queries.home_feed(fan.id),
        queries.home_feed(author.id),
        queries.hive_feed(hive.id),
        queries.profile_feed(author.id),
    ):
        assert feed.posts == []
    db.session.refresh(post)
    assert post.body_source == ""
    assert post.body_html == ""
    with pytest.raises(NotFound):
        edit_post(author, post, "back?")


def test_post_pages_show_delivery_and_edit_controls(app, client, login):
    author = login(make_bee(handle="author"))
    fan = make_bee()
    follow(fan, author)
    post = make_post(author, "A buzz")
    html = client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert "Delivered to 1 bee" in html
    assert f"/posts/{post.id}/edit" in html


def test_compose_edit_and_delete_through_the_pages(app, client, login):
    author = login(make_bee(handle="composer"))
    hive = make_hive(owner=author, name="Sourdough")
    response = client.post(
        "/write", data={"kind": "buzz", "body": "Levain is **bubbly**", "hives": [str(hive.id)]}
    )
    assert response.status_code == 302
    post = db.session.scalar(select(Post))
    assert [h.id for h in post.hives] == [hive.id]
    assert "Levain is" in client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    response = client.post(f"/posts/{post.id}/edit", data={"body": "Levain is ready"})
    assert response.status_code == 302
    html = client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert "Levain is ready" in html
    assert "edited" in html
    assert "Delete this post?" in client.get(f"/posts/{post.id}/delete").get_data(as_text=True)
    assert client.post(f"/posts/{post.id}/delete").status_code == 302
    assert client.get(f"/posts/{post.id}").status_code == 404


def test_honey_through_the_composer_goes_to_its_page(app, client, login):
    login(make_bee(handle="essayist"))
    response = client.post(
        "/write", data={"kind": "honey", "title": "On Ink", "body": "## Reed pens\n\nText"}
    )
    assert response.headers["Location"] == "/@essayist/on-ink"


def test_bad_composer_input_is_a_4xx_and_writes_nothing(app, client, login):
    login(make_bee())
    stranger_hive = make_hive()
    cases = [
        {"kind": "buzz", "body": ""},
        {"kind": "buzz", "body": "x" * (BUZZ_MAX + 1)},
        {"kind": "honey", "title": "", "body": "text"},
        {"kind": "buzz", "body": "hi", "hives": ["999999"]},
        {"kind": "buzz", "body": "hi", "hives": ["not-a-number"]},
        {"kind": "buzz", "body": "hi", "hives": [str(stranger_hive.id)]},
        {"kind": "essay", "body": "hi"},
        {"kind": "buzz", "body": "- " * 1400 + "x"},
        {"kind": "honey", "title": "Links", "body": "[a](https://example.org) " * 501},
    ]
    for data in cases:
        response = client.post("/write", data=data)
        assert 400 <= response.status_code < 500, (data, response.status_code)
    assert post_count() == 0


def test_someone_elses_post_cannot_be_edited_or_deleted_through_the_pages(app, client, login):
    post = make_post(make_bee(), "not yours")
    login(make_bee())
    assert client.get(f"/posts/{post.id}/edit").status_code == 403
    assert client.post(f"/posts/{post.id}/edit", data={"body": "mine now"}).status_code == 403
    assert client.post(f"/posts/{post.id}/delete").status_code == 403
    db.session.refresh(post)
    assert post.body_source == "not yours"


def test_missing_posts_and_bad_cursors(app, client, login):
    login(make_bee())
    assert client.get("/posts/424242").status_code == 404
    assert client.get("/@nobody/some-slug").status_code == 404
    for cursor in ("abc", "-1", "0", "9" * 30, "1e5", "٣"):
        assert client.get("/", query_string={"before": cursor}).status_code == 422, cursor


def test_home_feed_pages_show_older_link_and_the_end(app, client, login):
    bee = login(make_bee())
    ids = [make_post(bee, f"post number {i}").id for i in range(25)]
    first = client.get("/").get_data(as_text=True)
    assert "post number 24" in first
    assert "post number 4" not in first
    assert f"before={ids[5]}" in first
    second = client.get("/", query_string={"before": ids[5]}).get_data(as_text=True)
    assert "post number 4" in second
    assert "post number 0" in second
    assert "You have reached the very first post." in second


def test_a_post_in_two_of_my_hives_fills_one_slot_of_a_page(app):
    """Regression: the hive branch once counted a post once per hive against the page limit."""
    reader, author = make_bee(), make_bee()
    first, second = make_hive(owner=author, members=[reader]), make_hive(owner=author, members=[reader])
    older = make_post(author, "older, one hive", hives=[first])
    newer = make_post(author, "newer, two hives", hives=[first, second])
    page = queries.home_feed(reader.id, limit=1)
    assert [p.id for p in page.posts] == [newer.id]
    assert page.next_cursor == newer.id
    assert [p.id for p in queries.home_feed(reader.id, before=page.next_cursor, limit=1).posts] == [older.id]
    assert newer.delivered_count == 1


def test_feed_cards_carry_every_hive_by_name_and_a_page_counts_posts_not_hives(app):
    """A card lists all its hives in name order; three hives still make one post of the page."""
    author = make_bee()
    hives = [make_hive(owner=author, name=name) for name in ("Zither makers", "Apiarists", "Mosaic")]
    plain = make_post(author, "no hive")
    spread = make_post(author, "three hives", hives=hives)
    for feed in (
        queries.profile_feed(author.id, limit=1),
        queries.hive_feed(hives[0].id, limit=1),
        queries.home_feed(author.id, limit=1),
    ):
        [card] = feed.posts
        assert card.id == spread.id
        assert [hive.name for hive in card.hives] == ["Apiarists", "Mosaic", "Zither makers"]
        assert card.author.handle == author.handle
    older = queries.profile_feed(author.id, before=spread.id, limit=1)
    assert [(card.id, card.hives) for card in older.posts] == [(plain.id, [])]
    assert older.next_cursor is None


def test_card_links_built_from_a_pattern_equal_url_for(app):
    """Feed cards build their per-post links from one URL per page: the same links url_for gives,
    under a script root too."""
    from flask import url_for

    from app.templating import url_with_id

    for base in ("http://localhost/", "http://localhost/apiary/"):
        with app.test_request_context("/", base_url=base):
            for endpoint in ("posts.show", "posts.edit", "posts.delete", "posts.report", "posts.remove"):
                for post_id in (1, 42, 2_147_483_646):
                    assert url_with_id(endpoint, "post_id", post_id) == url_for(endpoint, post_id=post_id)
