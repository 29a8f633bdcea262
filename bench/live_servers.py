"""The realtime benchmark's servers: gunicorn processes as production runs them, their
Redis, and what they cost in CPU.

Each process is gunicorn with one gevent worker (``--no-control-socket``,
keep-alive off as behind nginx), ``APIARY_ENV=production`` with the run's
generated secret and plain-HTTP cookies, serving :mod:`bench.live_wsgi`. All of
them share the database and, when there is more than one, Redis as the
Socket.IO message queue. They stop when the block ends, however it ends
(an error, Ctrl-C, or SIGTERM turned into ``SystemExit`` by the caller).
"""

from __future__ import annotations

import os
import resource
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.load import free_port, server_env, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
TESTS_REDIS_DB = 15  # the test suite's: never cleared here
CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def redis_client(url: str, clear: bool):
    """A client of the benchmark's Redis database; with ``clear``, that database emptied (never
    the test suite's)."""
    import redis

    client = redis.Redis.from_url(url)
    if clear and client.connection_pool.connection_kwargs.get("db", 0) == TESTS_REDIS_DB:
        raise SystemExit(f"Redis database {TESTS_REDIS_DB} is the test suite's: choose another (--redis-url)")
    client.ping()
    if clear:
        client.flushdb()  # this database only: the socket registry and rate limits of earlier runs
    return client


def redis_cpu_s(client) -> float | None:
    """User + system CPU seconds Redis has used (None without Redis)."""
    if client is None:
        return None
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def worker_pids_of(pid: int) -> list[int]:
    """The children of a gunicorn master: its worker."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICK


def machine_busy_s() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, over every core."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / CLOCK_TICK, sum(values) / CLOCK_TICK


@contextmanager
def servers(
    database_url: str, count: int, redis_url: str | None, secret: str, writes_dir: Path
) -> Iterator[tuple[list[str], list[int]]]:
    """Run ``count`` gunicorn processes (one gevent worker each) on the same database and Redis
    until the block ends; yield their base URLs and their gunicorn masters' pids."""
    channel = f"apiary-bench-realtime-{secrets.token_hex(4)}"
    processes, bases = [], []
    try:
        for _ in range(count):
            port = free_port()
            env = server_env(database_url)
            env.pop("REDIS_URL", None)
            env.update(
                SECRET_KEY=secret,
                BENCH_WRITES_DIR=str(writes_dir),
                BENCH_TRACE_DIR=str(writes_dir),
                SOCKETIO_CHANNEL=channel,
            )
            if redis_url:
                env["REDIS_URL"] = redis_url
            command = [
                sys.executable, "-m", "gunicorn", "--no-control-socket", "-k", "gevent", "-w", "1",
                "--keep-alive", "0", "--graceful-timeout", "5",
                "-b", f"127.0.0.1:{port}", "--log-level", "warning", "bench.live_wsgi:app",
            ]  # fmt: skip
            processes.append(subprocess.Popen(command, cwd=ROOT, env=env))  # noqa: S603
            bases.append(f"http://127.0.0.1:{port}")
        for process, base in zip(processes, bases, strict=True):
            wait_healthy(process, base)
        yield bases, [process.pid for process in processes]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def raise_open_files_limit(needed: int) -> int:
    """Raise this process's (and so the servers') open-files limit towards ``needed``."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        soft = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return soft
