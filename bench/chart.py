"""A PNG chart of one benchmark run: each scenario's throughput as a share of the ceiling."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, ROW, LEFT, TOP = 960, 44, 150, 70
TARGET = 0.6
PUBLISH_P99_MS = 25


def draw(results: dict, path: Path) -> Path:
    """Bars of ``ratio_to_ceiling`` with the 0.6 target marked; labels carry req/s and p99.

    A read is green at 0.6 of the ceiling or more; a publish is green at a p99 of 25 ms or less.
    """
    rows = list(results["scenarios"].items())
    height = TOP + ROW * len(rows) + 50
    image = Image.new("RGB", (WIDTH, height), "white")
    pen = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=15)
    small = ImageFont.load_default(size=13)
    dataset = results["dataset"]
    pen.text(
        (20, 18),
        f"Apiary feeds · {results['database']} · {dataset['posts']:,} posts · {dataset['bees']:,} bees · "
        f"c={results['concurrency']} · commit {results['commit']}",
        fill="black",
        font=font,
    )
    scale_max = max(1.2, *(row["ratio_to_ceiling"] for _, row in rows))
    span = WIDTH - LEFT - 260

    def x(ratio: float) -> int:
        return LEFT + int(span * ratio / scale_max)

    for index, (name, row) in enumerate(rows):
        y = TOP + index * ROW
        ratio = row["ratio_to_ceiling"]
        if name == "ceiling":
            colour = "#888888"
        elif name.startswith("publish"):  # a write's target is its p99, not a share of the ceiling
            colour = "#2e7d32" if row["p99_ms"] <= PUBLISH_P99_MS else "#c62828"
        else:
            colour = "#2e7d32" if ratio >= TARGET else "#c62828"
        pen.text((20, y + 8), name, fill="black", font=font)
        pen.rectangle((LEFT, y + 4, max(LEFT + 1, x(ratio)), y + ROW - 12), fill=colour)
        pen.text(
            (x(ratio) + 8, y + 8),
            f"{ratio:.2f}x · {row['rps']:,.0f} req/s · p99 {row['p99_ms']:,.1f} ms",
            fill="black",
            font=small,
        )
    bottom = TOP + ROW * len(rows)
    for ratio, label in ((TARGET, "target 0.6x"), (1.0, "ceiling")):
        pen.line((x(ratio), TOP - 6, x(ratio), bottom), fill="#1565c0", width=1)
        pen.text((x(ratio) - 30, bottom + 6), label, fill="#1565c0", font=small)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
