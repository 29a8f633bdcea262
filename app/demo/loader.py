"""Load the demo network through the app's own services.

Deterministic (a fixed seed), so every fresh ``make run`` shows the same network:
48 bees, 12 hives, 420 posts in five languages over five months, and a follow
graph where bees mostly follow people who share their hives and languages.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select, update

from app.auth.services import register
from app.db import write_transaction
from app.demo import content_ar, content_he, content_ltr, content_ur, people
from app.extensions import db
from app.hives.services import create_hive, join_hive
from app.posts.models import Post
from app.posts.services import publish_post
from app.profiles.models import Bee, utcnow
from app.profiles.services import follow, update_profile

DEMO_PASSWORD = "apiary-demo-password"  # noqa: S105 (public: printed by make run)
DEMO_HANDLE = "demo"
SEED = 2026
HISTORY_DAYS = 150


def is_loaded() -> bool:
    """True when the database already holds bees (the demo or real ones)."""
    return db.session.scalar(select(Bee.id).limit(1)) is not None


def load(seed: int = SEED) -> dict[str, int]:
    """Create the demo network and return what was made."""
    rng = random.Random(seed)
    bees = {
        spec["handle"]: register(
            f"{spec['handle']}@demo.apiary.example.org", spec["handle"], spec["display_name"], DEMO_PASSWORD
        )
        for spec in people.BEES
    }
    for spec in people.BEES:
        update_profile(bees[spec["handle"]], spec["display_name"], spec["headline"])

    hives = {}
    for spec in people.HIVES:
        members = [b["handle"] for b in people.BEES if spec["key"] in b["hives"]]
        owner = bees[members[0]] if members else bees[DEMO_HANDLE]
        hives[spec["key"]] = create_hive(owner, spec["name"], spec["description"], spec["tags"])
        for handle in members[1:]:
            join_hive(bees[handle], hives[spec["key"]])

    follows = 0
    for spec in people.BEES:
        for other in _choose_followees(spec, rng):
            follows += follow(bees[spec["handle"]], bees[other])

    posts = content_ltr.POSTS + content_ar.POSTS + content_he.POSTS + content_ur.POSTS
    rng.shuffle(posts)
    now = utcnow()
    moments = sorted(now - timedelta(minutes=rng.randint(5, HISTORY_DAYS * 24 * 60)) for _ in posts)
    published = []
    for spec in posts:
        author = bees[_choose_author(spec, rng)]
        hive_ids = [hives[spec["hive"]].id] if spec["hive"] else []
        published.append(publish_post(author, spec["kind"], spec["body"], spec["title"], hive_ids).id)
    with write_transaction():
        for post_id, moment in zip(published, moments, strict=True):
            db.session.execute(update(Post).where(Post.id == post_id).values(created_at=moment))
    return {"bees": len(bees), "hives": len(hives), "follows": follows, "posts": len(published)}


def _choose_followees(spec: dict, rng: random.Random) -> list[str]:
    """Mostly people who share a hive or a language, plus a few others."""
    others = [b for b in people.BEES if b["handle"] != spec["handle"]]
    close = [b["handle"] for b in others if set(b["hives"]) & set(spec["hives"]) or b["lang"] == spec["lang"]]
    far = [b["handle"] for b in others if b["handle"] not in close]
    chosen = rng.sample(close, min(len(close), rng.randint(6, 18)))
    chosen += rng.sample(far, min(len(far), rng.randint(0, 4)))
    if spec["handle"] != DEMO_HANDLE and DEMO_HANDLE not in chosen and rng.random() < 0.5:
        chosen.append(DEMO_HANDLE)
    return chosen


def _choose_author(spec: dict, rng: random.Random) -> str:
    """A bee who writes the post's language and, for a hive post, belongs to the hive."""
    speakers = [b for b in people.BEES if b["lang"] == spec["lang"]]
    if spec["hive"]:
        in_hive = [b for b in speakers if spec["hive"] in b["hives"]]
        if in_hive:
            return rng.choice(in_hive)["handle"]
        return rng.choice([b for b in people.BEES if spec["hive"] in b["hives"]])["handle"]
    return rng.choice(speakers or people.BEES)["handle"]
