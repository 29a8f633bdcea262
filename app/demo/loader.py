"""Load the demo network through the app's own services.

Deterministic (a fixed seed), so every fresh ``make run`` shows the same network:
48 bees, 12 public hives with rules and a private one, 420 posts in five
languages over five months with conversations under the newest, a follow graph where bees mostly follow people who
share their hives and languages, and some moderation: the demo bee moderates a
hive it does not own, where a reported post waits in the queue, and owns a
private hive with a request to join waiting. The demo bee also has a few direct conversations,
some with messages it has not read.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select, update

from app.auth.services import register
from app.db import write_transaction
from app.demo import (
    comments,
    content_ar,
    content_he,
    content_ltr,
    content_ur,
    engagement,
    messages,
    opportunities,
    people,
    profiles,
)
from app.extensions import db
from app.hives import moderation, roles
from app.hives.services import create_hive, join_hive
from app.notifications.services import mark_all_read
from app.posts.comments import add_comment, may_comment
from app.posts.models import Post, PostHive
from app.posts.services import publish_post
from app.profiles.models import Bee, utcnow
from app.profiles.services import follow

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
    profiled = profiles.load(bees, people.BEES)

    hives = {}
    for spec in people.HIVES:
        members = [b["handle"] for b in people.BEES if spec["key"] in b["hives"]]
        owner = bees[members[0]] if members else bees[DEMO_HANDLE]
        hives[spec["key"]] = create_hive(
            owner, spec["name"], spec["description"], spec["tags"], rules=RULES.format(name=spec["name"])
        )
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
    talk = _converse(bees, posts, published, rng)
    made = _govern(bees, hives)
    for bee in bees.values():
        mark_all_read(bee)  # the network's history is read; what follows is news
    langs = {spec["handle"]: spec["lang"] for spec in people.BEES}
    engaged = engagement.load(bees, hives, langs, rng)
    written = messages.load(bees)
    offered = opportunities.load(bees, hives)
    return {
        "bees": len(bees),
        "hives": len(hives) + 1,
        "follows": follows,
        "posts": len(published) + made["posts"] + engaged["tagged"] + engaged["shares"] + offered["posts"],
        "comments": talk,
        "messages": written,
        "opportunities": offered["opportunities"],
        "answers": offered["answers"],
        "relevant": engaged["relevant"],
        "shares": engaged["shares"],
        "full profiles": profiled,
    }


def _converse(bees: dict[str, Bee], specs: list[dict], published: list[int], rng: random.Random) -> int:
    """Comments and a few replies under the newest posts, by bees who write their language."""
    made = 0
    for spec, post_id in list(zip(specs, published, strict=True))[-60:]:
        lines = comments.COMMENTS.get(spec["lang"], [])
        speakers = [b["handle"] for b in people.BEES if b["lang"] == spec["lang"]]
        post = db.session.get(Post, post_id)
        for _ in range(rng.randint(0, 3)):
            author = bees[rng.choice(speakers)]
            if not lines or not speakers or not may_comment(author, post):
                continue
            first = add_comment(author, post, rng.choice(lines))
            made += 1
            replier = bees[rng.choice(speakers)]
            if rng.random() < 0.3 and replier.id != author.id and may_comment(replier, post):
                add_comment(replier, post, rng.choice(lines), first.id)
                made += 1
    return made


RULES = """1. Be kind and assume good faith: disagree with ideas, never with people.
2. Stay on topic: {name}.
3. No spam, and no self-promotion without something to share.
4. Cite your sources when you state facts."""

MENTORS_POSTS = [
    "Portfolio reviews this Thursday: bring one project and the story of one decision you regret.",
    "How do you tell a junior designer their research plan is too big, without killing the energy?",
]


def _govern(bees: dict[str, Bee], hives: dict) -> dict[str, int]:
    """Roles, a report waiting in a queue, a warning in a log, and a private hive."""
    demo = bees[DEMO_HANDLE]
    # The demo bee owns its own hives; it joins one more and moderates there.
    moderated = next(hive for key, hive in hives.items() if key not in _hives_of(DEMO_HANDLE))
    hive_owner = db.session.get(Bee, moderated.created_by_id)
    join_hive(demo, moderated)
    roles.appoint_moderator(hive_owner, moderated, demo)
    in_trail = db.session.scalars(
        select(Post)
        .join(PostHive, PostHive.post_id == Post.id)
        .where(PostHive.hive_id == moderated.id, Post.author_id.not_in([demo.id, hive_owner.id]))
        .order_by(Post.id.desc())
        .limit(2)
    ).all()
    reporters = [b for handle, b in bees.items() if handle not in (DEMO_HANDLE, hive_owner.handle)]
    moderation.report_post(
        reporters[0], in_trail[0], "off_topic", "This reads like an advert for a shoe shop."
    )
    moderation.report_post(reporters[1], in_trail[0], "spam")
    moderation.report_post(reporters[2], in_trail[1], "misinformation")
    moderation.warn(hive_owner, moderated, in_trail[1], "Please add a source for the altitude figures.")

    mentors = create_hive(
        demo,
        "Design Mentors",
        "A private circle where senior designers mentor newcomers: portfolio reviews, career questions.",
        "mentoring design careers",
        is_private=True,
        rules=RULES.format(name="mentoring, portfolios and careers in design"),
    )
    ux = [handle for handle in bees if handle != DEMO_HANDLE and "ux-research" in _hives_of(handle)]
    for handle in ux[:4]:
        join_hive(bees[handle], mentors)
        roles.answer_request(demo, mentors, bees[handle], approve=True)
    join_hive(bees[ux[4]], mentors)  # a request waiting for the demo bee's answer
    for handle, body in zip(ux[:2], MENTORS_POSTS, strict=True):
        publish_post(bees[handle], "buzz", body, None, [mentors.id])
    return {"posts": len(MENTORS_POSTS)}


def _hives_of(handle: str) -> list[str]:
    return next(spec["hives"] for spec in people.BEES if spec["handle"] == handle)


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
