"""``make serve``: the production layout on one machine.

N gunicorn processes, each with one gevent worker and ``APIARY_ENV=production``, on consecutive
ports after the proxy's (5001, 5002, ...), sharing PostgreSQL (``DATABASE_URL``) and Redis
(``REDIS_URL``: the Socket.IO message queue, the registry of open sockets, rate limits), behind
the sticky proxy ``deploy/sticky_proxy.py`` on 127.0.0.1:5000 (nginx in production:
``deploy/nginx.conf``). The migrations run first. Ctrl-C (or SIGTERM) stops every child, and so
does any child dying; no child outlives this script.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/apiary REDIS_URL=redis://127.0.0.1:6379/0 \\
        python deploy/serve.py --processes 3
"""

from __future__ import annotations

import argparse
import ctypes
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class Stop(Exception):
    """A signal asked us to stop."""


def _stop(signum, _frame) -> None:
    raise Stop(signal.Signals(signum).name)


def environment() -> dict[str, str]:
    """The children's environment: production settings, behind one proxy, on plain http."""
    env = dict(os.environ)
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not env.get(name)]
    if missing:
        sys.exit(
            f"serve: {' and '.join(missing)} must be set. Every process shares one database and "
            "one Redis (the Socket.IO message queue, open sockets, rate limits), e.g.\n"
            "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/apiary "
            "REDIS_URL=redis://127.0.0.1:6379/0 make serve"
        )
    if not env.get("SECRET_KEY"):
        env["SECRET_KEY"] = secrets.token_urlsafe(48)
        print("serve: SECRET_KEY is not set; using a random one, so sessions end when this stops.")
    env["APIARY_ENV"] = "production"
    env.setdefault("PROXY_HOPS", "1")  # the sticky proxy sets X-Forwarded-For/-Proto/-Host
    env.setdefault("SESSION_COOKIE_SECURE", "0")  # plain http on 127.0.0.1; behind TLS, leave it at 1
    return env


def _die_with_parent() -> None:
    """In a child, before it starts: on Linux, be sent SIGTERM if this script dies, even by
    SIGKILL, so that no server outlives it."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    """A child in a session of its own: Ctrl-C reaches this script alone, which stops each
    child by PID (a gevent worker hit by the terminal's SIGINT directly dies with a traceback)."""
    return subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, start_new_session=True, preexec_fn=_die_with_parent
    )


def gunicorn(host: str, port: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--no-control-socket",
        # Behind a proxy that opens one upstream connection per request, as nginx does by default.
        "--keep-alive", "0",
        "-b", f"{host}:{port}", "app:create_app()",
    ]  # fmt: skip


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} was not healthy after {timeout_s:.0f} s")


def stop_all(children: list[subprocess.Popen], timeout_s: float = 10) -> None:
    """SIGINT to each child still running (gunicorn's quick shutdown), then SIGKILL after
    ``timeout_s``."""
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGINT)
    deadline = time.monotonic() + timeout_s
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(processes: int, host: str, port: int, first_port: int, sticky: str) -> int:
    env = environment()
    upgrade = [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"]
    if subprocess.run(upgrade, cwd=ROOT, env=env, check=False).returncode != 0:  # noqa: S603
        return 1
    backends = [f"http://{host}:{first_port + n}" for n in range(processes)]
    children: list[subprocess.Popen] = []
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop)
    try:
        for n in range(processes):
            children.append(start(gunicorn(host, first_port + n), env))
        for url, child in zip(backends, children, strict=True):
            wait_healthy(url, child)
        proxy = [sys.executable, str(ROOT / "deploy" / "sticky_proxy.py"), "--listen", f"{host}:{port}"]
        proxy += ["--sticky", sticky]
        children.append(start(proxy + backends, env))
        plural = "es" if processes > 1 else ""
        print(
            f"serve: Apiary on http://{host}:{port} ({processes} process{plural}); Ctrl-C stops it.",
            flush=True,
        )
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        died = next(child for child in children if child.poll() is not None)
        print(f"serve: {' '.join(died.args)} exited with {died.returncode}; stopping the rest.")
        return 1
    except Stop as stop:
        print(f"serve: {stop}, stopping {len(children)} processes.", flush=True)
        return 0
    except RuntimeError as error:
        print(f"serve: {error}; stopping.", file=sys.stderr)
        return 1
    finally:
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        stop_all(children)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2, help="gunicorn processes (2)")
    parser.add_argument("--host", default="127.0.0.1", help="address of the proxy and the processes")
    parser.add_argument("--port", type=int, default=5000, help="the proxy's port (5000)")
    parser.add_argument("--first-port", type=int, help="the first process's port (the proxy's + 1)")
    parser.add_argument("--sticky", choices=["cookie", "ip"], default="cookie", help="see sticky_proxy.py")
    args = parser.parse_args()
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    sys.exit(serve(args.processes, args.host, args.port, args.first_port or args.port + 1, args.sticky))


if __name__ == "__main__":
    main()
