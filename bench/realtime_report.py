"""What the realtime benchmark's crowd saw, checked against the database and summarised.

Each post's audience is recounted by brute force (not by the service that chose
whom to tell); a client is expected to hear a post when its bee is in the
audience or is the author. Every receipt is then one of: delivered (timed from
the moment its POST was sent), misdelivered (its bee is outside the audience), a
duplicate, or unknown (a post this run did not publish). What was expected and
never heard is lost. The servers' traces (:mod:`bench.live_wsgi`) split each
delivery into the stages it went through.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from app.extensions import db
from app.hives.models import Membership, MembershipState
from app.posts.models import Post, PostHive
from app.profiles.models import Block, Follow
from bench.live import CrowdResult, Publish

TARGET_P99_MS = 250
MARKER_PREFIX = "Realtime benchmark buzz "


def audience(post: Post) -> set[int]:
    """Brute force: every bee the post must reach (followers, unless it is a private hive's,
    and active members of its hives; neither side of a block with the author; not the author)."""
    author = post.author_id
    hive_ids = list(db.session.scalars(select(PostHive.hive_id).where(PostHive.post_id == post.id)))
    members = set()
    if hive_ids:
        members = set(
            db.session.scalars(
                select(Membership.bee_id).where(
                    Membership.hive_id.in_(hive_ids), Membership.state == MembershipState.ACTIVE
                )
            )
        )
    followers = (
        set()
        if post.private_hive_id
        else set(db.session.scalars(select(Follow.follower_id).where(Follow.followee_id == author)))
    )
    blocked = set(db.session.scalars(select(Block.blocked_id).where(Block.blocker_id == author)))
    blocked |= set(db.session.scalars(select(Block.blocker_id).where(Block.blocked_id == author)))
    return (followers | members) - blocked - {author}


def percentiles(values: list[float]) -> dict:
    """p50, p95, p99 and max (nearest rank), in the values' unit, rounded to 0.1."""
    if not values:
        return {"count": 0, "p50": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(values)

    def rank(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, max(0, int(share * len(ordered) + 0.999999) - 1))], 1)

    return {
        "count": len(ordered),
        "p50": rank(0.5),
        "p95": rank(0.95),
        "p99": rank(0.99),
        "max": round(ordered[-1], 1),
    }


def analyse(crowd: CrowdResult, traces: list[dict]) -> dict:
    """Expected, received, lost, misdelivered, duplicates, latencies and their stages."""
    problems = []
    connected = {
        listener.bee_id: listener
        for listener in crowd.listeners
        if listener.authenticated and not listener.error
    }
    failed = [listener for listener in crowd.listeners if listener.bee_id not in connected]
    if failed:
        problems.append(f"{len(failed)} clients did not connect: {failed[0].error or 'not signed in'}")
    dropped = sum(listener.unexpected_disconnects for listener in crowd.listeners)
    if dropped:
        problems.append(f"{dropped} clients were disconnected during the run")
    bad = [publish for publish in crowd.publishes if publish.status != 302]
    if bad:
        problems.append(f"{len(bad)} publishes failed: {bad[0].error or bad[0].status}")

    by_marker = {publish.marker: publish for publish in crowd.publishes}
    posts = db.session.scalars(select(Post).where(Post.body_source.like(MARKER_PREFIX + "%"))).all()
    publish_of: dict[int, Publish] = {}
    for post in posts:
        marker = post.body_source.removeprefix(MARKER_PREFIX).split(":")[0]
        if marker in by_marker:
            publish_of[post.id] = by_marker[marker]
    expected: dict[int, set[int]] = {}
    for post_id, publish in publish_of.items():
        post = db.session.get(Post, post_id)
        reach = audience(post)
        if post.delivered_count != len(reach):
            problems.append(
                f"post {post_id}: delivered_count {post.delivered_count} but its audience is {len(reach)}"
            )
        expected[post_id] = (reach | {publish.author}) & connected.keys()

    latencies, same, cross, unknown, duplicates, misdelivered = [], [], [], 0, 0, 0
    last_by_post: dict[int, float] = {}
    heard: list[tuple[int, int, float]] = []  # (post, server of the client, wall-clock receipt)
    received = 0
    for listener in connected.values():
        seen: set[int] = set()
        for post_id, moment in listener.received:
            if post_id not in publish_of:
                unknown += 1
                continue
            if post_id in seen:
                duplicates += 1
                continue
            seen.add(post_id)
            if listener.bee_id not in expected[post_id]:
                misdelivered += 1
                continue
            received += 1
            publish = publish_of[post_id]
            took = (moment - publish.sent) * 1000
            latencies.append(took)
            (same if listener.server == publish.server else cross).append(took)
            heard.append((post_id, listener.server, publish.sent_wall + took / 1000))
            last_by_post[post_id] = max(last_by_post.get(post_id, 0.0), took)
    expected_total = sum(len(bees) for bees in expected.values())
    events = {
        "posts": len(publish_of),
        "expected": expected_total,
        # (post, connected client) pairs that must stay silent: what misdelivery is checked on
        "outside_audience": len(publish_of) * len(connected) - expected_total,
        "received": received,
        "lost": expected_total - received,
        "misdelivered": misdelivered,
        "duplicates": duplicates,
        "unknown": unknown,
    }
    if len(publish_of) != len(crowd.publishes) - len(bad):
        problems.append(
            f"{len(crowd.publishes) - len(bad)} publishes answered 302 but {len(publish_of)} posts were found"
        )
    for name in ("lost", "misdelivered", "duplicates", "unknown"):
        if events[name]:
            problems.append(f"{events[name]} events {name}")
    answered = [
        (publish.answered - publish.sent) * 1000 for publish in crowd.publishes if publish.status == 302
    ]
    connect_ms = [listener.connect_ms for listener in connected.values() if listener.connect_ms is not None]
    return {
        "events": events,
        "latency_ms": percentiles(latencies),
        "latency_same_process_ms": percentiles(same),
        "latency_cross_process_ms": percentiles(cross),
        "post_fully_delivered_ms": percentiles(list(last_by_post.values())),
        "publish_http_ms": percentiles(answered),
        "stages_ms": stages(publish_of, traces, heard),
        "clients": {
            "requested": len(crowd.listeners),
            "connected": len(connected),
            "connect_all_s": round(crowd.connect_s, 2),
            "connect_ms": percentiles(connect_ms),
            "outside_every_audience": sum(
                1 for bee in connected if not any(bee in bees for bees in expected.values())
            ),
        },
        "problems": problems,
    }


STAGES = (
    # (name, from, to): wall-clock moments of one post, from the client and the servers' traces
    ("client to app", "sent", "arrived"),
    ("app to write lock", "arrived", "write_began"),
    ("write transaction", "write_began", "commit_began"),
    ("commit", "commit_began", "fanout_began"),
    ("local fan-out", "fanout_began", "fanout_done"),
    ("Redis PUBLISH call", "fanout_done", "published"),
    ("Redis to other process", "fanout_done", "remote_began"),
    ("remote fan-out", "remote_began", "remote_done"),
)


def stages(publish_of: dict[int, Publish], traces: list[dict], heard: list[tuple[int, int, float]]) -> dict:
    """Each stage of a post's way to its listeners, as percentiles over the posts (ms); and the
    last hop, from the end of the fan-out that queued an event to the client's receipt of it."""
    moments: dict[int, dict] = {}
    for post_id, publish in publish_of.items():
        moments[post_id] = {"sent": publish.sent_wall, "server": publish.server}
    for row in traces:
        if row.get("post") in moments:
            moments[row["post"]].update(row)
    report = {}
    for name, start, end in STAGES:
        spans = [(m[end] - m[start]) * 1000 for m in moments.values() if start in m and end in m]
        if spans:
            report[name] = percentiles(spans)
    last_hop: dict[str, list[float]] = defaultdict(list)
    for post_id, server, moment in heard:
        m = moments[post_id]
        queued = m.get("fanout_done") if server == m["server"] else m.get("remote_done")
        if queued is not None:
            last_hop["same process" if server == m["server"] else "cross process"].append(
                (moment - queued) * 1000
            )
    for where, spans in last_hop.items():
        report[f"queued to client ({where})"] = percentiles(spans)
    return report


def cpu_report(crowd: CrowdResult, traces: list[dict]) -> dict:
    """CPU seconds during the publishing phase: each server worker, the client, Redis, and
    everything else on the machine (another job, the database, the kernel); how late the
    client's loop ran, and the garbage collections that held the client or a server."""
    before, after = crowd.probes.get("before", {}), crowd.probes.get("after", {})
    servers = [round(after["workers"].get(pid, 0.0) - cpu, 2) for pid, cpu in before["workers"].items()]
    redis = None
    if before.get("redis") is not None and after.get("redis") is not None:
        redis = round(after["redis"] - before["redis"], 2)
    busy = after["machine"][0] - before["machine"][0]
    total = after["machine"][1] - before["machine"][1]
    lags = percentiles(crowd.loop_lag_ms)
    return {
        "publish_phase_s": round(crowd.publish_phase_s, 2),
        "servers_s": servers,
        "client_s": round(crowd.client_cpu_s, 2),
        "redis_s": redis,
        "machine_busy_s": round(busy, 2),
        "others_s": round(busy - sum(servers) - crowd.client_cpu_s - (redis or 0), 2),
        "machine_busy_share": round(busy / total, 3) if total else None,
        "load_average_before": before.get("load"),
        "client_loop_lag_ms": {"p99": lags["p99"], "max": lags["max"]},
        "client_gc_pauses": {
            f"gen{generation}": {"count": len(pauses), "max_ms": round(max(pauses, default=0.0), 1)}
            for generation, pauses in crowd.gc_pauses_ms.items()
        },
        "server_gc_pauses_over_5_ms": sorted(
            row["gc_ms"] for row in traces if "gc_ms" in row and before["wall"] <= row["at"] <= after["wall"]
        ),
    }


def verdict(results: dict) -> str:
    """One line against the targets."""
    events, latency = results["events"], results["latency_ms"]
    misses = []
    if latency["p99"] is None or latency["p99"] > TARGET_P99_MS:
        misses.append(f"p99 {latency['p99']} ms > {TARGET_P99_MS} ms")
    if events["lost"]:
        misses.append(f"{events['lost']} lost")
    if events["misdelivered"]:
        misses.append(f"{events['misdelivered']} misdelivered")
    figures = (
        f"p50 {latency['p50']} ms, p99 {latency['p99']} ms, max {latency['max']} ms; "
        f"{events['received']:,}/{events['expected']:,} events, {events['lost']} lost, "
        f"{events['misdelivered']} misdelivered"
    )
    return (
        "realtime: MEETS TARGETS — " if not misses else "realtime: MISSES (" + "; ".join(misses) + ") — "
    ) + figures


def summary(results: dict) -> str:
    """The short text summary, as printed and as written beside the JSON."""
    clients, cpu, events = results["clients"], results["cpu"], results["events"]
    lines = [
        f"Realtime · {results['database']} · {results['servers']['processes']} server process(es) · "
        f"{clients['connected']}/{clients['requested']} clients · {events['posts']} posts by "
        f"{len(results['authors'])} authors at {results['workload']['rate_per_s']}/s · "
        f"commit {results['commit']}{' (uncommitted changes)' if results.get('dirty') else ''}",
        f"connect: all in {clients['connect_all_s']} s (each p50 {clients['connect_ms']['p50']} ms, "
        f"p99 {clients['connect_ms']['p99']} ms)",
        f"events: expected {events['expected']:,}, received {events['received']:,}, lost {events['lost']}, "
        f"misdelivered {events['misdelivered']}, duplicates {events['duplicates']}, "
        f"unknown {events['unknown']} ({events['outside_audience']:,} post–client pairs had to stay silent)",
    ]
    for name, key in (
        ("latency", "latency_ms"),
        ("  same process", "latency_same_process_ms"),
        ("  cross process", "latency_cross_process_ms"),
        ("post fully delivered", "post_fully_delivered_ms"),
        ("publish HTTP", "publish_http_ms"),
    ):
        row = results[key]
        lines.append(
            f"{name}: p50 {row['p50']} ms, p95 {row['p95']}, p99 {row['p99']}, max {row['max']} "
            f"({row['count']:,})"
        )
    for name, row in results["stages_ms"].items():
        lines.append(f"  stage {name}: p50 {row['p50']} ms, p99 {row['p99']}, max {row['max']}")
    writes = results["write_transactions"]
    lag = cpu["client_loop_lag_ms"]
    collections = ", ".join(
        f"{name} {row['count']}× ≤ {row['max_ms']} ms" for name, row in cpu["client_gc_pauses"].items()
    )
    lines += [
        f"cpu over {cpu['publish_phase_s']} s of publishing: servers {cpu['servers_s']} s, client "
        f"{cpu['client_s']} s, Redis {cpu['redis_s']} s, everything else {cpu['others_s']} s "
        f"(machine {cpu['machine_busy_share']:.0%} busy; load average before {cpu['load_average_before']})",
        f"client loop lag p99 {lag['p99']} ms, max {lag['max']} ms; client garbage collections "
        f"{collections}; server ones over 5 ms {cpu['server_gc_pauses_over_5_ms']}",
        f"write transactions p99 ≤ {writes['p99_ms_at_most']} ms, longest {writes['max_ms']} ms",
    ]
    if results["problems"]:
        lines.append("problems: " + "; ".join(results["problems"]))
    lines.append(results["verdict"])
    return "\n".join(lines)
