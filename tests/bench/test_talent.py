"""The talent benchmark at a tiny scale, so that ``make bench-talent`` cannot rot.

The generated profiles are the ones the services would have written (every
value passes their checks unchanged, and writing the same profile through
``replace_profile`` gives the same rows and the same talent facts); search
finds what the generator made; the runner measures, checks its first pages
against brute force and writes its report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState
from app.profiles import record
from app.profiles.data import check_profile, location_key
from app.profiles.models import Bee, Position, ProfileTag, Skill
from app.search import index
from app.search.folding import words
from app.talent.search import HIVE_POINTS, INTEREST_POINTS, SKILL_POINTS, TalentQuery, search_talent
from bench.talent import markdown, run
from bench.talent_data import Scale, generate
from bench.talent_measure import SHAPES
from bench.talent_suggestions import LISTS, LIVE, REFRESH
from tests.factories import make_bee

TINY = Scale(bees=300, hives=12, seekers=12, seed=5)


@pytest.fixture
def search_index_emptied(app):
    """The generated bees' search index emptied after each test: the app fixture empties the
    tables it knows, and a stale index would find bees in later tests."""
    yield
    with db.engine.begin() as connection:
        for table in index.TABLES.values():
            connection.execute(text(f"DELETE FROM {table}"))


def _rows(model, bee_id: int, *columns: str) -> list[tuple]:
    rows = db.session.scalars(select(model).where(model.bee_id == bee_id).order_by(model.id))
    return sorted(tuple(getattr(row, column) for column in columns) for row in rows)


def test_generated_profiles_are_what_the_services_would_have_written(app, search_index_emptied):
    with db.engine.begin() as connection:
        made = generate(connection, TINY)
    assert (made["bees"], made["hives"], made["searchable_bees"]) == (300, 12, 300)
    per_bee = dict(db.session.execute(select(Skill.bee_id, func.count()).group_by(Skill.bee_id)).all())
    assert len(per_bee) == 300
    assert 3 <= min(per_bee.values()) <= max(per_bee.values()) <= 15
    kinds = {kind for (kind,) in db.session.execute(select(ProfileTag.kind).distinct())}
    assert kinds == {"interest", "hobby", "cause", "language"}
    seekers = db.session.scalars(select(Bee.account_kind).where(Bee.account_kind != "bee")).all()
    assert sorted(set(seekers)) == ["editor", "recruiter"]
    assert len(seekers) == TINY.seekers

    skills = ("name", "key", "years", "level", "place")
    tags = ("kind", "name", "key", "detail", "place")
    positions = ("title", "organization", "location", "start_on", "end_on", "place")
    for bee_id in range(1, 301, 23):
        bee = db.session.get(Bee, bee_id)
        data = record.snapshot(bee)
        assert check_profile(data) == data  # every value passes the services' checks unchanged
        twin = record.replace_profile(make_bee(), data)
        assert (twin.location, twin.location_key, twin.career_start) == (
            bee.location,
            bee.location_key,
            bee.career_start,
        )
        assert bee.location_key == location_key(bee.location)
        for model, columns in ((Skill, skills), (ProfileTag, tags), (Position, positions)):
            assert _rows(model, twin.id, *columns) == _rows(model, bee.id, *columns), (bee_id, model)
        terms = index.query_terms(f"{bee.handle} {bee.headline}")
        assert bee.id in index.best_matches("bees", terms, None, 50).ids  # indexed as the app does


def _find(searcher: Bee, query: TalentQuery, bee_id: int):
    """The match for ``bee_id``, paging until it comes (or the results end)."""
    page = search_talent(searcher, query)
    while True:
        for match in page.matches:
            if match.bee.id == bee_id:
                return match
        if page.next_after is None:
            return None
        page = search_talent(searcher, query, page.next_after)


def test_search_finds_what_the_generator_made(app, search_index_emptied):
    with db.engine.begin() as connection:
        generate(connection, TINY)
    recruiter = db.session.scalar(select(Bee).where(Bee.account_kind == "recruiter").order_by(Bee.id))
    member = (
        select(Membership.bee_id, Hive.name)
        .join(Hive, Hive.id == Membership.hive_id)
        .where(
            ~Hive.is_private, Membership.state == MembershipState.ACTIVE, Membership.bee_id != recruiter.id
        )
        .order_by(Membership.bee_id)
    )
    checked = 0
    for bee_id, hive_name in db.session.execute(member).all()[::40]:
        bee = db.session.get(Bee, bee_id)
        if bee.suspended_at is not None:
            continue
        own_skills = db.session.scalars(
            select(Skill.name).where(Skill.bee_id == bee_id).order_by(Skill.place)
        )
        interests = db.session.scalars(
            select(ProfileTag.name).where(ProfileTag.bee_id == bee_id, ProfileTag.kind == "interest")
        ).all()
        skills = tuple(name.upper() for name in list(own_skills)[:2])  # as a recruiter might type them
        query = TalentQuery(skills=skills, interests=tuple(interests[:1]), hives=(hive_name.casefold(),))
        match = _find(recruiter, query, bee_id)
        expected = SKILL_POINTS * len(skills) + INTEREST_POINTS * len(interests[:1]) + HIVE_POINTS
        assert match is not None, (bee_id, query)
        assert match.strength == expected
        assert len(match.skills) == len(skills)
        assert match.hives == [hive_name]
        if bee.location:  # the city as typed, folded or not, keeps the bee in
            city = bee.location.replace("،", ",").split(",")[0].casefold()
            assert _find(recruiter, TalentQuery(skills=skills, location=city), bee_id) is not None
        headline_word = words(bee.headline)[0]
        worded = _find(recruiter, TalentQuery(words=f"{headline_word} {bee.handle}", skills=skills), bee_id)
        assert worded is not None
        assert worded.words
        checked += 1
    assert checked >= 5


def test_the_runner_measures_checks_and_reports(tmp_path):
    results = run(f"sqlite:///{tmp_path / 'talent.db'}", TINY, 24, tmp_path / "results", suggestion_count=10)
    assert results["problems"] == []
    assert results["searches"] == 24
    assert results["dataset"]["bees"] == 300
    assert set(results["shapes"]) <= set(SHAPES)
    assert results["overall"]["http"]["n"] == 24
    for row in results["measured"]:
        assert row["http_ms"] > 0
        assert row["service_ms"] > 0
    assert len(results["slowest"]) == 5
    assert results["slowest"][0]["plan"], "the slowest statement is explained"
    path = Path(results["path"])
    assert path.name == f"{results['date'][:10]}-talent-sqlite-300.json"
    assert json.loads(path.read_text())["overall"] == results["overall"]
    assert path.with_suffix(".md").read_text() == markdown(json.loads(path.read_text()))
    assert "target of 100 ms" in path.with_suffix(".md").read_text()
    suggestions = results["suggestions"]
    assert suggestions["bees"] == 10
    assert len(results["suggestions_measured"]) == 10
    for label in (*LISTS, "both (the page)", LIVE, REFRESH):
        assert suggestions[label]["n"] == 10
        assert suggestions[label]["p95"] > 0
    assert suggestions["kept differs from ranked"] == []
    assert 0 < suggestions["kept list answered"] <= 10
    assert results["machine_speed_ms"] > 0
    assert "## Suggestions for one bee" in path.with_suffix(".md").read_text()
