"""Bees to know and hives to join: who, why, what never comes back, and feeds untouched."""

from __future__ import annotations

import pytest

from app.db import write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives.services import create_hive, join_hive, leave_hive
from app.posts import queries as feeds
from app.profiles import record
from app.profiles.data import ProfileData, SkillData
from app.profiles.models import utcnow
from app.profiles.services import block, follow
from app.talent.affinity import (
    HIVE_POINTS,
    INTEREST_POINTS,
    SKILL_POINTS,
    bees_to_know,
    dismiss,
    hives_to_join,
)
from tests.factories import make_bee, make_post


def person(handle, *, skills=(), interests=(), hobbies=()):
    bee = make_bee(handle=handle, display_name=handle.title())
    record.replace_profile(
        bee,
        ProfileData(
            handle.title(),
            skills=tuple(SkillData(name) for name in skills),
            interests=tuple(interests),
            hobbies=tuple(hobbies),
        ),
    )
    return bee


def test_bees_are_suggested_by_what_they_share_and_say_why(app):
    me = person("me", skills=("Python",), interests=("Maps", "D3.js"))
    owner = person("owner")
    running = create_hive(owner, "Trail Running", "Hills.", "running")
    data = create_hive(owner, "Data Journalism", "Sheets.", "data")
    for hive in (running, data):
        join_hive(me, hive)
    sara = person("sara", skills=("D3.js",), hobbies=("maps",))
    for hive in (running, data):
        join_hive(sara, hive)
    tom = person("tom", skills=("python",), interests=("Python",))  # a shared skill counts once
    ivy = person("ivy", interests=("python",))
    person("nobody", skills=("Cobol",))
    found = bees_to_know(me)
    assert [item.bee.handle for item in found] == ["sara", "owner", "tom", "ivy"]  # ties: who joined first
    first = found[0]
    assert first.strength == 2 * HIVE_POINTS + INTEREST_POINTS + SKILL_POINTS
    assert first.hives == ["Data Journalism", "Trail Running"]
    assert first.interests == ["maps"]
    assert first.their_skills == ["D3.js"]  # "she lists D3.js", which I am interested in
    assert found[1].strength == 2 * HIVE_POINTS  # the hives' owner shares only the hives
    assert (found[2].bee.id, found[2].strength, found[2].skills, found[2].my_skills) == (
        tom.id,
        SKILL_POINTS,
        ["python"],
        [],
    )
    assert (found[3].bee.id, found[3].my_skills) == (ivy.id, ["Python"])  # interested in what I list
    assert found[3].strength == SKILL_POINTS


def test_followed_blocked_dismissed_and_gone_bees_are_never_suggested(app):
    me = person("me", interests=("Chess",))
    followed, blocker, dismissed, fine = (
        person(name, interests=("chess",)) for name in ("followed", "blocker", "dismissed", "fine")
    )
    gone = person("gone", interests=("chess",))
    with write_transaction():
        db.session.merge(gone).deleted_at = utcnow()
    follow(me, followed)
    block(blocker, me)
    assert dismiss(me, "bee", dismissed.id) is True
    assert dismiss(me, "bee", dismissed.id) is False
    assert [item.bee.id for item in bees_to_know(me)] == [fine.id]


def test_hives_are_suggested_by_topic_and_by_peers_and_never_the_ones_i_left(app):
    me = person("me", skills=("Photography",), interests=("Jazz",))
    owner = person("owner")
    jazz = create_hive(owner, "Jazz", "Swing.", "music")
    photo = create_hive(owner, "Darkroom", "Film.", "photography")
    peers_hive = create_hive(owner, "Evenings", "Out.", "city")
    create_hive(owner, "Secret Jazz", "Hush.", "jazz", is_private=True)
    for n in range(3):
        join_hive(person(f"fan{n}", interests=("jazz",)), peers_hive)
    left = create_hive(owner, "Chess", "Moves.", "photography")
    join_hive(me, left)
    leave_hive(me, left)
    found = {item.hive.name: item for item in hives_to_join(me)}
    assert set(found) == {"Jazz", "Darkroom", "Evenings"}
    assert found["Jazz"].topics == ["Jazz"]
    assert found["Darkroom"].topics == ["Photography"]
    assert found["Evenings"].peers == 3
    assert dismiss(me, "hive", photo.id)
    assert "Darkroom" not in {item.hive.name for item in hives_to_join(me)}
    assert jazz.id in {item.hive.id for item in hives_to_join(me)}


def test_suggestions_never_touch_the_feed(app):
    me = person("me", interests=("Maps",))
    author = person("author", interests=("maps",))
    follow(me, author)
    posts = [make_post(author, f"Post {n}") for n in range(5)]
    before = [post.id for post in feeds.home_feed(me.id).posts]
    bees_to_know(me)
    hives_to_join(me)
    dismiss(me, "bee", author.id)
    assert [post.id for post in feeds.home_feed(me.id).posts] == before == [p.id for p in reversed(posts)]


def test_setting_aside_checks_what_it_is_given(app):
    me = make_bee()
    with pytest.raises(ValidationError):
        dismiss(me, "post", 1)
    with pytest.raises(NotFound):
        dismiss(me, "bee", 10**6)
    with pytest.raises(NotFound):
        dismiss(me, "bee", me.id)


def test_the_suggestions_page_and_setting_aside_through_it(app, client, login):
    me = login(person("me", interests=("Maps",)))
    other = person("mapper", interests=("maps",))
    html = client.get("/suggestions").get_data(as_text=True)
    assert "@mapper" in html
    assert "You both love:" in html
    assert (
        client.post("/suggestions/dismiss", data={"kind": "bee", "target": str(other.id)}).status_code == 302
    )
    assert "@mapper" not in client.get("/suggestions").get_data(as_text=True)
    assert client.post("/suggestions/dismiss", data={"kind": "bee", "target": "x"}).status_code == 422
    assert me.id


def test_a_hive_about_an_accented_topic_is_found_and_counted_once(app):
    me = person("me", interests=("Café",), skills=("خَطّ",))
    owner = person("owner")
    cafe = create_hive(owner, "Café", "Coffee.", "café")  # named and tagged alike: one topic
    calligraphy = create_hive(owner, "خَطّ", "Ink.", "")
    found = {item.hive.id: item for item in hives_to_join(me)}
    assert found[cafe.id].topics == ["Café"]
    assert found[cafe.id].strength == found[calligraphy.id].strength
    assert found[calligraphy.id].topics == ["خَطّ"]
