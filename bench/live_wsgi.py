"""What gunicorn serves in the realtime benchmark: :mod:`bench.wsgi`'s app, with the path of
each benchmark post through the server traced. (The run's own Socket.IO channel comes from
``SOCKETIO_CHANNEL``, set by :mod:`bench.live_servers`: Redis pub/sub is per server, not per
database number.)

With ``BENCH_TRACE_DIR`` set, each process appends to ``trace-<pid>.jsonl`` there,
in wall-clock seconds (one clock for every process on the machine), for every
``POST /write`` of the benchmark (its body carries the publish's marker): when the
request reached the app, when its write transaction began (holding SQLite's write lock)
and began to commit, and
when the ``post`` event began and finished its fan-out to this process's sockets and
its publication to Redis; for every ``post`` event that came from another
process through Redis, when this process began and finished its fan-out; and every
garbage collection that held the worker 5 ms or more. The hooks
only observe: the app runs unchanged.
"""

from __future__ import annotations

import gc
import json
import os
import time
from pathlib import Path

from flask import g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.db import writing
from app.extensions import socketio
from bench.wsgi import app


def _trace_posts(directory: Path) -> None:
    path = directory / f"trace-{os.getpid()}.jsonl"

    def record(row: dict) -> None:
        with path.open("a") as out:
            out.write(json.dumps(row) + "\n")

    gc_began = [0.0]

    def _gc(phase: str, info: dict) -> None:
        # Every collection that holds this worker (and so all its sockets) 5 ms or more.
        if phase == "start":
            gc_began[0] = time.perf_counter()
        elif (took := (time.perf_counter() - gc_began[0]) * 1000) >= 5:
            record({"gc_generation": info["generation"], "gc_ms": round(took, 1), "at": time.time()})

    gc.callbacks.append(_gc)

    @app.before_request
    def _arrived() -> None:
        if request.method == "POST" and request.path == "/write":
            words = (request.form.get("body") or "").split()
            if len(words) > 3 and words[0] == "Realtime":
                g.bench_trace = {"marker": words[3].rstrip(":"), "arrived": time.time()}

    @event.listens_for(Session, "after_begin")
    def _began(_session, _transaction, _connection) -> None:
        if has_request_context() and "bench_trace" in g and writing():
            g.bench_trace["write_began"] = time.time()

    @event.listens_for(Session, "before_commit")
    def _committing(_session) -> None:
        if has_request_context() and "bench_trace" in g and writing():
            g.bench_trace["commit_began"] = time.time()

    def _post_id(data) -> int | None:
        data = data[0] if isinstance(data, list) and data else data
        return data.get("post") if isinstance(data, dict) else None

    manager = socketio.server.manager
    if not hasattr(manager, "_publish"):  # one process, no message queue: the emit is the fan-out
        emit = manager.emit

        def traced_emit(event_name, data, *args, **kwargs):
            began = time.time()
            result = emit(event_name, data, *args, **kwargs)
            if event_name == "post" and has_request_context() and "bench_trace" in g:
                done = time.time()
                record({**g.bench_trace, "post": _post_id(data), "fanout_began": began, "fanout_done": done})
            return result

        manager.emit = traced_emit
        return

    handle_emit, publish = manager._handle_emit, manager._publish

    def traced_handle_emit(message: dict):
        began = time.time()
        result = handle_emit(message)
        if message.get("event") == "post":
            if has_request_context() and "bench_trace" in g:
                g.bench_trace.update(
                    post=_post_id(message.get("data")), fanout_began=began, fanout_done=time.time()
                )
            else:  # from another process, through Redis
                record(
                    {"post": _post_id(message.get("data")), "remote_began": began, "remote_done": time.time()}
                )
        return result

    def traced_publish(message: dict):
        result = publish(message)
        if message.get("event") == "post" and has_request_context() and "bench_trace" in g:
            record({**g.bench_trace, "published": time.time()})
        return result

    # PubSubManager.emit and its listener call these through ``self``: the instance's win.
    manager._handle_emit = traced_handle_emit
    manager._publish = traced_publish


if os.environ.get("BENCH_TRACE_DIR") and socketio.server is not None:
    _trace_posts(Path(os.environ["BENCH_TRACE_DIR"]))

__all__ = ["app"]
