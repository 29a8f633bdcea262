"""Suggestions for one bee at scale: bees to know and hives to join, timed for sampled bees.

The same generated network as the talent searches. A seeded sample of live bees (200 by
default) is run once to warm up; then, each as a service call alone on a fresh session, with
the time of every SQL statement:

1. bees to know with no list kept: every bee who shares anything ranked on the page, as it
   was before lists were kept (and still is for a bee whose list does not fit);
2. ranking and keeping each bee's list (``neighbours.refresh``), what a write to the bee's
   hives, interests or skills costs after its commit, and a scheduled run per list. Each bee
   then also enters its neighbours' lists: so that this costs what it would once every bee
   has a list, each neighbour is first given a full list of placeholders (untimed), which
   the entry trims;
3. the page's two lists as a bee reads them (``bees_to_know`` from the kept list, then
   ``hives_to_join``): the target, a p95 of 50 ms each, with the page's sum beside them.

Lists kept by an earlier run are dropped first, so a ``--reuse`` run measures the same.
"""

from __future__ import annotations

import random
import time

from sqlalchemy import delete, insert, select

from app.extensions import db
from app.profiles.models import Bee
from app.talent import neighbours, ranking
from app.talent.affinity import LIMIT, bees_to_know, hives_to_join
from app.talent.models import Neighbour, NeighbourList
from bench.talent_measure import StatementClock, stats

TARGET_P95_MS = 50.0
LISTS = {"bees to know": bees_to_know, "hives to join": hives_to_join}
LIVE = "bees to know, no list kept"
REFRESH = "ranking and keeping a list"


def draw_bees(rng: random.Random, count: int) -> list[int]:
    """``count`` live bees drawn at random (seeded), in the order drawn."""
    live = db.session.scalars(
        select(Bee.id).where(Bee.deleted_at.is_(None), Bee.suspended_at.is_(None)).order_by(Bee.id)
    ).all()
    return rng.sample(live, min(count, len(live)))


def _placeholders(bee_ids: list[int]) -> None:
    """Give each neighbour of the sampled bees a full list of placeholders (strength 0, not
    read: its fingerprint fits nothing), so entering it costs what a full list's entry does."""
    theirs: set[int] = set()
    for bee_id in bee_ids:
        mine = ranking.listed(bee_id)
        if any(mine):
            theirs.update(other for other, _ in ranking.rank(mine, ranking.never(bee_id), neighbours.KEPT))
    fillers = list(db.session.scalars(select(Bee.id).order_by(Bee.id).limit(neighbours.KEPT + 1)))
    lists = sorted(theirs - set(bee_ids))
    for start in range(0, len(lists), 500):
        chunk = lists[start : start + 500]
        db.session.execute(
            insert(NeighbourList), [{"bee_id": b, "fingerprint": "-", "complete": False} for b in chunk]
        )
        db.session.execute(
            insert(Neighbour),
            [
                {"bee_id": b, "other_id": filler, "strength": 0}
                for b in chunk
                for filler in [f for f in fillers if f != b][: neighbours.KEPT]
            ],
        )
    db.session.commit()


def measure_suggestions(app, bee_ids: list[int]) -> list[dict]:
    """A warm-up pass, then each bee's suggestions timed (see the module's docstring): ms for
    each, the ms in SQL, and how many each list found."""
    with app.app_context():
        clock = StatementClock(db.engine)
        db.session.execute(delete(NeighbourList))
        db.session.commit()

    def timed(row: dict, label: str, call) -> None:
        with app.app_context():
            me = db.session.get(Bee, row["bee_id"])
            clock.start()
            started = time.perf_counter()
            found = call(me)
            row[label] = round((time.perf_counter() - started) * 1000, 2)
            row[f"{label} sql"] = round(sum(clock.stop().values()), 2)
            if isinstance(found, list):
                row[f"{label} found"] = len(found)
                row[f"{label} bees"] = [
                    (item.bee.id, item.strength) for item in found if hasattr(item, "bee")
                ]
            db.session.remove()

    for bee_id in bee_ids:  # warm-up
        for suggest in LISTS.values():
            timed({"bee_id": bee_id}, "warm-up", suggest)
    rows = [{"bee_id": bee_id} for bee_id in bee_ids]
    for row in rows:
        timed(row, LIVE, bees_to_know)
    with app.app_context():
        _placeholders(bee_ids)
        db.session.remove()
    for row in rows:
        timed(row, REFRESH, lambda me: neighbours.refresh(me.id, force=True))
    for row in rows:
        for label, suggest in LISTS.items():
            timed(row, label, suggest)
        row["same as ranked on the page"] = row[f"{LIVE} bees"] == row["bees to know bees"]
    with app.app_context():
        for row in rows:
            bee_id = row["bee_id"]
            answer = neighbours.ranked(bee_id, ranking.listed(bee_id), ranking.never(bee_id), LIMIT)
            row["kept list answered"] = answer.kept
        db.session.remove()
    return rows


def summarize_suggestions(measured: list[dict]) -> dict:
    """Percentiles of each list, of the page's sum and of the two other measures, and the
    verdict against the target."""
    timed = (*LISTS, LIVE, REFRESH)
    parts = {label: stats([row[label] for row in measured]) for label in timed}
    page = stats([sum(row[label] for label in LISTS) for row in measured])
    return {
        "bees": len(measured),
        "target_p95_ms": TARGET_P95_MS,
        **parts,
        "both (the page)": page,
        "sql_mean_ms": {
            label: round(sum(row[f"{label} sql"] for row in measured) / max(1, len(measured)), 2)
            for label in timed
        },
        "empty": {label: sum(1 for row in measured if not row[f"{label} found"]) for label in (*LISTS, LIVE)},
        "met": all(parts[label]["p95"] <= TARGET_P95_MS for label in LISTS),
        "kept differs from ranked": [
            row["bee_id"] for row in measured if not row["same as ranked on the page"]
        ],
        "kept list answered": sum(row["kept list answered"] for row in measured),
    }


def suggestions_markdown(summary: dict) -> list[str]:
    """The suggestions' section of the results page."""
    verdict = "met" if summary["met"] else "missed"
    lines = [
        "## Suggestions for one bee",
        "",
        f"{summary['bees']} live bees drawn at random, each measure a service call alone after a warm-up "
        f"pass (bench/talent_suggestions.py). Target: p95 ≤ {summary['target_p95_ms']:.0f} ms for each "
        f"list as the page reads it: **{verdict}**. Below them: bees to know with no list kept (every "
        "bee who shares anything ranked on the page), and ranking and keeping one list (after a write "
        "to the bee's hives, interests or skills, and in each scheduled run).",
        "",
        "| measure | n | p50 | p95 | p99 | max | mean ms in SQL | none found |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label in (*LISTS, "both (the page)", LIVE, REFRESH):
        part = summary[label]
        sql = summary["sql_mean_ms"].get(label, "")
        empty = summary["empty"].get(label, "")
        lines.append(
            f"| {label} | {part['n']} | {part['p50']} | {part['p95']} | {part['p99']} | {part['max']} "
            f"| {sql} | {empty} |"
        )
    differ = summary["kept differs from ranked"]
    lines += [
        "",
        "Bees to know read from each kept list against the same bees ranked on the page just before: "
        + (
            f"**different for bees {differ}**."
            if differ
            else "the same bees, strengths and order for every bee."
        )
        + f" The kept list answered for {summary['kept list answered']} of {summary['bees']} bees; for the"
        " others (who list nothing, so keep no list, or had too few left in a full one) everyone is ranked.",
    ]
    return [*lines, ""]
