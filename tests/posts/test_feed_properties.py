"""Feeds and delivery counts against a brute-force model, on generated networks.

Hypothesis generates a few bees and hives (the last one private when there are
three) and a random sequence of follows, unfollows, joins (requests to the
private hive, approved by its owner), leaves, publishes (to random hives the
author belongs to), deletions, and governance: blocks and unblocks, mutes of
bees and hives, moderators removing posts from hives, bans and their lifting.
The services run each step on the real database; a plain Python model replays
the same steps. Afterwards every home feed, every hive feed and every profile
as each bee sees it, walked page by page, must equal the model's expectation in
strict order, and every post's delivery count must equal its audience counted
by brute force: muting never moves a count, blocking and removal do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import Conflict, PermissionDenied
from app.extensions import db
from app.hives import moderation, roles
from app.hives.services import create_hive, join_hive, leave_hive
from app.posts import queries
from app.posts.services import delete_post, publish_post
from app.profiles.services import block, follow, mute, mute_hive, unblock, unfollow, unmute, unmute_hive
from tests.conftest import empty_tables
from tests.factories import make_bee

MAX_BEES = 6
MAX_HIVES = 3

publish = st.tuples(
    st.just("publish"),
    st.integers(0, MAX_BEES - 1),
    st.sets(st.integers(0, MAX_HIVES - 1), max_size=MAX_HIVES),
)
step = st.one_of(
    publish,
    publish,
    st.tuples(st.just("follow"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_BEES - 1)),
    st.tuples(st.just("unfollow"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_BEES - 1)),
    # Joins and leaves twice as often: a bee moving in and out of hives after blocks, bans and
    # removals is where counts are easiest to get wrong.
    *[st.tuples(st.just("join"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_HIVES - 1))] * 2,
    *[st.tuples(st.just("leave"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_HIVES - 1))] * 2,
    st.tuples(st.just("delete"), st.integers(0, 1000), st.just(None)),
    *(
        st.tuples(st.just(action), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_BEES - 1))
        for action in ("block", "unblock", "mute", "unmute")
    ),
    *(
        st.tuples(st.just(action), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_HIVES - 1))
        for action in ("mute_hive", "unmute_hive", "ban", "unban", "approve")
    ),
    st.tuples(st.just("remove"), st.integers(0, 1000), st.integers(0, MAX_HIVES - 1)),
)


@dataclass
class Model:
    """What the network should look like, kept without the database.

    ``posts`` maps a visible post to its author, the hives it is (still) in, and
    its private hive (or None).
    """

    follows: set[tuple[int, int]] = field(default_factory=set)
    members: set[tuple[int, int]] = field(default_factory=set)
    pending: set[tuple[int, int]] = field(default_factory=set)
    banned: dict[tuple[int, int], bool] = field(default_factory=dict)  # → was a member when banned
    owners: dict[int, int] = field(default_factory=dict)
    private: set[int] = field(default_factory=set)
    blocks: set[tuple[int, int]] = field(default_factory=set)
    mutes: set[tuple[int, int]] = field(default_factory=set)
    hive_mutes: set[tuple[int, int]] = field(default_factory=set)
    posts: dict[int, tuple[int, frozenset[int], int | None]] = field(default_factory=dict)

    def blocked(self, a: int, b: int) -> bool:
        return (a, b) in self.blocks or (b, a) in self.blocks

    def audience(self, post_id: int) -> set[int]:
        author, hives, private = self.posts[post_id]
        followers = set() if private else {a for a, b in self.follows if b == author}
        members = {bee for bee, hive in self.members if hive in hives}
        return {bee for bee in (followers | members) - {author} if not self.blocked(bee, author)}

    def hidden(self, reader: int, author: int) -> bool:
        return self.blocked(reader, author) or (reader, author) in self.mutes

    def home(self, bee: int) -> list[int]:
        def reaches(post_id: int) -> bool:
            author, hives, private = self.posts[post_id]
            by_people = private is None and (
                author == bee or ((bee, author) in self.follows and (bee, author) not in self.mutes)
            )
            by_hives = not self.hidden(bee, author) and any(
                (bee, hive) in self.members and (bee, hive) not in self.hive_mutes for hive in hives
            )
            return by_people or by_hives

        return sorted((p for p in self.posts if reaches(p)), reverse=True)

    def hive(self, hive: int, viewer: int) -> list[int]:
        return sorted(
            (
                p
                for p, (author, hives, _) in self.posts.items()
                if hive in hives and not self.hidden(viewer, author)
            ),
            reverse=True,
        )

    def profile(self, bee: int, viewer: int) -> list[int]:
        if self.blocked(viewer, bee):
            return []
        return sorted(
            (
                p
                for p, (author, _, private) in self.posts.items()
                if author == bee and (private is None or viewer == bee or (viewer, private) in self.members)
            ),
            reverse=True,
        )


def walk(feed, limit: int) -> list[int]:
    """Every post id of a feed, following "Older posts" until the end."""
    seen, cursor = [], None
    while True:
        page = feed(before=cursor, limit=limit)
        seen += [post.id for post in page.posts]
        if page.next_cursor is None:
            return seen
        assert page.next_cursor == seen[-1]
        cursor = page.next_cursor


def run_steps(n_bees: int, n_hives: int, start, steps, page_size: int, window: int | None = None) -> None:
    bees = [make_bee() for _ in range(n_bees)]
    hives = [create_hive(bees[i % n_bees], f"Hive {i}", "", "", is_private=i == 2) for i in range(n_hives)]
    model = Model()
    for i, hive in enumerate(hives):
        model.members.add((bees[i % n_bees].id, hive.id))
        model.owners[hive.id] = bees[i % n_bees].id
        if hive.is_private:
            model.private.add(hive.id)
    owner_of = {hive.id: bees[i % n_bees] for i, hive in enumerate(hives)}
    posts = []
    steps = start + steps

    for action, a, b in steps:
        if action in ("follow", "unfollow"):
            actor, target = bees[a % n_bees], bees[b % n_bees]
            if actor.id == target.id:
                continue
            if action == "follow":
                try:
                    follow(actor, target)
                except PermissionDenied:
                    assert model.blocked(actor.id, target.id)
                    continue
                model.follows.add((actor.id, target.id))
            else:
                unfollow(actor, target)
                model.follows.discard((actor.id, target.id))
        elif action in ("join", "leave") and hives:
            bee, hive = bees[a % n_bees], hives[b % n_hives]
            pair = (bee.id, hive.id)
            try:
                (join_hive if action == "join" else leave_hive)(bee, hive)
            except Conflict:
                if action == "join":
                    assert pair in model.members or pair in model.pending
                else:
                    assert pair not in model.members
                continue
            except PermissionDenied:
                assert model.owners[hive.id] == bee.id if action == "leave" else pair in model.banned
                continue
            if action == "leave":
                model.members.discard(pair)
            else:
                model.banned.pop(pair, None)
                (model.pending if hive.id in model.private else model.members).add(pair)
        elif action == "approve" and hives:
            bee, hive = bees[a % n_bees], hives[b % n_hives]
            if (bee.id, hive.id) in model.pending:
                roles.answer_request(owner_of[hive.id], hive, bee, approve=True)
                model.pending.discard((bee.id, hive.id))
                model.members.add((bee.id, hive.id))
        elif action in ("block", "unblock", "mute", "unmute"):
            actor, target = bees[a % n_bees], bees[b % n_bees]
            if actor.id == target.id:
                continue
            pair = (actor.id, target.id)
            {"block": block, "unblock": unblock, "mute": mute, "unmute": unmute}[action](actor, target)
            if action == "block":
                model.blocks.add(pair)
                model.follows -= {pair, pair[::-1]}
            elif action == "unblock":
                model.blocks.discard(pair)
            else:
                (model.mutes.add if action == "mute" else model.mutes.discard)(pair)
        elif action in ("mute_hive", "unmute_hive") and hives:
            bee, hive = bees[a % n_bees], hives[b % n_hives]
            (mute_hive if action == "mute_hive" else unmute_hive)(bee, hive)
            (model.hive_mutes.add if action == "mute_hive" else model.hive_mutes.discard)((bee.id, hive.id))
        elif action in ("ban", "unban") and hives:
            bee, hive = bees[a % n_bees], hives[b % n_hives]
            pair, owner = (bee.id, hive.id), owner_of[hive.id]
            if bee.id == owner.id:
                continue
            if action == "ban":
                try:
                    moderation.ban(owner, hive, bee, "broke the rules")
                except Conflict:
                    assert pair in model.banned
                    continue
                model.banned[pair] = pair in model.members
                model.members.discard(pair)
                model.pending.discard(pair)
            else:
                try:
                    moderation.unban(owner, hive, bee)
                except Conflict:
                    assert pair not in model.banned
                    continue
                if model.banned.pop(pair):
                    model.members.add(pair)
        elif action == "remove" and posts and hives:
            post, hive = posts[a % len(posts)], hives[b % n_hives]
            if post.id not in model.posts or hive.id not in model.posts[post.id][1]:
                continue
            author, in_hives, private = model.posts[post.id]
            if author == owner_of[hive.id].id:
                continue  # nobody above the owner here to remove the owner's post
            moderation.remove_from_hive(owner_of[hive.id], hive, post, "off-topic")
            if private is not None:
                del model.posts[post.id]  # a private hive's post leaves with it
            else:
                model.posts[post.id] = (author, in_hives - {hive.id}, None)
        elif action == "publish":
            author = bees[a % n_bees]
            targets = [
                hives[h] for h in b if hives and h < n_hives and (author.id, hives[h].id) in model.members
            ]
            if len(targets) > 1:
                targets = [h for h in targets if not h.is_private]
            post = publish_post(author, "buzz", f"post {len(posts)}", None, [h.id for h in targets])
            posts.append(post)
            private = targets[0].id if targets and targets[0].is_private else None
            model.posts[post.id] = (author.id, frozenset(h.id for h in targets), private)
        elif action == "delete" and model.posts:
            post = posts[a % len(posts)]
            if post.id in model.posts:
                delete_post(post.author, post)
                del model.posts[post.id]

    db.session.expire_all()
    viewers = [0] + [bee.id for bee in bees]
    for bee in bees:
        home = walk(lambda bee=bee, **kw: queries.home_feed(bee.id, window=window, **kw), page_size)
        assert home == model.home(bee.id)
        for viewer in viewers:
            profile = walk(
                lambda bee=bee, v=viewer, **kw: queries.profile_feed(bee.id, viewer_id=v, **kw), page_size
            )
            assert profile == model.profile(bee.id, viewer)
    for hive in hives:
        for viewer in viewers:
            feed = walk(
                lambda hive=hive, v=viewer, **kw: queries.hive_feed(hive.id, viewer_id=v, **kw), page_size
            )
            assert feed == model.hive(hive.id, viewer)
    for post in posts:
        if post.id in model.posts:
            db.session.refresh(post)
            assert post.delivered_count == len(model.audience(post.id)), post.id
        else:
            db.session.refresh(post)
            assert not post.is_visible


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    n_bees=st.integers(2, MAX_BEES),
    n_hives=st.integers(0, MAX_HIVES),
    start=st.lists(
        st.tuples(
            st.sampled_from(["follow", "join"]), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_BEES - 1)
        ),
        min_size=4,
        max_size=20,
    ),
    steps=st.lists(step, min_size=8, max_size=60),
    page_size=st.integers(1, 4),
    window=st.sampled_from([None, 1, 2, 3, 7]),
)
def test_feeds_and_delivery_match_brute_force(backend_app, n_bees, n_hives, start, steps, page_size, window):
    """Every feed equals the brute-force expectation; every count equals its audience.

    ``start`` lays down a dense graph of follows and memberships first, so that
    posts often reach a bee along several paths at once. A small ``window``
    makes the home feed widen its first look back several times on most pages.
    """
    empty_tables(backend_app)
    with backend_app.app_context():
        run_steps(n_bees, n_hives, start, steps, page_size, window)
        db.session.remove()


def test_paging_has_no_gap_or_repeat_while_new_posts_arrive(app):
    """New posts arriving between pages neither repeat nor push older posts out of reach."""
    author, reader = make_bee(), make_bee()
    follow(reader, author)
    first = [publish_post(author, "buzz", f"old {i}").id for i in range(7)]
    seen, cursor, arrived = [], None, []
    while True:
        page = queries.home_feed(reader.id, before=cursor, limit=2)
        seen += [post.id for post in page.posts]
        arrived.append(publish_post(author, "buzz", "a newer post while the reader scrolls").id)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == sorted(first, reverse=True)
    newest = [post.id for post in queries.home_feed(reader.id, limit=100).posts]
    assert newest == sorted(arrived + first, reverse=True)


def test_nothing_is_capped(app):
    """A feed reaches its very first post however long it is."""
    author, reader = make_bee(), make_bee()
    follow(reader, author)
    ids = [publish_post(author, "buzz", f"post {i}").id for i in range(130)]
    assert walk(lambda **kw: queries.home_feed(reader.id, **kw), 20) == ids[::-1]


def test_a_sparse_feed_looks_further_back_until_the_first_post(app):
    """A quiet author among busy ones: the feed widens its window rather than stop short."""
    busy, quiet, reader = make_bee(), make_bee(), make_bee()
    follow(reader, quiet)
    oldest = publish_post(quiet, "buzz", "the very first post").id
    for i in range(60):
        publish_post(busy, "buzz", f"noise {i}")
    newest = publish_post(quiet, "buzz", "a second post, much later").id
    for window in (None, 1, 5, 40):
        page = queries.home_feed(reader.id, limit=20, window=window)
        assert [post.id for post in page.posts] == [newest, oldest]
        assert page.next_cursor is None


def test_a_feed_refuses_an_empty_limit_or_window(app):
    reader = make_bee()
    for bad in ({"limit": 0}, {"limit": 20, "window": 0}, {"limit": 20, "window": -8}):
        with pytest.raises(ValueError, match="a feed needs"):
            queries.home_feed_ids(reader.id, None, bad["limit"], window=bad.get("window"))
