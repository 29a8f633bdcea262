"""Feeds and delivery counts against a brute-force model, on generated networks.

Hypothesis generates a few bees and hives and a random sequence of follows,
unfollows, joins, leaves, publishes (to random hives the author belongs to) and
deletions. The services run each step on the real database; a plain Python
model replays the same steps. Afterwards every home, hive and profile feed,
walked page by page, must equal the model's expectation in strict order, and
every post's delivery count must equal its audience counted by brute force.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import Conflict, PermissionDenied
from app.extensions import db
from app.hives.services import join_hive, leave_hive
from app.posts import queries
from app.posts.services import delete_post, publish_post
from app.profiles.services import follow, unfollow
from tests.conftest import empty_tables
from tests.factories import make_bee, make_hive

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
    st.tuples(st.just("join"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_HIVES - 1)),
    st.tuples(st.just("leave"), st.integers(0, MAX_BEES - 1), st.integers(0, MAX_HIVES - 1)),
    st.tuples(st.just("delete"), st.integers(0, 1000), st.just(None)),
)


@dataclass
class Model:
    """What the network should look like, kept without the database."""

    follows: set[tuple[int, int]] = field(default_factory=set)
    members: set[tuple[int, int]] = field(default_factory=set)
    owners: dict[int, int] = field(default_factory=dict)
    posts: dict[int, tuple[int, frozenset[int]]] = field(default_factory=dict)

    def audience(self, post_id: int) -> set[int]:
        author, hives = self.posts[post_id]
        followers = {a for a, b in self.follows if b == author}
        members = {bee for bee, hive in self.members if hive in hives}
        return (followers | members) - {author}

    def home(self, bee: int) -> list[int]:
        return sorted(
            (p for p, (author, _) in self.posts.items() if author == bee or bee in self.audience(p)),
            reverse=True,
        )

    def hive(self, hive: int) -> list[int]:
        return sorted((p for p, (_, hives) in self.posts.items() if hive in hives), reverse=True)

    def profile(self, bee: int) -> list[int]:
        return sorted((p for p, (author, _) in self.posts.items() if author == bee), reverse=True)


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
    hives = [make_hive(owner=bees[i % n_bees]) for i in range(n_hives)]
    model = Model()
    for i, hive in enumerate(hives):
        model.members.add((bees[i % n_bees].id, hive.id))
        model.owners[hive.id] = bees[i % n_bees].id
    posts = []
    steps = start + steps

    for action, a, b in steps:
        if action in ("follow", "unfollow"):
            actor, target = bees[a % n_bees], bees[b % n_bees]
            if actor.id == target.id:
                continue
            if action == "follow":
                follow(actor, target)
                model.follows.add((actor.id, target.id))
            else:
                unfollow(actor, target)
                model.follows.discard((actor.id, target.id))
        elif action in ("join", "leave") and hives:
            bee, hive = bees[a % n_bees], hives[b % n_hives]
            try:
                (join_hive if action == "join" else leave_hive)(bee, hive)
            except Conflict:
                assert ((bee.id, hive.id) in model.members) == (action == "join")
                continue
            except PermissionDenied:
                assert model.owners[hive.id] == bee.id
                assert action == "leave"
                continue
            (model.members.add if action == "join" else model.members.discard)((bee.id, hive.id))
        elif action == "publish":
            author = bees[a % n_bees]
            targets = [
                hives[h] for h in b if hives and h < n_hives and (author.id, hives[h].id) in model.members
            ]
            post = publish_post(author, "buzz", f"post {len(posts)}", None, [h.id for h in targets])
            posts.append(post)
            model.posts[post.id] = (author.id, frozenset(h.id for h in targets))
        elif action == "delete" and model.posts:
            post = posts[a % len(posts)]
            if post.id in model.posts:
                delete_post(post.author, post)
                del model.posts[post.id]

    db.session.expire_all()
    for bee in bees:
        home = walk(lambda bee=bee, **kw: queries.home_feed(bee.id, window=window, **kw), page_size)
        assert home == model.home(bee.id)
        assert walk(lambda bee=bee, **kw: queries.profile_feed(bee.id, **kw), page_size) == model.profile(
            bee.id
        )
    for hive in hives:
        assert walk(lambda hive=hive, **kw: queries.hive_feed(hive.id, **kw), page_size) == model.hive(
            hive.id
        )
    for post in posts:
        if post.id in model.posts:
            db.session.refresh(post)
            assert post.delivered_count == len(model.audience(post.id)), post.id


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
