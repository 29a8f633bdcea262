"""Bees to know and hives to join: who, why, what never comes back, and feeds untouched."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import insert, select, text

from app.db import write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.hives.models import Hive, HiveTag, Membership, MembershipState
from app.hives.services import create_hive, join_hive, leave_hive
from app.posts import queries as feeds
from app.profiles import record
from app.profiles.data import ProfileData, SkillData, tag_key
from app.profiles.models import Bee, Follow, ProfileTag, Skill, blocked_either_way, utcnow
from app.profiles.services import block, follow
from app.search import index
from app.talent import affinity, ranking
from app.talent.affinity import (
    HIVE_POINTS,
    INTEREST_POINTS,
    LIMIT,
    PEERS_COUNTED,
    PEERS_SHOWN,
    SKILL_POINTS,
    TOPIC_POINTS,
    bees_to_know,
    dismiss,
    hives_to_join,
)
from app.talent.models import DismissedSuggestion
from bench.talent import Scale, generate
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


def _brute_force(me_id: int, limit: int = LIMIT) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    """Bees to know and hives to join counted the slow way, from every row, as the module's
    docstring says they count: (bee id, strength) and (hive id, strength, peers)."""
    tags: dict[int, set[str]] = defaultdict(set)
    for bee_id, key in db.session.execute(
        select(ProfileTag.bee_id, ProfileTag.key).where(ProfileTag.kind.in_(("interest", "hobby")))
    ):
        tags[bee_id].add(key)
    skills: dict[int, set[str]] = defaultdict(set)
    for bee_id, key in db.session.execute(select(Skill.bee_id, Skill.key)):
        skills[bee_id].add(key)
    members: dict[int, set[int]] = defaultdict(set)
    touched: set[int] = set()  # every hive I am, was or asked to be in
    for bee_id, hive_id, state in db.session.execute(
        select(Membership.bee_id, Membership.hive_id, Membership.state)
    ):
        if state == MembershipState.ACTIVE:
            members[hive_id].add(bee_id)
        if bee_id == me_id:
            touched.add(hive_id)
    live = set(db.session.scalars(select(Bee.id).where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None))))
    followed = set(db.session.scalars(select(Follow.followee_id).where(Follow.follower_id == me_id)))
    blocked = set(db.session.scalars(blocked_either_way(me_id)))
    dismissed = select(DismissedSuggestion.kind, DismissedSuggestion.target_id)
    set_aside = {
        tuple(row) for row in db.session.execute(dismissed.where(DismissedSuggestion.bee_id == me_id))
    }
    my_hives = {hive_id for hive_id, bees in members.items() if me_id in bees}
    mine, my_skills = tags[me_id], skills[me_id]
    scores = []
    for bee_id in live - {me_id} - followed - blocked:
        if ("bee", bee_id) in set_aside:
            continue
        theirs, their_skills = tags[bee_id], skills[bee_id]
        strength = (
            HIVE_POINTS * sum(1 for hive_id in my_hives if bee_id in members[hive_id])
            + INTEREST_POINTS * len(mine & theirs)
            + SKILL_POINTS * len(my_skills & their_skills)
            + SKILL_POINTS * len((mine - my_skills) & their_skills)
            + SKILL_POINTS * len((my_skills & theirs) - their_skills)
        )
        if strength:
            scores.append((bee_id, strength))
    bees = sorted(scores, key=lambda item: (-item[1], item[0]))[:limit]

    forms = set()
    for name in (
        db.session.scalars(
            select(ProfileTag.name).where(
                ProfileTag.bee_id == me_id, ProfileTag.kind.in_(("interest", "hobby"))
            )
        ).all()
        + db.session.scalars(select(Skill.name).where(Skill.bee_id == me_id)).all()
    ):
        forms |= {name.casefold(), tag_key(name)}
    about: dict[int, set[str]] = defaultdict(set)
    for hive_id, tag in db.session.execute(select(HiveTag.hive_id, HiveTag.tag)):
        if tag in forms:
            about[hive_id].add(tag)
    peers = {bee_id for bee_id in live - {me_id} if tags[bee_id] & mine}
    hives = []
    for hive_id, name_key, is_private in db.session.execute(select(Hive.id, Hive.name_key, Hive.is_private)):
        if is_private or hive_id in touched or ("hive", hive_id) in set_aside:
            continue
        topics = about[hive_id] | ({name_key} & forms)
        counted = len(members[hive_id] & peers)
        if topics or counted:
            shown = min(counted, PEERS_SHOWN + 1)  # more than PEERS_SHOWN is told as such
            hives.append((hive_id, TOPIC_POINTS * len(topics) + min(counted, PEERS_COUNTED), shown))
    return bees, sorted(hives, key=lambda item: (-item[1], item[0]))[:limit]


@pytest.fixture
def generated(app):
    """A generated network of 1,000 bees; its search index emptied afterwards (the app fixture
    empties the tables it knows, and a stale index would find bees in later tests)."""
    with db.engine.begin() as connection:
        generate(connection, Scale(bees=1000, hives=60, seekers=0, seed=8))
    yield
    with db.engine.begin() as connection:
        for table in index.TABLES.values():
            connection.execute(text(f"DELETE FROM {table}"))


@pytest.mark.parametrize("shortcut", [True, False], ids=["shortcut-few-peers", "every-posting-probes"])
def test_every_bee_of_a_generated_network_gets_what_counting_every_row_gives(
    app, generated, monkeypatch, shortcut
):
    """Whichever way a suggestion is found (bees ranked with a double listing counted twice
    then corrected, or every posting counted; few peers counted from their memberships, or
    the hives about my topics alone, the first hives full of peers, or every hive counted at
    once), it is the one counting every row finds."""
    if not shortcut:
        monkeypatch.setattr(ranking, "strongest_counting_twice", lambda *args: None)
        monkeypatch.setattr(affinity, "FEW_PEERS", 0)  # every network here has few: probe instead
    bees = db.session.scalars(select(Bee).order_by(Bee.id)).all()
    follow(bees[0], bees[1])
    block(bees[2], bees[0])
    dismiss(bees[0], "bee", bees[3].id)
    dismiss(bees[0], "hive", 1)
    with write_transaction():
        db.session.merge(bees[4]).deleted_at = utcnow()
    for me in bees[:60] + bees[-20:]:
        expected_bees, expected_hives = _brute_force(me.id)
        assert [(item.bee.id, item.strength) for item in bees_to_know(me)] == expected_bees, me.id
        found = [(item.hive.id, item.strength, item.peers) for item in hives_to_join(me)]
        assert found == expected_hives, me.id


def test_hives_about_my_topics_with_peers_come_before_hives_only_full_of_peers(app):
    me = person("me", interests=("Jazz",))
    owner = person("owner")
    crowded = create_hive(owner, "Evenings", "Out.", "city")  # the oldest hive: about no topic of mine
    about = [create_hive(owner, f"Jazz Club {n}", "Swing.", "jazz") for n in range(LIMIT + 1)]
    fans = [person(f"fan{n:02}", interests=("jazz",)) for n in range(PEERS_COUNTED)]
    for fan in fans:
        join_hive(fan, crowded)
    for hive in about:
        for fan in fans[: PEERS_COUNTED - 2]:
            join_hive(fan, hive)
    found = hives_to_join(me)
    assert [item.hive.id for item in found] == [hive.id for hive in about[:LIMIT]]
    assert {(item.strength, item.peers, tuple(item.topics)) for item in found} == {
        (TOPIC_POINTS + PEERS_COUNTED - 2, PEERS_COUNTED - 2, ("Jazz",))
    }
    dismiss(me, "hive", about[0].id)
    dismiss(me, "hive", about[1].id)  # five hives about jazz left: the crowded one comes last
    found = hives_to_join(me)
    assert [item.hive.id for item in found] == [hive.id for hive in about[2:]] + [crowded.id]
    assert (found[-1].strength, found[-1].peers, found[-1].topics) == (PEERS_COUNTED, PEERS_COUNTED, [])


@pytest.mark.parametrize("few", [True, False], ids=["few-peers", "probes"])
def test_a_hive_with_more_peers_than_are_told_says_more_than(app, client, login, monkeypatch, few):
    if not few:
        monkeypatch.setattr(affinity, "FEW_PEERS", 0)
    me = person("me", interests=("Jazz",))
    hive = create_hive(person("owner"), "Evenings", "Out.", "city")
    crowd = [make_bee() for _ in range(PEERS_SHOWN + 1)]
    with write_transaction():
        db.session.execute(
            insert(ProfileTag),
            [{"bee_id": bee.id, "kind": "hobby", "name": "Jazz", "key": "jazz", "place": 0} for bee in crowd],
        )
    for bee in crowd:
        join_hive(bee, hive)
    (found,) = hives_to_join(me)
    assert (found.hive.id, found.strength, found.peers) == (hive.id, PEERS_COUNTED, PEERS_SHOWN + 1)
    login(me)
    html = client.get("/suggestions").get_data(as_text=True)
    assert f"More than {PEERS_SHOWN} bees who share your interests are members." in html
    leave_hive(crowd[0], hive)
    assert hives_to_join(me)[0].peers == PEERS_SHOWN
    html = client.get("/suggestions").get_data(as_text=True)
    assert f"{PEERS_SHOWN} bees who share your interests are members." in html
    assert "More than" not in html
