"""Suggestions for one bee at scale: bees to know and hives to join, timed for sampled bees.

The same generated network as the talent searches. A seeded sample of live bees (200 by
default) is run once to warm up, then each bee's two suggestion lists are timed as the page
asks for them (``bees_to_know`` then ``hives_to_join``, each as a service call alone, on a
fresh session), with the time of every SQL statement. The target is a p95 of 50 ms for each
list; the page's sum is reported beside them.
"""

from __future__ import annotations

import random
import time

from sqlalchemy import select

from app.extensions import db
from app.profiles.models import Bee
from app.talent.affinity import bees_to_know, hives_to_join
from bench.talent_measure import StatementClock, stats

TARGET_P95_MS = 50.0
LISTS = {"bees to know": bees_to_know, "hives to join": hives_to_join}


def draw_bees(rng: random.Random, count: int) -> list[int]:
    """``count`` live bees drawn at random (seeded), in the order drawn."""
    live = db.session.scalars(
        select(Bee.id).where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None)).order_by(Bee.id)
    ).all()
    return rng.sample(live, min(count, len(live)))


def measure_suggestions(app, bee_ids: list[int]) -> list[dict]:
    """A warm-up pass, then each bee's two lists timed: ms for each, and how many it found."""
    with app.app_context():
        clock = StatementClock(db.engine)

    def one(bee_id: int) -> dict:
        row: dict = {"bee_id": bee_id}
        for label, suggest in LISTS.items():
            with app.app_context():
                me = db.session.get(Bee, bee_id)
                clock.start()
                started = time.perf_counter()
                found = suggest(me)
                row[label] = round((time.perf_counter() - started) * 1000, 2)
                row[f"{label} sql"] = round(sum(clock.stop().values()), 2)
                row[f"{label} found"] = len(found)
                db.session.remove()
        return row

    for bee_id in bee_ids:  # warm-up
        one(bee_id)
    return [one(bee_id) for bee_id in bee_ids]


def summarize_suggestions(measured: list[dict]) -> dict:
    """Percentiles of each list and of the page's sum, and the verdict against the target."""
    lists = {label: stats([row[label] for row in measured]) for label in LISTS}
    page = stats([sum(row[label] for label in LISTS) for row in measured])
    return {
        "bees": len(measured),
        "target_p95_ms": TARGET_P95_MS,
        **lists,
        "both (the page)": page,
        "sql_mean_ms": {
            label: round(sum(row[f"{label} sql"] for row in measured) / max(1, len(measured)), 2)
            for label in LISTS
        },
        "empty": {label: sum(1 for row in measured if not row[f"{label} found"]) for label in LISTS},
        "met": all(lists[label]["p95"] <= TARGET_P95_MS for label in LISTS),
    }


def suggestions_markdown(summary: dict) -> list[str]:
    """The suggestions' section of the results page."""
    verdict = "met" if summary["met"] else "missed"
    lines = [
        "## Suggestions for one bee",
        "",
        f"{summary['bees']} live bees drawn at random, each list timed as a service call alone after a "
        f"warm-up pass. Target: p95 ≤ {summary['target_p95_ms']:.0f} ms for each list: **{verdict}**.",
        "",
        "| list | n | p50 | p95 | p99 | max | mean ms in SQL | none found |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label in (*LISTS, "both (the page)"):
        part = summary[label]
        sql = summary["sql_mean_ms"].get(label, "")
        empty = summary["empty"].get(label, "")
        lines.append(
            f"| {label} | {part['n']} | {part['p50']} | {part['p95']} | {part['p99']} | {part['max']} "
            f"| {sql} | {empty} |"
        )
    return [*lines, ""]
