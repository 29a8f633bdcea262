"""Search posts, bees and hives: every script, newest first or best first, kept current, never a 500."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from app.extensions import db
from app.posts.services import delete_post, edit_post
from app.profiles.data import ProfileData
from app.profiles.record import update_brand
from app.search.index import TABLES
from tests.factories import make_bee, make_hive, make_post


def found(client, query: str, tab: str = "posts", **args) -> list[str]:
    """Ids of the results on the page (``post-12``, ``bee-3``, …)."""
    page = client.get("/search", query_string={"q": query, "in": tab, **args})
    assert page.status_code == 200, page.get_data(as_text=True)[-500:]
    return re.findall(r'id="result-([a-z]+-\d+)"', page.get_data(as_text=True))


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Receta de pan: la canción del horno", "cancion"),
        ("Receta de pan: la cancion del horno", "canción"),
        ("تعلّمتُ اليومَ كتابةَ الحروفِ بالقلمِ", "تعلمت الحروف"),
        ("تعلمت اليوم كتابة الحروف بالقلم", "الحُرُوف"),
        ("לָמַדְתִּי הַיּוֹם לִכְתֹּב", "למדתי לכתב"),
        ("למדתי היום לכתוב", "לָמַדְתִּי"),
        ("آج میں نے خطاطی سیکھی", "خطاطی"),
        ("ہم نے پاکستان میں چائے پی", "پاكستان"),
        ("ہمیں کتابوں سے مُحَبَّت ہے", "محبت"),
        ("ہمیں کتابوں سے محبت ہے", "مُحَبَّت"),
    ],
)
def test_posts_are_found_with_or_without_diacritics(client, written, typed):
    post = make_post(make_bee(), written)
    make_post(make_bee(), "Something else entirely.")

    assert found(client, typed) == [f"post-{post.id}"]


def test_posts_come_newest_first_a_page_at_a_time_and_only_visible_ones(client):
    author = make_bee()
    posts = [make_post(author, f"Sourdough diary, day {n}") for n in range(25)]
    delete_post(author, posts[3])

    first = client.get("/search", query_string={"q": "sourdough"}).get_data(as_text=True)
    first_ids = re.findall(r'id="result-post-(\d+)"', first)
    cursor = re.search(r'rel="next" href="[^"]*after=(\d+)', first).group(1)
    second_ids = found(client, "sourdough", after=cursor)

    expected = [str(post.id) for post in reversed(posts) if post is not posts[3]]
    assert first_ids == expected[:20]
    assert [result.removeprefix("post-") for result in second_ids] == expected[20:]


def test_matched_words_are_highlighted_and_content_stays_escaped(client):
    make_bee(display_name="<script>alert(1)</script> Ruiz", headline="Baker of <b>bread</b>")

    page = client.get("/search", query_string={"q": "ruiz bread", "in": "bees"}).get_data(as_text=True)

    assert "<mark>Ruiz</mark>" in page
    assert "&lt;b&gt;<mark>bread</mark>&lt;/b&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_bees_and_hives_come_best_match_first(client):
    in_headline = make_bee(display_name="Sam Ortiz", headline="I love pottery and glaze")
    in_name = make_bee(display_name="Pottery Pete", headline="Weekend wheel thrower")
    tagged = make_hive(name="Clay Club", description="Wheel and kiln.", tags="pottery ceramics")
    named = make_hive(name="Pottery Makers", description="Hand building.", tags="clay")

    assert found(client, "pottery", "bees") == [f"bee-{in_name.id}", f"bee-{in_headline.id}"]
    assert found(client, "pottery", "hives") == [f"hive-{named.id}", f"hive-{tagged.id}"]


def test_relevance_pages_follow_on_without_repeats(client):
    bees = [make_bee(display_name=f"Quilter {n}") for n in range(23)]

    first = client.get("/search", query_string={"q": "quilter", "in": "bees"}).get_data(as_text=True)
    cursor = re.search(r'rel="next" href="[^"]*after=([^"&]+)', first).group(1)
    rest = found(client, "quilter", "bees", after=cursor.replace("%3A", ":"))

    shown = re.findall(r'id="result-(bee-\d+)"', first) + rest
    assert sorted(shown) == sorted(f"bee-{bee.id}" for bee in bees)
    assert len(shown) == len(set(shown)) == 23


def test_the_index_follows_edits_deletions_and_profile_changes(client):
    author = make_bee(display_name="Lina Haddad")
    post = make_post(author, "Notes on indigo dye")
    assert found(client, "indigo") == [f"post-{post.id}"]

    edit_post(author, post, "Notes on madder root")
    assert found(client, "indigo") == []
    assert found(client, "madder") == [f"post-{post.id}"]

    delete_post(author, post)
    assert found(client, "madder") == []

    update_brand(author, ProfileData("Lina Haddad", "Natural dyer in Amman"))
    assert found(client, "amman", "bees") == [f"bee-{author.id}"]
    hive = make_hive(name="Natural Dyes", tags="indigo madder")
    assert found(client, "madder", "hives") == [f"hive-{hive.id}"]


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "OR OR", 'a" OR "b', ")(", "^foo", "-", "foo:bar", "'; DROP TABLE posts; --"]
)
@pytest.mark.parametrize("tab", ["posts", "bees", "hives"])
def test_query_syntax_is_never_an_error(client, query, tab):
    make_post(make_bee(), "or near foo bar drop table posts")

    page = client.get("/search", query_string={"q": query, "in": tab})

    assert page.status_code == 200


def test_an_empty_query_shows_the_box_and_a_word_less_one_says_so(client):
    assert client.get("/search").status_code == 200
    page = client.get("/search", query_string={"q": '" * ('})
    assert page.status_code == 200
    assert "Type a word to search for." in page.get_data(as_text=True)


def test_a_huge_query_gets_a_clear_message(client):
    page = client.get("/search", query_string={"q": "a" * 10_000})

    assert page.status_code == 422
    assert "Search for at most 200 characters." in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("tab", "after"),
    [("posts", "abc"), ("posts", "-5"), ("bees", "x:y"), ("bees", "nan:3"), ("hives", "1.0:0")],
)
def test_a_malformed_page_link_gets_a_clear_message(client, tab, after):
    make_bee(display_name="Anyone")

    page = client.get("/search", query_string={"q": "anyone", "in": tab, "after": after})

    assert page.status_code == 422
    assert "That page link is malformed." in page.get_data(as_text=True)


def test_an_unknown_tab_searches_posts(client):
    post = make_post(make_bee(), "Kombucha second ferment")

    assert found(client, "kombucha", "everything") == [f"post-{post.id}"]


def test_rebuild_remakes_the_index_from_the_rows(app, client):
    post = make_post(make_bee(display_name="Omar Saleh"), "Falafel at the night market")
    for table in TABLES.values():
        db.session.execute(text(f"DELETE FROM {table}"))
    db.session.commit()
    assert found(client, "falafel") == []

    result = app.test_cli_runner().invoke(args=["search", "rebuild"])

    assert result.exit_code == 0, result.output
    assert "1 posts" in result.output
    assert found(client, "falafel") == [f"post-{post.id}"]
    assert found(client, "omar", "bees") != []


def test_the_search_box_is_on_every_page(client):
    for path in ["/", "/hives/", "/login"]:
        page = client.get(path).get_data(as_text=True)
        assert 'action="/search"' in page, path
