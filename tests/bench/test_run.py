"""The benchmark itself, end to end at a tiny scale, so ``make bench`` cannot rot.

A small network is generated, gunicorn serves it as production does, wrk
drives every scenario for a second, and the run's own correctness checks
(sampled feeds and delivery counts against brute force) must find nothing.
It runs on SQLite and, in its own database, on PostgreSQL.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench.generate import Scale
from bench.load import Result
from bench.run import READS, WRITES, run, summarize
from tests.conftest import ON_CI, PG_URL, pg_url

TINY = Scale(bees=150, hives=15, posts=3000, days=30, seed=11)


@pytest.fixture(scope="module")
def wrk():
    if shutil.which("wrk") is None:
        if ON_CI:
            pytest.fail("wrk is missing: CI must run the benchmark smoke test (.ci/run installs it).")
        pytest.skip("wrk is not installed (apt-get install wrk); on CI this fails instead")


def check(results: dict, rounds: int) -> None:
    assert results["problems"] == []
    assert set(results["scenarios"]) == set(READS + WRITES)
    for name, row in results["scenarios"].items():
        assert len(row["rounds"]) == rounds, name
        assert row["requests"] > 0, name
        assert row["bad_responses"] == 0, name
        assert row["ratio_to_ceiling"] > 0, name
    assert results["scenarios"]["ceiling"]["ratio_to_ceiling"] == 1.0
    assert results["dataset"]["posts"] == TINY.posts
    assert results["delivery"]["missing"] == 0
    assert results["delivery"]["followers"] == results["star_followers"] > 0
    writes = results["write_transactions"]
    published = results["scenarios"]["publish"]["requests"] + results["scenarios"]["publish_star"]["requests"]
    assert writes["count"] >= published > 0  # every publish was timed (wrk may cut the last few short)
    assert 0 < writes["max_ms"] < 60_000
    assert json.loads(Path(results["path"]).read_text())["scenarios"] == results["scenarios"]
    assert Path(results["chart"]).read_bytes().startswith(b"\x89PNG")


def test_the_benchmark_runs_and_checks_itself_on_sqlite(wrk, tmp_path):
    check(run(f"sqlite:///{tmp_path / 'bench.db'}", TINY, 1, tmp_path / "results", "smoke", rounds=2), 2)


@pytest.mark.postgres
@pytest.mark.skipif(not (PG_URL or ON_CI), reason="TEST_DATABASE_URL is not set")
def test_the_benchmark_runs_and_checks_itself_on_postgresql(wrk, tmp_path):
    admin = create_engine(pg_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS apiary_bench_smoke"))
        connection.execute(text("CREATE DATABASE apiary_bench_smoke"))
    try:
        url = pg_url().rsplit("/", 1)[0] + "/apiary_bench_smoke"
        check(run(url, TINY, 1, tmp_path / "results", "smoke-pg", rounds=1), 1)
    finally:
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS apiary_bench_smoke WITH (FORCE)"))
        admin.dispose()


def test_a_scenario_is_its_median_round_against_that_round_s_ceiling():
    def measured(rps, p99):
        return Result(rps=rps, p50_ms=p99 / 2, p99_ms=p99, requests=int(rps), bad_responses=0, errors=0)

    # The machine slows down in round 2: the ceiling and the scenario with it.
    ceilings = [measured(1000, 10), measured(500, 30), measured(1000, 12)]
    home = [measured(600, 20), measured(310, 40), measured(550, 22)]

    row = summarize(home, ceilings)

    assert row["ratio_to_ceiling"] == 0.6  # rounds give 0.60, 0.62 and 0.55
    assert row["rps"] == 550
    assert row["p99_ms"] == 40  # the worst round's
    assert row["requests"] == 1460
    assert [r["rps"] for r in row["rounds"]] == [600, 310, 550]
