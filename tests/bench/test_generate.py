"""The benchmark's generated network is one the app could have grown itself.

A small scale of the same generator ``make bench`` uses, on SQLite and
PostgreSQL: every delivery count equals a brute-force recount, feeds hold what
the graph says, ids follow time, and the services carry on from the data
(sequences, counts) as if nothing were bulk-loaded.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, text

from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState, Role
from app.posts import queries
from app.posts.models import Post, PostHive
from app.posts.services import publish_post
from app.profiles.models import Bee, Follow
from app.profiles.services import follow
from app.search import index
from app.search.folding import words
from app.search.index import post_text
from bench.database import absolute_url
from bench.generate import Scale, generate
from tests.factories import make_bee

SCALE = Scale(bees=120, hives=12, posts=1500, days=30, seed=7)


def test_relative_sqlite_paths_are_read_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert absolute_url("sqlite:///bench/data/bench.db") == f"sqlite:///{tmp_path}/bench/data/bench.db"
    assert absolute_url("sqlite:////abs/bench.db") == "sqlite:////abs/bench.db"
    assert absolute_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def _matching_ids(word: str) -> list[int]:
    hits, ids = index.newest_posts([word], None, 500), []
    ids += hits.ids
    while hits.next_cursor:
        hits = index.newest_posts([word], int(hits.next_cursor), 500)
        ids += hits.ids
    return ids


def test_the_generated_network_matches_what_the_services_would_have_made(app):
    with db.engine.begin() as connection:
        made = generate(connection, SCALE)
    assert (made["bees"], made["hives"], made["posts"]) == (120, 12, 1500)
    assert made["honey"] > 0
    assert made["post_hives"] > 0

    followers = defaultdict(set)
    for edge in db.session.scalars(select(Follow)):
        followers[edge.followee_id].add(edge.follower_id)
    members = defaultdict(set)
    for membership in db.session.scalars(select(Membership)):
        assert membership.state == MembershipState.ACTIVE
        members[membership.hive_id].add(membership.bee_id)
    post_hives = defaultdict(set)
    for link in db.session.scalars(select(PostHive)):
        post_hives[link.post_id].add(link.hive_id)
    assert sum(map(len, followers.values())) == made["follows"]

    posts = db.session.scalars(select(Post).order_by(Post.id)).all()
    assert [post.created_at for post in posts] == sorted(post.created_at for post in posts)
    for post in posts:
        audience = set(followers[post.author_id])
        for hive_id in post_hives[post.id]:
            assert post.author_id in members[hive_id], "authors post only to their own hives"
            audience |= members[hive_id]
        assert post.delivered_count == len(audience - {post.author_id}), post.id
        if post.is_honey:
            assert post.slug
            assert post.excerpt
    honey_slugs = [(post.author_id, post.slug) for post in posts if post.is_honey]
    assert len(set(honey_slugs)) == len(honey_slugs)

    # Search finds what the services would have indexed: each post by a word of its own.
    assert made["searchable_posts"] == len(posts)
    for post in posts[:: len(posts) // 10]:
        word = words(post_text(post.title, post.body_html)[1])[-1]
        assert post.id in _matching_ids(word), (post.id, word)
    if db.engine.dialect.name == "postgresql":  # the bulk load rebuilt the GIN indexes it dropped
        names = text("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'search%'")
        indexes = set(db.session.scalars(names))
        assert {f"ix_{table}_document" for table in index.TABLES.values()} <= indexes

    owners = db.session.scalars(select(Membership.hive_id).where(Membership.role == Role.OWNER)).all()
    assert sorted(owners) == sorted(db.session.scalars(select(Hive.id)))

    reader = db.session.get(Bee, 1)
    reader_hives = {hive for hive, bees in members.items() if reader.id in bees}
    followees = {followee for followee, bees in followers.items() if reader.id in bees}
    expected = [
        post.id
        for post in reversed(posts)
        if post.author_id in followees | {reader.id} or post_hives[post.id] & reader_hives
    ]
    assert [post.id for post in queries.home_feed(reader.id, limit=50).posts] == expected[:50]

    newcomer = make_bee()
    star = db.session.get(Bee, max(followers, key=lambda bee: len(followers[bee])))
    before = {post.id: post.delivered_count for post in posts if post.author_id == star.id}
    follow(newcomer, star)
    db.session.expire_all()
    for post_id, count in before.items():
        assert db.session.get(Post, post_id).delivered_count == count + 1
    fresh = publish_post(star, "buzz", "Still counting after a bulk load")
    assert fresh.id > posts[-1].id
    assert fresh.delivered_count == len(followers[star.id]) + 1
