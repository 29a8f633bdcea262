"""What gunicorn serves in a benchmark: the app unchanged, plus the ceiling page
(:mod:`bench.ceiling`).

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
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from app import create_app
from app.db import writing
from bench.ceiling import add_ceiling


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


app = create_app()
add_ceiling(app)
if os.environ.get("BENCH_WRITES_DIR"):
    _time_write_transactions(Path(os.environ["BENCH_WRITES_DIR"]))
