"""Whole profiles for the talent benchmark, deterministic from a seed, written through the real
schema as the services would write them.

Skills (3–15 a bee, Zipf-distributed over about 400 names in English, Arabic, Hebrew and
Spanish, clustered by field), interests and hobbies, causes, languages, locations from about
200 cities (some in Arabic or Hebrew script), positions (``career_start`` is the earliest),
hives with power-law sizes and their members, a few hundred recruiter and editor accounts.
Keys are folded by the app's own ``skill_key``, ``tag_key`` and ``location_key`` and the bees
are indexed by ``reindex_all``; ``tests/bench/test_talent.py`` checks that at a small scale.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from math import log

from sqlalchemy import Connection, insert, text
from werkzeug.security import generate_password_hash

from app.hives.models import Hive, HiveTag, Membership, MembershipState, Role
from app.hives.services import parse_tags
from app.profiles.data import location_key, skill_key, tag_key
from app.profiles.models import SKILL_LEVELS, Bee, Position, ProfileTag, Skill
from app.search.index import reindex_all
from app.text import slugify
from bench.generate import BENCH_PASSWORD, _chunks, _power_law, _weighted_sample
from bench.talent_vocabulary import (
    AT,
    CAUSES,
    CITIES,
    CULTURES,
    FIELDS,
    FIRST_NAMES,
    FLUENCIES,
    HIVE_NAMES,
    INTERESTS,
    LANGUAGES,
    LAST_NAMES,
    ORGANIZATIONS,
    ROLES,
    SKILLS,
    TODAY,
)

FIELD_BOOST, CULTURE_BOOST = 6.0, 4.0  # how much more a bee draws from its own field and culture


def _split(words: str, separator: str = ",") -> list[str]:
    return [word.strip() for word in words.split(separator) if word.strip()]


def _zipf(count: int, exponent: float) -> list[float]:
    return [1 / rank**exponent for rank in range(1, count + 1)]


@dataclass(frozen=True)
class Scale:
    """How many bees, hives and recruiter or editor accounts."""

    bees: int = 100_000
    hives: int = 1_000
    seekers: int = 300
    seed: int = 2026


class Vocabulary:
    """The names bees draw from, each list's cumulative weights for a bee's field and culture."""

    def __init__(self) -> None:
        self.skills: list[str] = []
        owner: list[str] = []  # the field (or the culture) each skill belongs to
        base: list[float] = []
        for group, names in SKILLS.items():
            names = _split(names)
            self.skills += names
            owner += [group] * len(names)
            base += _zipf(len(names), 1.0)
        self.skill_keys = [skill_key(name) for name in self.skills]
        self.skill_weights = {
            (field, culture): list(
                accumulate(
                    weight
                    * (FIELD_BOOST if group == field else 1.0)
                    * (CULTURE_BOOST if group == culture else 0.0 if group in CULTURES else 1.0)
                    for weight, group in zip(base, owner, strict=True)
                )
            )
            for field in FIELDS
            for culture in CULTURES
        }
        self.interests, self.interest_weights = self._by_culture(INTERESTS, 0.9)
        self.languages, self.language_weights = self._by_culture(LANGUAGES, 1.3, boost=12.0)
        self.cities = {culture: _split(names) for culture, names in CITIES.items()}
        self.city_weights = {
            culture: list(accumulate(_zipf(len(c), 0.8))) for culture, c in self.cities.items()
        }
        self.causes = _split(CAUSES)
        self.cause_weights = list(accumulate(_zipf(len(self.causes), 0.7)))
        self.first_names = {culture: names.split() for culture, names in FIRST_NAMES.items()}
        self.last_names = {culture: names.split() for culture, names in LAST_NAMES.items()}
        self.roles = {group: _split(names) for group, names in ROLES.items()}
        self.organizations = _split(ORGANIZATIONS)
        self.field_weights = list(accumulate(FIELDS.values()))
        self.culture_weights = list(accumulate(CULTURES.values()))

    @staticmethod
    def _by_culture(lists: dict[str, str], exponent: float, boost: float = CULTURE_BOOST):
        """All the names of ``lists`` (a name in two lists once), and per culture cumulative
        weights: its own list boosted, the English one as is, the others barely."""
        names: dict[str, int] = {}
        drawn = []  # (index of the name, its list, its Zipf weight in that list)
        for group, listed in lists.items():
            for rank, name in enumerate(_split(listed), start=1):
                drawn.append((names.setdefault(name, len(names)), group, 1 / rank**exponent))
        weights = {}
        for culture in CULTURES:
            merged = [0.0] * len(names)
            for index, group, weight in drawn:
                merged[index] += weight * (boost if group == culture else 1.0 if group == "en" else 0.05)
            weights[culture] = list(accumulate(merged))
        return list(names), weights


FOUNDED = datetime(2022, 11, 1, tzinfo=UTC)  # the first bee joined then, the last one on TODAY


def _pick(rng: random.Random, cum_weights: list[float]) -> int:
    """One 0-based index drawn by weight."""
    return min(bisect_left(cum_weights, rng.random() * cum_weights[-1]), len(cum_weights) - 1)


def _distinct(rng: random.Random, cum_weights: list[float], k: int) -> list[int]:
    """Up to ``k`` distinct indices drawn by weight, in the order drawn."""
    chosen: dict[int, None] = {}
    for _ in range(k * 30):
        if len(chosen) >= k:
            break
        chosen.setdefault(_pick(rng, cum_weights), None)
    return list(chosen)


def _month(offset_months: int) -> date:
    """The first day of the month ``offset_months`` before :data:`TODAY`'s."""
    months = TODAY.year * 12 + TODAY.month - 1 - offset_months
    return date(months // 12, months % 12 + 1, 1)


@dataclass
class Profile:
    """One bee's rows, as the services would write them."""

    bee: dict
    skills: list[dict]
    tags: list[dict]
    positions: list[dict]


def _location(rng: random.Random, vocab: Vocabulary, culture: str) -> str:
    if rng.random() < 0.07:
        return ""
    home = culture if rng.random() < 0.85 else "en"
    city, _, country = vocab.cities[home][_pick(rng, vocab.city_weights[home])].partition("|")
    comma = "، " if home == "ar" and not city.isascii() else ", "
    return f"{city}{comma}{country}" if country else city


def _positions(rng: random.Random, vocab: Vocabulary, bee_id: int, roles: list[str], location: str):
    """0–5 jobs, newest first (place 0), each starting in the month the one before ended."""
    count = rng.choices(range(6), weights=(10, 20, 25, 20, 15, 10))[0]
    months = max(count, min(40 * 12, int(rng.lognormvariate(log(8), 0.7) * 12)))
    if not count:
        return []
    offsets = [months, *sorted(rng.sample(range(months), count - 1), reverse=True)]  # oldest first
    rows = []
    for n, offset in enumerate(offsets):
        start = _month(offset)
        if n + 1 < len(offsets):
            end = _month(offsets[n + 1])
        else:
            end = None if rng.random() < 0.8 else _month(rng.randint(0, offset))
        rows.append(
            {
                "bee_id": bee_id,
                "title": rng.choice(roles),
                "organization": rng.choice(vocab.organizations),
                "location": location if rng.random() < 0.6 else "",
                "start_on": start,
                "end_on": end,
                "description": "",
                "place": count - 1 - n,
            }
        )
    return rows


def _tags(rng: random.Random, vocab: Vocabulary, bee_id: int, culture: str) -> list[dict]:
    """Interests and hobbies (2–8; now and then one listed as both), causes (0–2), languages (1–3)."""
    listed: dict[str, list[tuple[str, str]]] = {"interest": [], "hobby": [], "cause": [], "language": []}
    for index in _distinct(rng, vocab.interest_weights[culture], rng.randint(2, 8)):
        name = vocab.interests[index]
        kinds = ["interest", "hobby"] if rng.random() < 0.05 else [rng.choice(("interest", "hobby"))]
        for kind in kinds:
            listed[kind].append((name, ""))
    for index in _distinct(rng, vocab.cause_weights, rng.choices((0, 1, 2), (50, 30, 20))[0]):
        listed["cause"].append((vocab.causes[index], ""))
    for n, index in enumerate(
        _distinct(rng, vocab.language_weights[culture], rng.choices((1, 2, 3), (45, 40, 15))[0])
    ):
        fluency = "native" if n == 0 and rng.random() < 0.7 else rng.choice(FLUENCIES)
        listed["language"].append((vocab.languages[index], fluency))
    rows = []
    for kind, names in listed.items():
        seen: set[str] = set()
        for name, detail in names:
            key = tag_key(name)
            if key not in seen:  # as check_tags drops a repeat after folding
                seen.add(key)
                rows.append({"bee_id": bee_id, "kind": kind, "name": name, "key": key, "detail": detail,
                             "place": len(seen) - 1})  # fmt: skip
    return rows


def profile(
    rng: random.Random, vocab: Vocabulary, bee_id: int, joined: datetime, password_hash: str
) -> Profile:
    """A whole bee drawn from the vocabulary, its talent facts derived as the services derive them."""
    culture = list(CULTURES)[_pick(rng, vocab.culture_weights)]
    field = list(FIELDS)[_pick(rng, vocab.field_weights)]
    own_words = culture != "en" and rng.random() < 0.6
    roles = vocab.roles[culture] if own_words else vocab.roles[field]
    location = _location(rng, vocab, culture)
    positions = _positions(rng, vocab, bee_id, roles, location)
    skills, keys = [], set()
    for index in _distinct(
        rng, vocab.skill_weights[(field, culture)], min(15, max(3, round(rng.lognormvariate(log(7), 0.45))))
    ):
        if vocab.skill_keys[index] in keys:
            continue
        keys.add(vocab.skill_keys[index])
        skills.append(
            {
                "bee_id": bee_id,
                "name": vocab.skills[index],
                "key": vocab.skill_keys[index],
                "years": None if rng.random() < 0.35 else rng.randint(1, 20),
                "level": None if rng.random() < 0.4 else rng.choice(SKILL_LEVELS),
                "place": len(skills),
            }
        )
    headline = rng.choice(roles)
    if (style := rng.random()) < 0.5:
        headline = f"{headline}{AT[culture] if own_words else AT['en']}{rng.choice(vocab.organizations)}"
    elif style < 0.75:
        headline = f"{headline} · {skills[0]['name']}"
    name = f"{rng.choice(vocab.first_names[culture])} {rng.choice(vocab.last_names[culture])}"
    suspended = rng.random() < 0.001
    bee = {
        "id": bee_id,
        "handle": f"bee{bee_id}",
        "email": f"bee{bee_id}@talent.bench.apiary.example.org",
        "display_name": name,
        "headline": headline,
        "password_hash": password_hash,
        "created_at": joined,
        "location": location,
        "location_key": location_key(location),
        "career_start": min((row["start_on"] for row in positions), default=None),
        "open_to_work": rng.random() < 0.05,
        "open_to_freelance": rng.random() < 0.05,
        "account_kind": "bee",
        "suspended_at": joined + timedelta(days=30) if suspended else None,
        "suspension_reason": "Spam" if suspended else "",
    }
    return Profile(bee, skills, _tags(rng, vocab, bee_id, culture), positions)


def _hives(
    rng: random.Random, scale: Scale, joined: list[datetime]
) -> tuple[list[dict], list[dict], list[dict]]:
    """Hives about the interests, whose sizes follow a power law, with their active members."""
    popularity = list(accumulate(_power_law(scale.hives, 0.9, rng)))
    members: dict[int, list[int]] = {hive: [] for hive in range(1, scale.hives + 1)}
    for bee in range(1, scale.bees + 1):
        wanted = min(scale.hives - 1, max(0, int(rng.lognormvariate(log(3), 0.8))))
        for hive in sorted(_weighted_sample(rng, popularity, wanted, exclude=0)) if wanted else ():
            members[hive].append(bee)
    topics = [(culture, topic) for culture, words in INTERESTS.items() for topic in _split(words)]
    hives, tags, memberships, names, slugs = [], [], [], set(), set()
    for hive, bees in members.items():
        bees = bees or [rng.randint(1, scale.bees)]  # every hive has at least its owner
        while True:
            culture, topic = rng.choice(topics)
            name = rng.choice(HIVE_NAMES[culture]).format(topic=topic)
            if name.casefold() not in names and len(name) <= 60:
                break
        names.add(name.casefold())
        slug = slugify(name, 70) or "hive"
        slug = slug if slug not in slugs else f"{slug}-{hive}"
        slugs.add(slug)
        created = joined[bees[0] - 1] + timedelta(days=1)
        hives.append({"id": hive, "slug": slug, "name": name, "name_key": name.casefold(),
                      "description": f"Bees who care about {topic}.", "created_by_id": bees[0],
                      "created_at": created, "is_private": rng.random() < 0.05})  # fmt: skip
        tags += [{"hive_id": hive, "tag": tag} for tag in parse_tags(slugify(topic, 30))]
        for bee in bees:
            moment = max(created, joined[bee - 1])
            role = Role.OWNER if bee == bees[0] else Role.MEMBER
            memberships.append(
                {"bee_id": bee, "hive_id": hive, "role": role, "state": MembershipState.ACTIVE,
                 "joined_at": moment, "changed_at": moment}
            )  # fmt: skip
    return hives, tags, memberships


def generate(connection: Connection, scale: Scale) -> dict:
    """Write ``scale``'s bees, profiles and hives into an empty, migrated database; index the
    bees for search; return how many rows of each were written."""
    rng = random.Random(scale.seed)
    vocab = Vocabulary()
    password_hash = generate_password_hash(BENCH_PASSWORD)
    span = (datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - FOUNDED) / max(1, scale.bees)
    joined = [FOUNDED + span * n for n in range(scale.bees)]
    seekers = set(rng.sample(range(1, scale.bees + 1), min(scale.seekers, scale.bees)))
    counts = dict.fromkeys(("bees", "skills", "profile_tags", "positions"), 0)
    batch: dict[str, list[dict]] = {"bees": [], "skills": [], "profile_tags": [], "positions": []}
    tables = {"bees": Bee, "skills": Skill, "profile_tags": ProfileTag, "positions": Position}

    def flush() -> None:
        for name, rows in batch.items():  # bees first: the others refer to them
            if rows:
                connection.execute(insert(tables[name]), rows)
                counts[name] += len(rows)
                rows.clear()

    for bee_id in range(1, scale.bees + 1):
        made = profile(rng, vocab, bee_id, joined[bee_id - 1], password_hash)
        if bee_id in seekers:  # two recruiters for each editor
            made.bee["account_kind"] = "editor" if bee_id % 3 == 0 else "recruiter"
        batch["bees"].append(made.bee)
        batch["skills"] += made.skills
        batch["profile_tags"] += made.tags
        batch["positions"] += made.positions
        if len(batch["profile_tags"]) >= 20_000:
            flush()
    flush()
    hives, tags, memberships = _hives(rng, scale, joined)
    for table, rows in ((Hive, hives), (HiveTag, tags), (Membership, memberships)):
        for chunk in _chunks(iter(rows)):
            connection.execute(insert(table), chunk)
    searchable = reindex_all(connection, bulk=True)  # the search index, as the app keeps it
    if connection.dialect.name == "postgresql":
        for table in ("bees", "hives"):
            connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))  # noqa: S608
    connection.execute(text("ANALYZE"))
    return {
        **counts,
        "hives": len(hives),
        "memberships": len(memberships),
        "searchable_bees": searchable["bees"],
    }
