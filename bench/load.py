"""Serve the app as production does and drive it with wrk.

The server is gunicorn with the gevent worker (``bench.wsgi:app``, production
settings) on 127.0.0.1; the load is Debian's wrk at a fixed concurrency, in its
own process, replaying a table of prepared requests: random bees, each with a
session cookie signed by the server's own key (and a CSRF token for posts).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, g, session
from flask_wtf.csrf import generate_csrf

USER_AGENT = "apiary-bench"
BENCH_SECRET = "bench-secret-key-only-for-local-load-tests-0123456789"  # noqa: S105
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Request:
    """One prepared HTTP request."""

    method: str
    path: str
    cookie: str = ""
    body: str = ""


@dataclass(frozen=True)
class Result:
    """What wrk measured for one scenario."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad_responses: int
    errors: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database_url: str) -> dict[str, str]:
    """Production settings on plain HTTP, on the benchmark database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("FLASK_", "APIARY_"))}
    env.update(
        APIARY_ENV="production",
        SECRET_KEY=BENCH_SECRET,
        DATABASE_URL=database_url,
        SESSION_COOKIE_SECURE="0",
        LOGIN_RATE_LIMIT="1000000 per minute",
        PYTHONPATH=str(ROOT),
    )
    return env


@contextmanager
def gunicorn(database_url: str, workers: int = 2, writes_dir: Path | None = None) -> Iterator[str]:
    """Run gunicorn (gevent, ``workers`` processes) until the block ends; yield its base URL.

    With ``writes_dir``, the workers time their write transactions there (see ``bench.wsgi``).
    """
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "--no-control-socket", "-k", "gevent", "-w", str(workers),
        # Behind nginx (HTTP/1.0 to upstreams by default) every request is its own connection;
        # with keep-alive, gevent serves some connections and starves others (p99 ~1 s).
        "--keep-alive", "0",
        "-b", f"127.0.0.1:{port}", "--log-level", "warning", "bench.wsgi:app",
    ]  # fmt: skip
    env = server_env(database_url)
    if writes_dir is not None:
        env["BENCH_WRITES_DIR"] = str(writes_dir)
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(process, base)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def signed_sessions(app: Flask, bee_ids: list[int]) -> dict[int, tuple[str, str]]:
    """For each bee: a session cookie the server accepts, and the CSRF token that goes with it."""
    from flask_login import login_user

    from app.extensions import db
    from app.profiles.models import Bee

    serializer = app.session_interface.get_signing_serializer(app)
    made = {}
    for bee_id in bee_ids:
        headers = {"User-Agent": USER_AGENT}
        with app.test_request_context("/", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"}):
            login_user(db.session.get(Bee, bee_id))
            g.pop("csrf_token", None)  # flask-wtf caches the token on g, which outlives this request
            token = generate_csrf()
            made[bee_id] = ("session=" + serializer.dumps(dict(session)), token)
    return made


def _lua_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)  # a JSON string is a valid Lua string here


def wrk_script(requests: list[Request]) -> str:
    """A wrk script that sends the prepared requests in random order."""
    rows = []
    for request in requests:
        headers = {"User-Agent": USER_AGENT}
        if request.cookie:
            headers["Cookie"] = request.cookie
        if request.body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        header_lua = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items())
        rows.append(
            f"{{{_lua_string(request.method)}, {_lua_string(request.path)}, {{{header_lua}}}, "
            f"{_lua_string(request.body) if request.body else 'nil'}}}"
        )
    return (
        "local specs = {\n" + ",\n".join(rows) + "\n}\n"
        "local prepared = {}\n"
        "local counter = 0\n"
        "function init(args)\n"
        "  for i, s in ipairs(specs) do prepared[i] = wrk.format(s[1], s[2], s[3], s[4]) end\n"
        "  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)\n"
        "end\n"
        "function request()\n"
        "  return prepared[math.random(#prepared)]\n"
        "end\n"
    )


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parse_wrk(output: str) -> Result:
    """Requests/s, p50, p99 and failures from ``wrk --latency`` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Result(
        rps=rps,
        p50_ms=p50,
        p99_ms=p99,
        requests=total,
        bad_responses=int(bad.group(1)) if bad else 0,
        errors=sum(map(int, errors.groups())) if errors else 0,
    )


def run_wrk(base: str, requests: list[Request], seconds: int, connections: int = 8) -> Result:
    """Drive the server with wrk at ``connections`` for ``seconds``."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(wrk_script(requests))
    try:
        completed = subprocess.run(  # noqa: S603
            [
                wrk,
                "--latency",
                "--timeout",
                "30s",
                "-t",
                "2",
                "-c",
                str(connections),
                "-d",
                f"{seconds}s",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    return parse_wrk(completed.stdout)


def write_transactions(writes_dir: Path) -> dict:
    """All workers' write-transaction times: count, p50, p99, longest, and how many took 50 ms or more."""
    histogram: dict[int, int] = {}
    longest = longest_commit = 0.0
    for path in writes_dir.glob("*.json"):
        worker = json.loads(path.read_text())
        for millisecond, count in worker["histogram_ms"].items():
            histogram[int(millisecond)] = histogram.get(int(millisecond), 0) + count
        longest = max(longest, worker["max_ms"])
        longest_commit = max(longest_commit, worker["max_commit_ms"])
    total = sum(histogram.values())

    def percentile(share: float) -> int | None:
        seen = 0
        for millisecond in sorted(histogram):
            seen += histogram[millisecond]
            if seen >= share * total:
                return millisecond + 1  # the bucket's upper bound
        return None

    return {
        "count": total,
        "p50_ms_at_most": percentile(0.5),
        "p99_ms_at_most": percentile(0.99),
        "max_ms": longest,
        "max_commit_ms": longest_commit,
        "over_50_ms": sum(count for millisecond, count in histogram.items() if millisecond >= 50),
    }


def wait_healthy(process: subprocess.Popen, base: str) -> None:
    """Wait until the gunicorn at ``base`` answers ``/healthz`` (30 s at most); fail at once if
    it exits first."""
    for _ in range(150):
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn for {base} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn at {base} did not become healthy")
