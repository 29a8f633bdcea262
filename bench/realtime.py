"""``make bench-realtime``: real Socket.IO clients hear the posts of the bees they follow, live.

A small fresh network (1,000 bees, a power-law follow graph, 50 hives) is
served as production serves it: gunicorn with one gevent worker per process,
``APIARY_ENV=production`` with a generated secret, two processes sharing the
database and Redis (the Socket.IO message queue). 500 bees connect real
python-socketio clients (WebSocket transport), spread over both processes;
five authors, followed by about 90%, 70%, 50%, 30% and 10% of the network,
publish buzz through ``POST /write`` at a steady rate (5 a second, 100 in all),
every other round of theirs also to their largest hive, alternately through
each process. Every receipt of a ``post`` event is timed against the moment
its POST was sent; the servers trace each post's way (:mod:`bench.live_wsgi`).

Afterwards each post's audience is recounted by brute force from the database
(followers of the author ∪ active members of its hives, minus blocks; the
author's own sockets hear it too), and compared with who heard it: events
expected, received, lost, delivered to a bee outside the audience
(misdelivered), duplicates, and the latency of each delivery. Targets on this
machine: p99 ≤ 250 ms, 0 lost, 0 misdelivered.

Session cookies are minted with the servers' secret (:func:`bench.load.signed_sessions`,
as ``login_user`` leaves them): the harness stands in for 500 logins, which
would spend minutes hashing passwords and trip the login rate limit.

    python -m bench.realtime
    python -m bench.realtime --database-url postgresql://postgres@127.0.0.1:5432/bench_rt
    python -m bench.realtime --clients 20 --posts 3 --processes 1   # no Redis needed
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from app.hives.models import Membership, MembershipState
from app.profiles.models import Bee, Follow
from bench.database import absolute_url, bench_app, fresh_database
from bench.generate import Scale, generate
from bench.live import Author, Listener, run_crowd
from bench.live_servers import (
    cpu_s,
    machine_busy_s,
    raise_open_files_limit,
    redis_client,
    redis_cpu_s,
    servers,
    worker_pids_of,
)
from bench.load import signed_sessions, write_transactions
from bench.realtime_report import TARGET_P99_MS, analyse, cpu_report, summary, verdict

ROOT = Path(__file__).resolve().parent.parent
SCALE = Scale(bees=1_000, hives=50, posts=20_000, days=30, seed=2026)
DEFAULT_REDIS = "redis://127.0.0.1:6379/13"


@dataclass(frozen=True)
class Cast:
    """Who listens and who publishes."""

    listeners: list[int]
    authors: list[int]
    author_hives: dict[int, int | None]


def choose_cast(clients: int, authors: int, seed: int) -> Cast:
    """Authors whose followers are about 90%, …, 10% of the network (evenly spread, so that
    posts reach large and small audiences and many clients are outside some of them); the
    listeners are the authors and a random sample of the other bees. Each author's largest
    hive carries every other round of their posts (its members need not follow the author)."""
    bee_count = db.session.scalar(select(func.count(Bee.id)))
    counts = dict(
        db.session.execute(select(Follow.followee_id, func.count()).group_by(Follow.followee_id)).all()
    )
    shares = [0.9 - 0.8 * n / (authors - 1) for n in range(authors)] if authors > 1 else [0.9]
    stars: list[int] = []
    for share in shares:
        stars.append(
            min(
                (bee for bee in counts if bee not in stars),
                key=lambda bee: (abs(counts[bee] - share * bee_count), bee),
            )
        )
    others = sorted(set(db.session.scalars(select(Bee.id))) - set(stars))
    sample = random.Random(seed).sample(others, min(len(others), clients - len(stars)))
    size = func.count().label("size")
    sizes = (
        select(Membership.hive_id, size)
        .where(Membership.state == MembershipState.ACTIVE)
        .group_by(Membership.hive_id)
        .subquery()
    )
    hives = {
        star: db.session.scalar(
            select(sizes.c.hive_id)
            .join(Membership, Membership.hive_id == sizes.c.hive_id)
            .where(Membership.bee_id == star, Membership.state == MembershipState.ACTIVE)
            .order_by(sizes.c.size.desc(), sizes.c.hive_id)
            .limit(1)
        )
        for star in stars
    }
    return Cast(listeners=stars + sorted(sample), authors=stars, author_hives=hives)


def _git_commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (git from PATH, as make uses it)
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout.strip() or "unknown"


def _tree_is_dirty() -> bool:
    """Whether the code that ran differs from the commit (the app, its config or migrations)."""
    done = subprocess.run(
        ["git", "status", "--porcelain", "--", "app", "config.py", "migrations", "bench"],  # noqa: S607
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return bool(done.stdout.strip())


def _results_path(out_dir: Path, date: str, label: str) -> Path:
    """``<date>-<label>.json``, numbered ``-2``, ``-3``… rather than replacing a run of the same day."""
    path, n = out_dir / f"{date}-{label}.json", 1
    while path.exists():
        n += 1
        path = out_dir / f"{date}-{label}-{n}.json"
    return path


def run(
    database_url: str,
    *,
    scale: Scale = SCALE,
    clients: int = 500,
    authors: int = 5,
    posts: int = 100,
    rate: float = 5.0,
    grace_s: float = 5.0,
    processes: int = 2,
    redis_url: str | None = DEFAULT_REDIS,
    clear_redis: bool = True,
    out_dir: Path = ROOT / "bench" / "results",
    label: str | None = None,
) -> dict:
    """Generate, serve, connect, publish, check; write ``<date>-<label>.json`` and ``.txt``.

    With ``clear_redis``, the Redis database is emptied before and after (never the test
    suite's); without, the run leaves nothing there but what its sockets did not clean up.
    """
    if processes > 1 and not redis_url:
        raise ValueError("several server processes share events through Redis: give a Redis URL")
    database_url = absolute_url(database_url)
    raise_open_files_limit(4 * clients + 256)
    with fresh_database(database_url) as connection:
        made = generate(connection, scale)
    secret = secrets.token_hex(32)
    app = bench_app(database_url)
    app.config["SECRET_KEY"] = secret
    with app.app_context():
        cast = choose_cast(clients, authors, scale.seed)
        sessions = signed_sessions(app, cast.listeners)
        author_rows = [
            {
                "id": bee,
                "followers": db.session.scalar(select(func.count()).where(Follow.followee_id == bee)),
                "followers_listening": db.session.scalar(
                    select(func.count()).where(
                        Follow.followee_id == bee, Follow.follower_id.in_(cast.listeners)
                    )
                ),
                "hive": cast.author_hives[bee],
            }
            for bee in cast.authors
        ]
        database = db.engine.dialect.name
        db.session.remove()
        db.engine.dispose()
    queue = redis_client(redis_url, clear_redis) if redis_url else None
    writes_dir = Path(tempfile.mkdtemp(prefix="apiary-bench-realtime-"))
    try:
        with servers(database_url, processes, redis_url, secret, writes_dir) as (bases, masters):

            def probe() -> dict:
                return {
                    "workers": {pid: cpu_s(pid) for master in masters for pid in worker_pids_of(master)},
                    "machine": machine_busy_s(),
                    "redis": redis_cpu_s(queue),
                    "load": [round(value, 2) for value in os.getloadavg()],
                    "wall": time.time(),
                }

            listeners = [
                Listener(bee_id=bee, server=index % len(bases), cookie=sessions[bee][0])
                for index, bee in enumerate(cast.listeners)
            ]
            crowd_authors = [Author(bee, sessions[bee][0], cast.author_hives[bee]) for bee in cast.authors]
            crowd = asyncio.run(
                run_crowd(
                    bases, listeners, crowd_authors, posts=posts, rate=rate, grace_s=grace_s,
                    run_id=secrets.token_hex(3), probe=probe,
                )
            )  # fmt: skip
        writes = write_transactions(writes_dir)
        traces = [
            json.loads(line)
            for path in writes_dir.glob("trace-*.jsonl")
            for line in path.read_text().splitlines()
        ]
    finally:
        shutil.rmtree(writes_dir, ignore_errors=True)
        if queue is not None:
            if clear_redis:
                queue.flushdb()
            queue.close()
    with app.app_context():
        checked = analyse(crowd, traces)
        db.session.remove()
        db.engine.dispose()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "dirty": _tree_is_dirty(),
        "database": database,
        "dataset": made,
        "servers": {
            "processes": processes,
            "command": "gunicorn --no-control-socket -k gevent -w 1 --keep-alive 0 (APIARY_ENV=production)",
            "message_queue": "redis" if redis_url else None,
        },
        "workload": {"posts": posts, "rate_per_s": rate, "grace_s": grace_s, "transport": "websocket"},
        "authors": author_rows,
        **checked,
        "cpu": cpu_report(crowd, traces),
        "write_transactions": writes,
        "targets": {"p99_ms": TARGET_P99_MS, "lost": 0, "misdelivered": 0},
    }
    results["verdict"] = verdict(results)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = _results_path(out_dir, results["date"][:10], label or f"realtime-{database}")
    path.write_text(json.dumps(results, indent=2) + "\n")
    path.with_suffix(".txt").write_text(summary(results) + "\n")
    results["path"] = str(path)
    return results


def _stop_on_sigterm() -> None:
    def stop(_signum, _frame):
        raise SystemExit(143)  # unwinds through ``servers``, which stops every gunicorn

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:///bench/data/realtime.db")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL") or DEFAULT_REDIS,
        help="Redis for the message queue, emptied before and after (default: BENCH_REDIS_URL or db 13)",
    )
    parser.add_argument("--processes", type=int, default=2, help="server processes (1 needs no Redis)")
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--authors", type=int, default=5)
    parser.add_argument("--posts", type=int, default=100, help="posts in all, round-robin over the authors")
    parser.add_argument("--rate", type=float, default=5.0, help="posts a second")
    parser.add_argument("--grace", type=float, default=5.0, help="seconds to wait for stragglers")
    parser.add_argument("--bees", type=int, default=SCALE.bees)
    parser.add_argument("--hives", type=int, default=SCALE.hives)
    parser.add_argument("--network-posts", type=int, default=SCALE.posts, help="posts already in the network")
    parser.add_argument("--seed", type=int, default=SCALE.seed)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--label", default=None, help="results file name after the date")
    parser.add_argument("--strict", action="store_true", help="also fail when p99 misses its target")
    args = parser.parse_args(argv)
    _stop_on_sigterm()
    try:
        results = _run_from(args)
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted: the servers are stopped", file=sys.stderr)
        return 130
    print(summary(results))
    print("written:", results["path"], Path(results["path"]).with_suffix(".txt"))
    missed = results["latency_ms"]["p99"] is None or results["latency_ms"]["p99"] > TARGET_P99_MS
    return 1 if results["problems"] or (args.strict and missed) else 0


def _run_from(args: argparse.Namespace) -> dict:
    return run(
        args.database_url,
        scale=Scale(
            bees=args.bees, hives=args.hives, posts=args.network_posts, days=SCALE.days, seed=args.seed
        ),
        clients=args.clients,
        authors=args.authors,
        posts=args.posts,
        rate=args.rate,
        grace_s=args.grace,
        processes=args.processes,
        redis_url=args.redis_url if args.processes > 1 else None,
        out_dir=Path(args.out),
        label=args.label,
    )


if __name__ == "__main__":
    sys.exit(main())
