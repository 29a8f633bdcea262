"""Generate a benchmark network: deterministic from a seed, written through the real schema.

The default scale is the one the feed targets are measured at: 10,000 bees whose
follow graph follows a power law (median about 70 followees; the most popular
bees have 5,000+ followers), 1,000 hives whose sizes follow a power law too, and
1,000,000 posts over 90 days. Bodies are the demo network's Markdown (English,
Spanish, Arabic, Hebrew, Urdu), each rendered once by ``app.markup``; about a
third of the posts go to one of the author's hives (some to two).

Rows are bulk-inserted, but every derived value the app relies on is written
too (delivery counts, honey slugs and excerpts, owner roles, ids that grow with
time), so the result cannot be told apart from a network that grew through the
services. ``tests/bench/test_generate.py`` checks exactly that at a small scale.

    python -m bench.generate --database-url sqlite:///bench/data/bench.db --posts 300000
"""

from __future__ import annotations

import argparse
import math
import random
import time
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from sqlalchemy import Connection, insert, text
from werkzeug.security import generate_password_hash

from app.demo import content_ar, content_he, content_ltr, content_ur
from app.hives.models import Hive, HiveTag, Membership, MembershipState, Role
from app.markup import plain_excerpt, render_markdown
from app.posts.models import Kind, Post, PostHive, PostState
from app.profiles.models import Bee, Follow
from app.search.index import reindex_all
from app.text import slugify

BENCH_PASSWORD = "bench-password-not-secret"  # noqa: S105 (benchmark accounts only)
CHUNK = 20_000
TOPICS = [
    "trail running", "calligraphy", "data journalism", "urban gardening", "python", "photography",
    "sourdough", "ux research", "climate tech", "chess", "translation", "jazz", "woodworking",
    "birding", "typography", "robotics", "poetry", "cycling", "ceramics", "open data",
]  # fmt: skip


@dataclass(frozen=True)
class Scale:
    """How big a network to make."""

    bees: int = 10_000
    hives: int = 1_000
    posts: int = 1_000_000
    days: int = 90
    seed: int = 2026


@dataclass
class Network:
    """The plan of a network before it is written: who follows whom, who is in which hive."""

    scale: Scale
    followers: dict[int, set[int]] = field(default_factory=dict)
    hive_members: dict[int, list[int]] = field(default_factory=dict)
    bee_hives: dict[int, list[int]] = field(default_factory=dict)
    author_weights: list[float] = field(default_factory=list)

    @property
    def follow_count(self) -> int:
        return sum(len(followers) for followers in self.followers.values())


def _power_law(count: int, exponent: float, rng: random.Random) -> list[float]:
    """Zipf-like weights for ``count`` items, assigned to the items in a shuffled order."""
    weights = [1 / rank**exponent for rank in range(1, count + 1)]
    rng.shuffle(weights)
    return weights


def _draw(rng: random.Random, cum_weights: list[float]) -> int:
    """One 1-based id drawn by weight."""
    index = bisect_left(cum_weights, rng.random() * cum_weights[-1])
    return min(index, len(cum_weights) - 1) + 1


def _weighted_sample(rng: random.Random, cum_weights: list[float], k: int, exclude: int) -> set[int]:
    """``k`` distinct 1-based ids drawn by weight, never ``exclude``."""
    population = len(cum_weights)
    k = min(k, population - 1)
    chosen: set[int] = set()
    for _ in range(20):
        for _ in range(k - len(chosen)):
            chosen.add(_draw(rng, cum_weights))
        chosen.discard(exclude)
        if len(chosen) >= k:
            break
    while len(chosen) < k:  # the tail of a steep power law: fill evenly
        candidate = rng.randint(1, population)
        if candidate != exclude:
            chosen.add(candidate)
    return chosen


def plan(scale: Scale) -> Network:
    """Draw the follow graph and the memberships (pure Python, deterministic)."""
    rng = random.Random(scale.seed)
    network = Network(scale=scale, followers={bee: set() for bee in range(1, scale.bees + 1)})
    popularity = list(accumulate(_power_law(scale.bees, 1.0, rng)))
    median = max(2, min(70, scale.bees // 10))
    for bee in range(1, scale.bees + 1):
        wanted = int(rng.lognormvariate(math.log(median), 0.9))
        for followee in _weighted_sample(rng, popularity, max(1, min(wanted, 3_000)), exclude=bee):
            network.followers[followee].add(bee)

    hive_popularity = list(accumulate(_power_law(scale.hives, 0.9, rng)))
    network.hive_members = {hive: [] for hive in range(1, scale.hives + 1)}
    for bee in range(1, scale.bees + 1):
        wanted = min(scale.hives, max(0, int(rng.lognormvariate(math.log(4), 0.8))))
        hives = sorted(_weighted_sample(rng, hive_popularity, wanted, exclude=0)) if wanted else []
        network.bee_hives[bee] = hives
        for hive in hives:
            network.hive_members[hive].append(bee)
    for hive, members in network.hive_members.items():
        if not members:  # every hive has at least its owner
            owner = rng.randint(1, scale.bees)
            members.append(owner)
            network.bee_hives[owner].append(hive)
    network.author_weights = list(accumulate(_power_law(scale.bees, 0.8, rng)))
    return network


@dataclass(frozen=True)
class Body:
    """One piece of demo content, rendered once."""

    kind: str
    title: str | None
    source: str
    html: str
    excerpt: str


def corpus() -> list[Body]:
    """The demo network's posts, in five languages, rendered by the app's own renderer."""
    bodies = []
    for spec in content_ltr.POSTS + content_ar.POSTS + content_he.POSTS + content_ur.POSTS:
        html = render_markdown(spec["body"])
        excerpt = plain_excerpt(html) if spec["kind"] == Kind.HONEY else ""
        bodies.append(Body(spec["kind"], spec["title"], spec["body"], html, excerpt))
    return bodies


def _bee_rows(scale: Scale, created: datetime) -> Iterator[dict]:
    password_hash = generate_password_hash(BENCH_PASSWORD)
    for bee in range(1, scale.bees + 1):
        yield {
            "id": bee,
            "handle": f"bee{bee}",
            "email": f"bee{bee}@bench.apiary.example.org",
            "display_name": f"Bench Bee {bee}",
            "headline": f"Works on {TOPICS[bee % len(TOPICS)]}",
            "password_hash": password_hash,
            "created_at": created,
        }


def _post_rows(network: Network, bodies: list[Body], start: datetime) -> Iterator[tuple[dict, list[int]]]:
    """Posts in id (= time) order, each with its hives and exact delivery count."""
    scale = network.scale
    rng = random.Random(scale.seed + 1)
    span = timedelta(days=scale.days).total_seconds()
    reach: dict[tuple[int, tuple[int, ...]], int] = {}
    for post_id in range(1, scale.posts + 1):
        author = _draw(rng, network.author_weights)
        own_hives = network.bee_hives[author]
        hives: tuple[int, ...] = ()
        if own_hives and rng.random() < 0.35:
            how_many = 2 if len(own_hives) > 1 and rng.random() < 0.1 else 1
            hives = tuple(sorted(rng.sample(own_hives, how_many)))
        key = (author, hives)
        if key not in reach:
            audience = set(network.followers[author])
            for hive in hives:
                audience.update(network.hive_members[hive])
            audience.discard(author)
            reach[key] = len(audience)
        body = bodies[rng.randrange(len(bodies))]
        honey = body.kind == Kind.HONEY
        moment = start + timedelta(seconds=span * (post_id - 1 + rng.random()) / scale.posts)
        yield (
            {
                "id": post_id,
                "author_id": author,
                "kind": body.kind,
                "title": body.title,
                "slug": f"{slugify(body.title, 60) or 'honey'}-{post_id}" if honey else None,
                "body_source": body.source,
                "body_html": body.html,
                "excerpt": body.excerpt,
                "state": PostState.PUBLISHED,
                "delivered_count": reach[key],
                "created_at": moment,
                "edited_at": None,
            },
            list(hives),
        )


def _chunks(rows: Iterator, size: int = CHUNK) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write(connection: Connection, network: Network, bodies: list[Body], now: datetime | None = None) -> dict:
    """Insert the network into an empty, migrated database; return what was written."""
    scale = network.scale
    now = now or datetime.now(UTC)
    start = now - timedelta(days=scale.days)
    founded = start - timedelta(days=30)
    for chunk in _chunks(_bee_rows(scale, founded)):
        connection.execute(insert(Bee), chunk)
    follows = (
        {"follower_id": follower, "followee_id": followee, "created_at": founded}
        for followee, followers in network.followers.items()
        for follower in sorted(followers)
    )
    for chunk in _chunks(follows):
        connection.execute(insert(Follow), chunk)

    rng = random.Random(scale.seed + 2)
    hives, tags, memberships = [], [], []
    for hive, members in network.hive_members.items():
        topic = TOPICS[hive % len(TOPICS)]
        name = f"{topic.title()} {hive}"
        hives.append(
            {
                "id": hive,
                "slug": slugify(name),
                "name": name,
                "name_key": name.casefold(),
                "description": f"Bees who care about {topic}: questions, work in progress and events.",
                "created_by_id": members[0],
                "created_at": founded,
            }
        )
        tags += [
            {"hive_id": hive, "tag": tag}
            for tag in sorted({topic.split()[0], rng.choice(TOPICS).split()[-1]})
        ]
        memberships += [
            {
                "bee_id": bee,
                "hive_id": hive,
                "role": Role.OWNER if index == 0 else Role.MEMBER,
                "state": MembershipState.ACTIVE,
                "joined_at": founded,
            }
            for index, bee in enumerate(members)
        ]
    for table, rows in ((Hive, hives), (HiveTag, tags), (Membership, memberships)):
        for chunk in _chunks(iter(rows)):
            connection.execute(insert(table), chunk)

    posts = honey = post_hives = 0
    for chunk in _chunks(_post_rows(network, bodies, start)):
        connection.execute(insert(Post), [row for row, _ in chunk])
        links = [{"post_id": row["id"], "hive_id": hive} for row, hives in chunk for hive in hives]
        if links:
            connection.execute(insert(PostHive), links)
        posts += len(chunk)
        honey += sum(row["kind"] == Kind.HONEY for row, _ in chunk)
        post_hives += len(links)
    searchable = reindex_all(connection, bulk=True)  # the search index, as the app keeps it
    if connection.dialect.name == "postgresql":
        for table in ("bees", "hives", "memberships", "posts"):
            connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))  # noqa: S608
    connection.execute(text("ANALYZE"))
    return {
        "bees": scale.bees,
        "follows": network.follow_count,
        "hives": scale.hives,
        "memberships": len(memberships),
        "posts": posts,
        "honey": honey,
        "post_hives": post_hives,
        "searchable_posts": searchable["posts"],
    }


def generate(connection: Connection, scale: Scale) -> dict:
    """Plan and write a network of ``scale`` into an empty, migrated database."""
    return write(connection, plan(scale), corpus())


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.generate``: build a migrated database and fill it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:///bench/data/bench.db")
    parser.add_argument("--bees", type=int, default=Scale.bees)
    parser.add_argument("--hives", type=int, default=Scale.hives)
    parser.add_argument("--posts", type=int, default=Scale.posts)
    parser.add_argument("--days", type=int, default=Scale.days)
    parser.add_argument("--seed", type=int, default=Scale.seed)
    args = parser.parse_args(argv)

    from bench.database import fresh_database

    scale = Scale(args.bees, args.hives, args.posts, args.days, args.seed)
    started = time.perf_counter()
    with fresh_database(args.database_url) as connection:
        made = generate(connection, scale)
    made["seconds"] = round(time.perf_counter() - started, 1)
    print(", ".join(f"{value} {name}" for name, value in made.items()))


if __name__ == "__main__":
    main()
