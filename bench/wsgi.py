"""What gunicorn serves in a benchmark: the app unchanged, plus the ceiling page.

``/_bench/ceiling`` renders the home feed template with 20 posts held in memory
and touches no database: the fastest a feed page can be on this server stack,
so every scenario is reported as a ratio to it.

With ``BENCH_WRITES_DIR`` set, each worker also times every write transaction
(from the moment it holds SQLite's write lock, or began on PostgreSQL, until
it has committed) into ``<pid>.json`` there: a histogram in whole
milliseconds, the longest, and the longest COMMIT alone (on SQLite that
includes the WAL checkpoint a commit runs now and then, after it has
released the write lock).
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from flask import render_template
from sqlalchemy import event
from sqlalchemy.orm import Session

from app import create_app
from app.db import writing
from app.markup import plain_excerpt, render_markdown
from app.posts.queries import FeedPage

app = create_app()

_SAMPLES = [
    ("buzz", None, "Long run this morning: **21 km** and the hills felt kind for once."),
    ("buzz", None, "أنهيت اليوم تمرين خط الثلث، واليد تتذكر أكثر مما ظننت."),
    ("honey", "Notes on keyset pagination", "## Why\n\nOffsets get slower as you page; a cursor does not."),
    ("buzz", None, "¿Alguien tiene una buena receta de masa madre con 80% de hidratación?"),
    ("buzz", None, "היום סיימתי את הריצה הארוכה הראשונה שלי אחרי הפציעה."),
]


def _fake_posts(count: int = 20) -> list[SimpleNamespace]:
    now = datetime.now(UTC)
    author = SimpleNamespace(handle="ceiling", display_name="Ceiling Bee")
    hive = SimpleNamespace(slug="ceiling", name="Ceiling Hive")
    posts = []
    for n in range(count):
        kind, title, source = _SAMPLES[n % len(_SAMPLES)]
        html = render_markdown(source)
        posts.append(
            SimpleNamespace(
                id=10_000 - n,
                author=author,
                author_id=0,
                kind=kind,
                is_honey=kind == "honey",
                is_edited=False,
                is_visible=True,
                title=title,
                slug=f"post-{n}",
                body_html=html,
                excerpt=plain_excerpt(html),
                hives=[hive] if n % 3 == 0 else [],
                delivered_count=70 + n,
                created_at=now - timedelta(minutes=n),
                edited_at=None,
            )
        )
    return posts


_FEED = FeedPage(posts=_fake_posts(), next_cursor=9_981)


@app.get("/_bench/ceiling")
def bench_ceiling():
    """The home feed template with 20 in-memory posts: no database at all."""
    return render_template("posts/home.html", feed=_FEED, composer_hives=[])


def _time_write_transactions(directory: Path) -> None:
    path = directory / f"{os.getpid()}.json"
    histogram: dict[int, int] = {}
    longest = {"transaction": 0.0, "commit": 0.0}

    @event.listens_for(Session, "after_begin")
    def _began(session, _transaction, _connection) -> None:
        if writing():
            session.info["bench_write_began"] = time.perf_counter()

    @event.listens_for(Session, "before_commit")
    def _committing(session) -> None:
        session.info["bench_commit_began"] = time.perf_counter()

    @event.listens_for(Session, "after_commit")
    def _committed(session) -> None:
        began = session.info.pop("bench_write_began", None)
        committing = session.info.pop("bench_commit_began", None)
        if began is None:
            return
        now = time.perf_counter()
        took_ms = (now - began) * 1000
        histogram[int(took_ms)] = histogram.get(int(took_ms), 0) + 1
        longest["transaction"] = max(longest["transaction"], took_ms)
        longest["commit"] = max(longest["commit"], (now - (committing or now)) * 1000)
        path.write_text(
            json.dumps(
                {
                    "histogram_ms": histogram,
                    "max_ms": round(longest["transaction"], 2),
                    "max_commit_ms": round(longest["commit"], 2),
                }
            )
        )

    @event.listens_for(Session, "after_rollback")
    def _rolled_back(session) -> None:
        session.info.pop("bench_write_began", None)
        session.info.pop("bench_commit_began", None)


if os.environ.get("BENCH_WRITES_DIR"):
    _time_write_transactions(Path(os.environ["BENCH_WRITES_DIR"]))
