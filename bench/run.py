"""``make bench``: generate a network, serve it as production does, measure every feed.

Each scenario runs for a fixed time at concurrency 8 against gunicorn (gevent)
and is reported as requests/s, p50, p99 and its ratio to the ceiling (the same
stack rendering the signed-in home page from memory). The scenarios run in
rounds, the ceiling first in each, and a scenario's ratio is the median of its
rounds' ratios to their own ceiling: a neighbour that slows the machine for a
while slows a round's ceiling with it.
Afterwards the run publishes as a bee with thousands of followers, times how
soon every follower's home feed holds the post, and compares sampled feeds and
delivery counts with brute force: any difference fails the benchmark.

    python -m bench.run --posts 300000 --rounds 5
    python -m bench.run --database-url postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState
from app.posts import queries
from app.posts.models import Kind, Post, PostHive, PostState
from app.profiles.models import Bee, Follow, followers_of
from bench import chart
from bench.database import absolute_url, bench_app, fresh_database
from bench.generate import Scale, generate
from bench.load import (
    BENCH_SECRET,
    USER_AGENT,
    Request,
    Result,
    gunicorn,
    run_wrk,
    signed_sessions,
    write_transactions,
)

ROOT = Path(__file__).resolve().parent.parent
READS = ["ceiling", "home", "home_deep", "hive", "profile", "honey"]
WRITES = ["publish", "publish_star"]
SAMPLE = 300
PAGE = 20  # posts on a feed page (FEED_PAGE_SIZE)


def _star(target_followers: int = 5_000) -> int:
    """The bee whose follower count is closest to ``target_followers``."""
    counts = db.session.execute(select(Follow.followee_id, func.count()).group_by(Follow.followee_id)).all()
    return min(counts, key=lambda row: abs(row[1] - target_followers))[0]


def _with_a_page_of_posts(name, key, posts, posts_key) -> list[str]:
    """``name`` of every hive or bee (``key``) with a page of posts, or of all if none has."""
    full = select(name).join(posts, posts_key == key).group_by(key).having(func.count() >= PAGE)
    return db.session.scalars(full).all() or db.session.scalars(select(name)).all()


def prepare(app, rng: random.Random) -> tuple[dict[str, list[Request]], int]:
    """Request tables for every scenario, and the star author's id."""
    bee_count = db.session.scalar(select(func.max(Bee.id)))
    max_post = db.session.scalar(select(func.max(Post.id)))
    star = _star()
    bees = rng.sample(range(1, bee_count + 1), min(SAMPLE, bee_count))
    sessions = signed_sessions(app, [*bees, star])
    # Hive and profile pages of hives and bees with at least a page of posts, so that pages
    # compared across scales carry the same number of posts (at 300k most bees have fewer).
    hives = _with_a_page_of_posts(Hive.slug, Hive.id, PostHive, PostHive.hive_id)
    authors = _with_a_page_of_posts(Bee.handle, Bee.id, Post, Post.author_id)
    honey = db.session.execute(
        select(Bee.handle, Post.slug)
        .join(Bee, Bee.id == Post.author_id)
        .where(Post.kind == Kind.HONEY)
        .limit(5_000)
    ).all()

    def publish_as(bee: int, n: int) -> Request:
        cookie, token = sessions[bee]
        body = urllib.parse.urlencode(
            {"csrf_token": token, "kind": "buzz", "body": f"Benchmark buzz {n}: **still** newest first."}
        )
        return Request("POST", "/write", cookie, body)

    tables = {
        "ceiling": [Request("GET", "/_bench/ceiling", sessions[bee][0]) for bee in bees],
        "home": [Request("GET", "/", sessions[bee][0]) for bee in bees],
        "home_deep": [
            Request("GET", f"/?before={rng.randint(2, max_post)}", sessions[bee][0]) for bee in bees
        ],
        "hive": [Request("GET", f"/hives/{rng.choice(hives)}", sessions[bee][0]) for bee in bees],
        "profile": [Request("GET", f"/@{rng.choice(authors)}", sessions[bee][0]) for bee in bees],
        "honey": [
            Request("GET", f"/@{handle}/{urllib.parse.quote(slug)}")
            for handle, slug in rng.sample(honey, min(SAMPLE, len(honey)))
        ],
        "publish": [publish_as(bee, n) for n, bee in enumerate(bees)],
        "publish_star": [publish_as(star, n) for n in range(SAMPLE)],
    }
    return tables, star


def _followers(bee_id: int) -> list[int]:
    return list(db.session.scalars(followers_of(bee_id)))


# Delivery is checked by worker processes (one per core), each with its own app and connection,
# so that looking at 5,000 feeds one after another is not what the measurement times.
CHECKERS = max(2, os.cpu_count() or 2)
_checker_app = None


def _start_checker(database_url: str) -> None:
    global _checker_app
    _checker_app = bench_app(database_url)


def _checker_ready(_: int) -> int:
    time.sleep(0.5)  # long enough that every worker of the pool takes one of these
    return os.getpid()


def _look_until_delivered(post_id: int, bees: list[int], deadline: float) -> tuple[float, int]:
    """Look at each bee's home feed until the post is the newest post at or before it.

    Returns the (monotonic) time the last of them was seen to hold it, and how many never did.
    """
    with _checker_app.app_context():
        waiting, seen_at = set(bees), time.monotonic()
        while waiting and time.monotonic() < deadline:
            # The feed's own query, looking back from just above the post (window 1): the newest
            # post of the feed at or before it is the post itself exactly when the feed holds it.
            waiting = {
                bee for bee in waiting if queries.home_feed_ids(bee, post_id + 1, 1, window=1) != [post_id]
            }
            seen_at = time.monotonic()
            db.session.rollback()
        db.session.remove()
        return seen_at, len(waiting)


def measure_delivery(base: str, database_url: str, cookie: str, token: str, star: int) -> dict:
    """Publish as the star over HTTP; time until every follower's home feed holds the post."""
    followers = _followers(star)
    body = urllib.parse.urlencode({"csrf_token": token, "kind": "buzz", "body": "Delivery check"})
    headers = {
        "Cookie": cookie,
        "User-Agent": USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(CHECKERS, spawn, initializer=_start_checker, initargs=(database_url,)) as pool:
        list(pool.map(_checker_ready, range(CHECKERS)))
        connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=30)
        started = time.monotonic()
        connection.request("POST", "/write", body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        published = time.monotonic()
        connection.close()
        if response.status != 302:
            raise RuntimeError(f"publishing failed: {response.status} {answer[-300:]!r}")
        db.session.rollback()
        post_id = db.session.scalar(select(func.max(Post.id)).where(Post.author_id == star))
        chunks = [followers[n::CHECKERS] for n in range(CHECKERS)]
        looks = pool.map(_look_until_delivered, [post_id] * CHECKERS, chunks, [started + 60] * CHECKERS)
        finished = list(looks)
    return {
        "followers": len(followers),
        "publish_ms": round((published - started) * 1000, 1),
        "all_feeds_s": round(max(seen_at for seen_at, _ in finished) - started, 3),
        "missing": sum(missing for _, missing in finished),
        "checkers": CHECKERS,
    }


def check_feeds(rng: random.Random, samples: int = 30) -> list[str]:
    """Compare sampled home feeds and every recent delivery count with brute force."""
    problems = []
    db.session.rollback()
    bee_count = db.session.scalar(select(func.max(Bee.id)))
    for bee in rng.sample(range(1, bee_count + 1), min(samples, bee_count)):
        followees = set(db.session.scalars(select(Follow.followee_id).where(Follow.follower_id == bee)))
        hives = set(
            db.session.scalars(
                select(Membership.hive_id).where(
                    Membership.bee_id == bee, Membership.state == MembershipState.ACTIVE
                )
            )
        )
        visible = Post.state.in_(PostState.VISIBLE)
        by_people = select(Post.id).where(Post.author_id.in_(followees | {bee}), visible)
        by_hives = (
            select(PostHive.post_id)
            .join(Post, Post.id == PostHive.post_id)
            .where(PostHive.hive_id.in_(hives), visible)
        )
        everything = set(db.session.scalars(by_people)) | set(db.session.scalars(by_hives))
        expected = sorted(everything, reverse=True)[:60]
        page1 = queries.home_feed(bee, None, 30)
        page2 = queries.home_feed(bee, page1.next_cursor, 30) if page1.next_cursor else None
        got = [p.id for p in page1.posts] + ([p.id for p in page2.posts] if page2 else [])
        if got != expected:
            problems.append(f"home feed of bee {bee} differs from brute force")
    recent = db.session.scalars(select(Post).order_by(Post.id.desc()).limit(50)).all()
    for post in recent:
        audience = set(_followers(post.author_id))
        hive_ids = select(PostHive.hive_id).where(PostHive.post_id == post.id)
        audience |= set(
            db.session.scalars(
                select(Membership.bee_id).where(
                    Membership.hive_id.in_(hive_ids), Membership.state == MembershipState.ACTIVE
                )
            )
        )
        if post.delivered_count != len(audience - {post.author_id}):
            problems.append(f"post {post.id} delivered_count {post.delivered_count} != {len(audience)}")
    return problems


def run(
    database_url: str,
    scale: Scale,
    seconds: int,
    out_dir: Path,
    label: str,
    *,
    scenarios: list[str] | None = None,
    reuse: bool = False,
    rounds: int = 3,
) -> dict:
    """Generate, serve, measure, check; write ``<date>-<label>.json`` and return the results.

    Every scenario runs ``rounds`` times for ``seconds``. ``scenarios`` picks some (the
    ceiling always runs); ``reuse`` measures the network already in the database instead of
    generating one (for trying a change; not for results to keep).
    """
    database_url = absolute_url(database_url)
    if reuse:
        made = {"reused": True}
    else:
        with fresh_database(database_url) as connection:
            made = generate(connection, scale)
    app = bench_app(database_url)
    app.config["SECRET_KEY"] = BENCH_SECRET
    rng = random.Random(scale.seed)
    results: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "database": app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0],
        "dataset": made,
        "seconds_per_round": seconds,
        "rounds": rounds,
        "concurrency": 8,
        "scenarios": {},
    }
    with app.app_context():
        if reuse:
            made.update(
                bees=db.session.scalar(select(func.count(Bee.id))),
                posts=db.session.scalar(select(func.count(Post.id))),
            )
        try:
            tables, star = prepare(app, rng)
            star_followers = len(_followers(star))
            cookie, token = signed_sessions(app, [star])[star]
            writes_dir = Path(tempfile.mkdtemp(prefix="apiary-bench-writes-"))
            names = [name for name in READS + WRITES if name in (scenarios or READS + WRITES)]
            measured: dict[str, list[Result]] = {name: [] for name in names}
            with gunicorn(database_url, writes_dir=writes_dir) as base:
                for round_number in range(1, rounds + 1):
                    for name in names:
                        result = run_wrk(base, tables[name], seconds)
                        measured[name].append(result)
                        print(
                            f"  {round_number}/{rounds} {name:13} {result.rps:8.0f} req/s  "
                            f"p50 {result.p50_ms:6.2f} ms  p99 {result.p99_ms:6.2f} ms",
                            flush=True,
                        )
                delivery = measure_delivery(base, database_url, cookie, token, star)
            writes = write_transactions(writes_dir)
            shutil.rmtree(writes_dir, ignore_errors=True)
            problems = check_feeds(rng)
        finally:
            db.session.remove()
            db.engine.dispose()
    for name, runs in measured.items():
        row = results["scenarios"][name] = summarize(runs, measured["ceiling"])
        if row["bad_responses"] or row["errors"]:
            problems.append(f"{name}: {row['bad_responses']} bad responses, {row['errors']} socket errors")
    results["star_followers"] = star_followers
    results["delivery"] = delivery
    results["write_transactions"] = writes
    if delivery["missing"]:
        problems.append(f"{delivery['missing']} followers never saw the star's post")
    results["problems"] = problems
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{results['date'][:10]}-{label}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    results["path"] = str(path)
    results["chart"] = str(chart.draw(results, path.with_suffix(".png")))
    return results


def summarize(runs: list[Result], ceilings: list[Result]) -> dict:
    """One scenario over its rounds: the median round's req/s, p50 and ratio to its round's
    ceiling, the worst round's p99, and every round as measured."""
    return {
        "rps": round(statistics.median(run.rps for run in runs), 1),
        "p50_ms": round(statistics.median(run.p50_ms for run in runs), 2),
        "p99_ms": round(max(run.p99_ms for run in runs), 2),
        "ratio_to_ceiling": round(
            statistics.median(run.rps / ceiling.rps for run, ceiling in zip(runs, ceilings, strict=True)), 3
        ),
        "requests": sum(run.requests for run in runs),
        "bad_responses": sum(run.bad_responses for run in runs),
        "errors": sum(run.errors for run in runs),
        "rounds": [
            {"rps": round(run.rps, 1), "p50_ms": round(run.p50_ms, 2), "p99_ms": round(run.p99_ms, 2)}
            for run in runs
        ],
    }


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (git from PATH, as make uses it)
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def print_table(results: dict) -> None:
    """The summary table on the console."""
    print(
        f"\n{results['database']} · {results['dataset']['posts']:,} posts"
        f" · {results['dataset']['bees']:,} bees"
    )
    print(f"{'scenario':14}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'× ceiling':>11}")
    for name, row in results["scenarios"].items():
        print(
            f"{name:14}{row['rps']:9.0f}{row['p50_ms']:9.2f}{row['p99_ms']:9.2f}{row['ratio_to_ceiling']:11.2f}"
        )
    delivery = results["delivery"]
    print(
        f"delivery: publish {delivery['publish_ms']} ms; in all {delivery['followers']:,} followers' feeds "
        f"within {delivery['all_feeds_s']} s"
    )
    writes = results["write_transactions"]
    print(
        f"write transactions: {writes['count']:,}, p99 ≤ {writes['p99_ms_at_most']} ms, "
        f"longest {writes['max_ms']} ms (its COMMIT alone at most {writes['max_commit_ms']} ms), "
        f"{writes['over_50_ms']} over 50 ms"
    )
    print("correctness:", "OK" if not results["problems"] else "; ".join(results["problems"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:///bench/data/bench.db")
    parser.add_argument("--bees", type=int, default=Scale.bees)
    parser.add_argument("--hives", type=int, default=Scale.hives)
    parser.add_argument("--posts", type=int, default=Scale.posts)
    parser.add_argument("--seed", type=int, default=Scale.seed)
    parser.add_argument("--seconds", type=int, default=5, help="length of each scenario's run in a round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--label", default=None, help="results file name after the date")
    parser.add_argument("--scenarios", default=None, help="comma-separated subset (the ceiling always runs)")
    parser.add_argument("--reuse", action="store_true", help="measure the network already in the database")
    args = parser.parse_args(argv)
    scale = Scale(bees=args.bees, hives=args.hives, posts=args.posts, seed=args.seed)
    label = args.label or f"{args.database_url.split(':', 1)[0]}-{args.posts // 1000}k"
    scenarios = ["ceiling", *args.scenarios.split(",")] if args.scenarios else None
    results = run(
        args.database_url,
        scale,
        args.seconds,
        Path(args.out),
        label,
        scenarios=scenarios,
        reuse=args.reuse,
        rounds=args.rounds,
    )
    print_table(results)
    print("written:", results["path"], results["chart"])
    return 1 if results["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
