"""The realtime benchmark end to end at a tiny scale, so ``make bench`` cannot rot.

A small network is generated, gunicorn serves it as production does, 20 real
Socket.IO clients connect as bees and three authors publish six buzz (three of
them also to a hive) through ``POST /write``. Every event must reach exactly
its audience's connected clients: none lost, none misdelivered, none twice.
Latency is reported, never asserted: a test proves correctness, not speed.
One server process needs no Redis; two share one (``TEST_REDIS_URL``), which
is how ``make bench`` runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.generate import Scale
from bench.realtime import run
from tests.conftest import ON_CI, REDIS_URL

TINY = Scale(bees=120, hives=12, posts=1_000, days=30, seed=7)


def check(results: dict, clients: int) -> None:
    assert results["problems"] == []
    events = results["events"]
    assert events["posts"] == 6
    assert events["expected"] > 0
    assert events["outside_audience"] > 0  # clients that must not hear some post, and did not
    assert events["received"] == events["expected"]
    assert (events["lost"], events["misdelivered"], events["duplicates"], events["unknown"]) == (0, 0, 0, 0)
    assert results["clients"]["connected"] == clients
    assert results["latency_ms"]["count"] == events["received"]
    assert "local fan-out" in results["stages_ms"]  # the servers traced every post
    saved = json.loads(Path(results["path"]).read_text())
    assert saved["events"] == events
    assert results["verdict"] in Path(results["path"]).with_suffix(".txt").read_text()


def test_every_event_reaches_its_audience_and_no_one_else_on_one_process(tmp_path):
    results = run(
        f"sqlite:///{tmp_path / 'realtime.db'}",
        scale=TINY,
        clients=20,
        authors=3,
        posts=6,
        rate=10,
        grace_s=1,
        processes=1,
        redis_url=None,
        out_dir=tmp_path / "results",
        label="smoke",
    )
    check(results, 20)
    assert results["servers"]["message_queue"] is None


@pytest.mark.redis
@pytest.mark.skipif(not (REDIS_URL or ON_CI), reason="TEST_REDIS_URL is not set")
def test_every_event_reaches_its_audience_across_two_processes(tmp_path):
    if not REDIS_URL:
        pytest.fail("CI=true but TEST_REDIS_URL is not set: the realtime smoke test must use Redis on CI.")
    results = run(
        f"sqlite:///{tmp_path / 'realtime.db'}",
        scale=TINY,
        clients=20,
        authors=3,
        posts=6,
        rate=10,
        grace_s=1,
        processes=2,
        redis_url=REDIS_URL,
        clear_redis=False,  # the suite's Redis: the run's sockets leave nothing behind
        out_dir=tmp_path / "results",
        label="smoke-2",
    )
    check(results, 20)
    assert results["latency_cross_process_ms"]["count"] > 0  # half the clients heard through Redis
