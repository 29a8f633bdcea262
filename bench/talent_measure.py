"""What the talent benchmark measures: realistic searches drawn from what the database holds,
their first pages timed through the app and through the service alone (each SQL statement by
the part of the search it serves), the slowest explained, and first pages checked against
brute force."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from urllib.parse import urlencode

from flask import current_app, request
from sqlalchemy import event, func, select

from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState, active_hive_ids, active_member_ids
from app.profiles.data import location_key, skill_key, tag_key
from app.profiles.models import Bee, ProfileTag, Skill
from app.search.folding import words
from app.talent.forms import TalentSearchForm
from app.talent.search import HIVE_POINTS, INTEREST_POINTS, PAGE_SIZE, SKILL_POINTS, search_talent
from bench.generate import BENCH_PASSWORD
from bench.run import ROOT
from bench.talent_data import _pick

TARGET_P95_MS = 100.0
SHAPES = {  # what a search asks for (soft terms), and how often; hard filters ride on any of them
    "skills": 30, "skills+interests": 15, "skills+hive": 10, "words+skills": 10, "words": 5,
    "interests": 5, "hive": 5, "skills+interests+hive": 5, "everything": 5, "filters only": 10,
}  # fmt: skip
PHASES = ("hives", "words", "page", "reasons")
SEARCH_MODULE = ROOT / "app" / "talent" / "search.py"  # what is measured, fingerprinted in the results


@dataclass(frozen=True)
class Search:
    """One search as a recruiter types it into the form."""

    shape: str
    params: tuple[tuple[str, str], ...]

    @property
    def url(self) -> str:
        return "/talent?" + urlencode(self.params)

    @property
    def has_words(self) -> bool:
        return any(name == "q" for name, _ in self.params)

    @property
    def filtered(self) -> bool:
        return any(name in ("location", "languages", "years", "open_to") for name, _ in self.params)


@dataclass
class Pools:
    """What there is to search for, most common first: (what is typed, how many bees have it)."""

    skills: list[tuple[str, int]]
    interests: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    hives: list[tuple[str, int]]
    locations: list[tuple[str, int]]
    words: list[str]


def read_pools(searcher_id: int) -> Pools:
    """Read the pools from the database (so ``--reuse`` needs no plan)."""

    def ranked(model, *where):
        rows = select(func.min(model.name), func.count()).where(*where).group_by(model.key)
        return [
            tuple(row) for row in db.session.execute(rows.order_by(func.count().desc(), func.min(model.name)))
        ]

    visible = ~Hive.is_private | Hive.id.in_(active_hive_ids(searcher_id))
    hives = (
        select(Hive.name, func.count())
        .join(Membership, Membership.hive_id == Hive.id)
        .where(visible, Membership.state == MembershipState.ACTIVE)
        .group_by(Hive.id, Hive.name)
        .order_by(func.count().desc(), Hive.id)
    )
    places = select(Bee.location, func.count()).where(Bee.location != "").group_by(Bee.location)
    typed: Counter[str] = Counter()
    for location, count in db.session.execute(places):
        typed[location.replace("،", ",").split(",")[0].strip()] += count
    headlines = db.session.scalars(select(Bee.headline).order_by(Bee.id).limit(20_000))
    common = Counter(word for headline in headlines for word in words(headline) if len(word) > 3)
    return Pools(
        skills=ranked(Skill),
        interests=ranked(ProfileTag, ProfileTag.kind.in_(("interest", "hobby"))),
        languages=ranked(ProfileTag, ProfileTag.kind == "language"),
        hives=[tuple(row) for row in db.session.execute(hives)],
        locations=typed.most_common(),
        words=[word for word, _ in common.most_common(30)],
    )


def _ranked(rng: random.Random, pool: list, avoid: set | frozenset = frozenset()) -> str:
    """A name biased to the common and the middle: the top 15, ranks 15–100, or the tail."""
    for _ in range(20):
        band = rng.choices(((0, 15), (15, 100), (100, len(pool))), weights=(45, 40, 15))[0]
        low, high = min(band[0], len(pool) - 1), min(band[1], len(pool))
        name = pool[rng.randrange(low, max(low + 1, high))][0]
        if name not in avoid:
            return name
    return name


def draw_searches(rng: random.Random, pools: Pools, count: int) -> list[Search]:
    """``count`` searches of the :data:`SHAPES`, with filters now and then."""
    searches = []
    for _ in range(count):
        shape = rng.choices(list(SHAPES), weights=list(SHAPES.values()))[0]
        parts = {"words", "skills", "interests", "hive"} if shape == "everything" else set(shape.split("+"))
        params: dict[str, str] = {}
        if "words" in parts:
            params["q"] = rng.choice(pools.words[:15] if rng.random() < 0.7 else pools.words)
        if "skills" in parts:
            chosen: list[str] = []
            for _ in range(rng.choices((1, 2, 3), weights=(45, 35, 20))[0]):
                chosen.append(_ranked(rng, pools.skills, set(chosen)))
            params["skills"] = ", ".join(chosen)
        if "interests" in parts:
            chosen = []
            for _ in range(rng.choices((1, 2), weights=(65, 35))[0]):
                chosen.append(_ranked(rng, pools.interests, set(chosen)))
            params["interests"] = ", ".join(chosen)
        if "hive" in parts:
            params["hives"] = _ranked(rng, pools.hives)
        filters = {"location": 0.2, "languages": 0.15, "years": 0.2, "open_to": 0.1}
        if shape == "filters only":
            wanted = set(rng.sample(list(filters), rng.choice((1, 2))))
        else:
            wanted = {name for name, chance in filters.items() if rng.random() < chance}
        if "location" in wanted:
            city = pools.locations[_pick(rng, list(accumulate(n for _, n in pools.locations)))][0]
            params["location"] = city.casefold() if rng.random() < 0.5 else city
        if "languages" in wanted:
            params["languages"] = _ranked(rng, pools.languages[:12])
        if "years" in wanted:
            params["years"] = str(rng.choice((2, 3, 5, 8, 10, 15)))
        if "open_to" in wanted:
            params["open_to"] = rng.choice(("work", "freelance"))
        searches.append(Search(shape, tuple(params.items())))
    return searches


class StatementClock:
    """Times every SQL statement while running, by the part of the search it serves."""

    def __init__(self, engine) -> None:
        self.phases: dict[str, float] | None = None
        self.slowest: tuple[float, str, object] = (0.0, "", None)
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def start(self) -> None:
        self.phases, self.slowest = dict.fromkeys(PHASES, 0.0), (0.0, "", None)

    def stop(self) -> dict[str, float]:
        phases, self.phases = self.phases or {}, None
        return {name: round(ms, 2) for name, ms in phases.items()}

    def _before(self, connection, _cursor, _statement, _parameters, _context, _many) -> None:
        connection.info["talent_started"] = time.perf_counter()

    def _after(self, connection, _cursor, statement, parameters, _context, _many) -> None:
        if self.phases is None:
            return
        ms = (time.perf_counter() - connection.info.pop("talent_started")) * 1000
        self.phases[_phase(statement)] += ms
        if ms > self.slowest[0]:
            self.slowest = (ms, statement, parameters)


def _phase(statement: str) -> str:
    """Which part of a search a statement serves: the page (scoring, filters, order; a word
    match inside it counts here), hive names, a word match of its own, or the reasons."""
    if "strength" in statement:
        return "page"
    if "search_bees" in statement and "IN (" not in statement:
        return "words"
    if "FROM hives" in statement and "name_key IN" in statement:
        return "hives"
    return "reasons"


def sign_in(client, handle: str) -> None:
    """Log in through the real login form, CSRF token and all."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    data = {"login": handle, "password": BENCH_PASSWORD, "csrf_token": token[1] if token else ""}
    response = client.post("/login", data=data)
    if response.status_code != 302:
        raise RuntimeError(f"the recruiter could not log in: {response.status_code}")


def measure(app, searches: list[Search], searcher_id: int) -> list[dict]:
    """A warm-up pass, then every search's first page over HTTP, then every service call alone.

    The two timed passes are separate so that each search follows a different one in both, as
    on a live site: timing the service right after the same search over HTTP would find the
    pages it reads in the connection's cache and flatter the service.
    """
    with app.app_context():
        clock = StatementClock(db.engine)
        handle = db.session.get(Bee, searcher_id).handle
    client = app.test_client()
    sign_in(client, handle)

    def over_http(search: Search) -> float:
        started = time.perf_counter()
        response = client.get(search.url)
        if response.status_code != 200:
            raise RuntimeError(f"{search.url}: {response.status_code}")
        return round((time.perf_counter() - started) * 1000, 2)

    def service_alone(search: Search) -> dict:
        with app.test_request_context(search.url):
            searcher = db.session.get(Bee, searcher_id)
            query = TalentSearchForm(request.args).query()
            clock.start()
            started = time.perf_counter()
            page = search_talent(searcher, query)
            service_ms = round((time.perf_counter() - started) * 1000, 2)
            phases = clock.stop()
            db.session.remove()
        return {"service_ms": service_ms, "phases": phases, "matches": len(page.matches),
                "more": page.next_after is not None, "slowest_statement": clock.slowest[1:]}  # fmt: skip

    for search in searches:  # warm-up
        over_http(search)
        service_alone(search)
    http = [over_http(search) for search in searches]
    return [
        {"shape": search.shape, "url": search.url, "filtered": search.filtered, "http_ms": http_ms}
        | service_alone(search)
        for search, http_ms in zip(searches, http, strict=True)
    ]


def explain(statement: str, parameters) -> list[str]:
    """The plan of one statement as the database reports it (PostgreSQL: run, with buffers)."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        depth = {0: -1}
        lines = []
        for node, parent, _, detail in rows:
            depth[node] = depth.get(parent, -1) + 1
            lines.append("  " * depth[node] + detail)
        return lines
    rows = connection.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all()
    return [row[0] for row in rows]


def brute_force(search: Search, searcher_id: int, facts: dict[int, tuple]) -> list[tuple[int, int]]:
    """The first page a search without words should give, counted the slow way."""
    with current_app.test_request_context(search.url):
        query = TalentSearchForm(request.args).query()
    strength: Counter[int] = Counter()
    soft = False

    def holders(statement) -> set[int]:
        return set(db.session.scalars(statement))

    for key in {skill_key(name) for name in query.skills}:
        soft = True
        strength.update(dict.fromkeys(holders(select(Skill.bee_id).where(Skill.key == key)), SKILL_POINTS))
    for key in {tag_key(name) for name in query.interests}:
        soft = True
        tagged = select(ProfileTag.bee_id).where(
            ProfileTag.kind.in_(("interest", "hobby")), ProfileTag.key == key
        )
        strength.update(dict.fromkeys(holders(tagged), INTEREST_POINTS))
    for name in query.hives:
        soft = True
        hive = db.session.scalar(select(Hive.id).where(Hive.name_key == name.strip().casefold()))
        strength.update(dict.fromkeys(holders(active_member_ids(hive)), HIVE_POINTS))
    candidates = set(strength) if soft else set(facts)
    place = location_key(query.location)
    today = date.today()
    for bee_id in list(candidates):
        key, career_start, open_to_work, open_to_freelance, live = facts[bee_id]
        if (
            not live
            or bee_id == searcher_id
            or (place and place not in key)
            or (query.open_to == "work" and not open_to_work)
            or (query.open_to == "freelance" and not open_to_freelance)
            or (
                query.min_years
                and not (career_start and career_start <= date(today.year - query.min_years, today.month, 1))
            )
        ):
            candidates.discard(bee_id)
    for name in query.languages:
        spoken = select(ProfileTag.bee_id).where(
            ProfileTag.kind == "language", ProfileTag.key == tag_key(name)
        )
        candidates &= holders(spoken)
    return sorted(((bee_id, strength[bee_id]) for bee_id in candidates), key=lambda m: (-m[1], m[0]))[
        :PAGE_SIZE
    ]


def check_pages(searches: list[Search], searcher_id: int, samples: int = 40) -> list[str]:
    """Compare the first page of sampled searches without words with :func:`brute_force`."""
    rows = select(Bee.id, Bee.location_key, Bee.career_start, Bee.open_to_work, Bee.open_to_freelance,
                  Bee.deleted_at.is_(None) & Bee.suspended_at.is_(None))  # fmt: skip
    facts = {row[0]: tuple(row[1:]) for row in db.session.execute(rows)}
    searcher = db.session.get(Bee, searcher_id)
    problems = []
    for search in [search for search in searches if not search.has_words][:samples]:
        with current_app.test_request_context(search.url):
            page = search_talent(searcher, TalentSearchForm(request.args).query())
        got = [(match.bee.id, match.strength) for match in page.matches]
        if got != (expected := brute_force(search, searcher_id, facts)):
            problems.append(f"{search.url}: first page {got[:3]}… differs from brute force {expected[:3]}…")
    return problems


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (no interpolation: a value that was measured)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-q * len(ordered) // 100)) - 1))] if ordered else 0.0


def stats(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 1),
        "p95": round(percentile(values, 95), 1),
        "p99": round(percentile(values, 99), 1),
        "max": round(max(values, default=0.0), 1),
    }
