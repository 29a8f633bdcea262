"""Two server processes act as one through Redis: a bee connected to process A hears, live, a
buzz published through process B, and logging out through B ends their socket on A.

Each process is the production layout (gunicorn, one gevent worker, ``APIARY_ENV=production``)
on a port of its own, and both share PostgreSQL (``TEST_DATABASE_URL``) and Redis
(``TEST_REDIS_URL``). Everything goes through real clients: ``requests`` for the pages and
forms, python-socketio for the sockets (long-polling, then the upgrade to WebSocket). Without
those URLs the module is skipped; with ``CI=true`` it fails instead.
"""

from __future__ import annotations

import itertools
import os
import queue
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
import requests
import socketio

from bench.database import reset_postgres_schema
from config import database_url
from tests.conftest import ON_CI, PG_URL, REDIS_URL, csrf_token_from

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "multi-process-test-secret-key-not-for-production"
PASSWORD = "correct horse battery"
LIVE_S = 5  # how long a live event or a disconnect may take to arrive
QUIET_S = 1  # how long we listen for an event that must not come
OWN_KEYS = "apiary:*"  # the open-socket registry (app/realtime.py)
_handles = itertools.count(1)


@pytest.fixture(scope="module")
def urls() -> tuple[str, str]:
    """PostgreSQL's and Redis's URLs; on CI their absence fails the module instead of skipping it."""
    given = {"TEST_DATABASE_URL": PG_URL, "TEST_REDIS_URL": REDIS_URL}
    missing = " and ".join(name for name, url in given.items() if not url)
    if missing and ON_CI:
        pytest.fail(f"CI=true but {missing} not set: the multi-process test must run on CI.")
    if missing:
        pytest.skip(f"{missing} not set (the multi-process test needs PostgreSQL and Redis)")
    return PG_URL, REDIS_URL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(pg_url: str, redis_url: str) -> dict[str, str]:
    """Production settings on plain HTTP, sharing the test PostgreSQL and Redis."""
    inherited = ("FLASK_", "APIARY_", "SOCKETIO_", "DATABASE_URL", "REDIS_URL", "PROXY_HOPS", "SECRET_KEY")
    env = {key: value for key, value in os.environ.items() if not key.startswith(inherited)}
    env.update(
        APIARY_ENV="production",
        SECRET_KEY=SECRET_KEY,
        SESSION_COOKIE_SECURE="0",  # plain http on localhost
        DATABASE_URL=pg_url,
        REDIS_URL=redis_url,
        LOGIN_RATE_LIMIT="1000 per minute",  # every bee of the test signs up from 127.0.0.1
        SOCKETIO_CHANNEL=f"apiary-test-{secrets.token_hex(4)}",  # no other run on this Redis hears it
        PYTHONPATH=str(ROOT),
    )
    return env


@dataclass
class Server:
    """One gunicorn process (one gevent worker), its base URL and its captured stderr."""

    name: str
    base: str
    process: subprocess.Popen
    log: Path

    def stderr(self, last: int = 4000) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- stderr of server {self.name} ({self.base}, pid {self.process.pid}) ---\n{text[-last:]}"

    def stop(self) -> None:
        """Quick shutdown (SIGINT) by PID; its process group is killed if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        with suppress(ProcessLookupError):  # a worker outliving its arbiter: same process group
            os.killpg(self.process.pid, signal.SIGKILL)


@dataclass
class Cluster:
    """The two servers: A (where the sockets live) and B (where bees publish and log out)."""

    a: Server
    b: Server
    servers: list[Server] = field(init=False)

    def __post_init__(self) -> None:
        self.servers = [self.a, self.b]

    @contextmanager
    def stderr_on_failure(self) -> Iterator[None]:
        """Append both servers' stderr to whatever fails inside the block."""
        try:
            yield
        except Exception as error:
            for server in self.servers:
                error.add_note(server.stderr())
            raise


def start_server(name: str, env: dict[str, str], log_dir: Path) -> Server:
    port = free_port()
    log = log_dir / f"server-{name}.log"
    command = [
        sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--no-control-socket",
        "-b", f"127.0.0.1:{port}", "app:create_app()",
    ]  # fmt: skip
    with log.open("wb") as stderr:
        process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True
        )
    return Server(name, f"http://127.0.0.1:{port}", process, log)


def wait_until_healthy(server: Server, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"server {server.name} exited with {server.process.returncode}\n{server.stderr()}")
        with suppress(requests.RequestException):
            if requests.get(server.base + "/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"server {server.name} did not become healthy\n{server.stderr()}")


def migrate(env: dict[str, str]) -> None:
    """Build the schema with the real migrations, as a deployment does."""
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"flask db upgrade failed:\n{done.stderr[-4000:]}"


def redis_keys(store: redis.Redis) -> set[bytes]:
    return set(store.scan_iter(count=1000))


def forget(store: redis.Redis, keys) -> None:
    if keys:
        store.delete(*keys)


@pytest.fixture(scope="module")
def cluster(urls, tmp_path_factory) -> Iterator[Cluster]:
    """Empty and migrate PostgreSQL, start servers A and B, wait for both; stop them by PID
    afterwards and delete the Redis keys they made (the socket registry, rate-limit counters)."""
    pg_url, redis_url = urls
    store = redis.Redis.from_url(redis_url)
    try:
        store.ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis at {redis_url} is unreachable: {error}")
    forget(store, store.keys(OWN_KEYS))  # a registry left by a run that crashed
    before = redis_keys(store)
    env = server_env(pg_url, redis_url)
    reset_postgres_schema(database_url(pg_url, Path(".")))
    log_dir = tmp_path_factory.mktemp("servers")
    servers: list[Server] = []
    try:
        servers = [start_server("A", env, log_dir), start_server("B", env, log_dir)]
        migrate(env)  # while they boot: nothing reads a table before the first request
        deadline = time.monotonic() + 30
        for server in servers:
            wait_until_healthy(server, deadline)
        yield Cluster(*servers)
    finally:
        for server in servers:
            server.stop()
        forget(store, (redis_keys(store) - before) | set(store.keys(OWN_KEYS)))
        store.close()


class Browser:
    """One visitor: a ``requests`` session whose cookies every process accepts (they share the
    secret key and the database), as a sticky load balancer would see them."""

    def __init__(self) -> None:
        self.http = requests.Session()
        self.handle = ""

    def token(self, base: str, path: str) -> str:
        page = self.http.get(base + path, timeout=10)
        assert page.status_code == 200, f"GET {path}: {page.status_code}"
        return csrf_token_from(page.text)

    def submit(self, base: str, path: str, form_path: str | None = None, **data) -> requests.Response:
        """POST a form with the CSRF token of the page at ``form_path`` (``path`` itself by
        default); expects the redirect that follows success."""
        data["csrf_token"] = self.token(base, form_path or path)
        response = self.http.post(base + path, data=data, allow_redirects=False, timeout=10)
        errors = re.findall(r'class="(?:invalid-feedback|alert)[^"]*"[^>]*>([^<]*)<', response.text)
        assert response.status_code == 302, f"POST {path}: {response.status_code} {errors}"
        return response

    def sign_up(self, base: str) -> Browser:
        self.handle = f"bee_{next(_handles)}"
        self.submit(
            base,
            "/signup",
            email=f"{self.handle}@example.com",
            handle=self.handle,
            display_name=self.handle.replace("_", " ").title(),
            password=PASSWORD,
        )
        return self

    def log_in(self, base: str, handle: str) -> Browser:
        self.handle = handle
        self.submit(base, "/login", login=handle, password=PASSWORD)
        return self

    def log_out(self, base: str) -> None:
        self.submit(base, "/logout", form_path="/")

    def follow(self, base: str, other: Browser) -> None:
        self.submit(base, f"/@{other.handle}/follow", form_path=f"/@{other.handle}")

    def publish_buzz(self, base: str, body: str) -> int:
        """Publish through the composer; the id is the newest card on my home page."""
        self.submit(base, "/write", kind="buzz", body=body)
        home = self.http.get(base + "/", timeout=10).text
        assert body in home
        return int(re.search(r'data-post-id="(\d+)"', home).group(1))

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.http.cookies)


def new_bee(base: str) -> Browser:
    """A new bee, signed up through ``base`` (signing up logs in)."""
    return Browser().sign_up(base)


class Live:
    """A real python-socketio client: every event it hears, why the server refused it, and
    whether the server ended it."""

    def __init__(self) -> None:
        self.client = socketio.Client(reconnection=False)
        self.heard: queue.Queue[tuple[str, object]] = queue.Queue()
        self.refusals: list[object] = []
        self.ended = threading.Event()
        self.client.on("*", lambda event, *args: self.heard.put((event, args[0] if args else None)))
        self.client.on("connect_error", self.refusals.append)
        self.client.on("disconnect", lambda *reason: self.ended.set())

    def connect(self, base: str, browser: Browser | None = None, **headers) -> Live:
        if browser is not None:
            headers["Cookie"] = browser.cookie_header()
        self.client.connect(base, headers=headers, wait_timeout=LIVE_S)
        return self

    def next_event(self, timeout: float) -> tuple[str, object] | None:
        try:
            return self.heard.get(timeout=timeout)
        except queue.Empty:
            return None

    def upgraded(self) -> bool:
        """True once the socket has moved from long-polling to WebSocket."""
        deadline = time.monotonic() + LIVE_S
        while self.client.transport() != "websocket" and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.client.transport() == "websocket"

    def close(self) -> None:
        if self.client.connected:
            self.client.disconnect()


@pytest.fixture
def live() -> Iterator:
    """``live()``: a new socket client; all are closed when the test ends."""
    opened: list[Live] = []

    def open_client() -> Live:
        opened.append(Live())
        return opened[-1]

    yield open_client
    for client in opened:
        client.close()


def test_a_buzz_published_through_b_reaches_a_follower_on_a_live_and_not_an_outsider(cluster, live):
    a, b = cluster.a.base, cluster.b.base
    with cluster.stderr_on_failure():
        author, follower, outsider = new_bee(b), new_bee(a), new_bee(a)
        follower.follow(a, author)
        follower_socket = live().connect(a, Browser().log_in(a, follower.handle))
        outsider_socket = live().connect(a, Browser().log_in(a, outsider.handle))
        assert follower_socket.upgraded(), "the socket on A never upgraded to WebSocket"

        post_id = author.publish_buzz(b, "Published through B, heard live on A.")

        heard = follower_socket.next_event(LIVE_S)
        assert heard is not None, f"the follower on A heard nothing within {LIVE_S} s of the buzz on B"
        event, data = heard
        assert (event, data["post"], data["hives"]) == ("post", post_id, [])
        time.sleep(QUIET_S)  # whatever else was coming has arrived by now
        assert outsider_socket.next_event(0) is None
        assert follower_socket.next_event(0) is None  # once, not once per process


def test_logging_out_through_b_ends_that_session_s_socket_on_a(cluster, live):
    a, b = cluster.a.base, cluster.b.base
    with cluster.stderr_on_failure():
        bee = new_bee(b)
        laptop, phone = Browser().log_in(b, bee.handle), Browser().log_in(a, bee.handle)
        laptop_socket, phone_socket = live().connect(a, laptop), live().connect(a, phone)

        laptop.log_out(b)

        assert laptop_socket.ended.wait(LIVE_S), "the socket on A outlived its session's logout on B"
        assert not laptop_socket.client.connected
        assert not phone_socket.ended.wait(QUIET_S)  # another login session of the same bee
        assert phone_socket.client.connected


def test_both_processes_refuse_an_anonymous_socket(cluster, live):
    with cluster.stderr_on_failure():
        for server in cluster.servers:
            visitor = Browser()
            visitor.token(server.base, "/login")  # a session cookie, but nobody logged in
            assert visitor.cookie_header()
            for socket_client, browser in ((live(), None), (live(), visitor)):
                with pytest.raises(socketio.exceptions.ConnectionError):
                    socket_client.connect(server.base, browser)
                assert socket_client.refusals == [{"message": "unauthorized"}]  # by the app itself


@pytest.mark.parametrize("origin", ["http://evil.example", "https://127.0.0.1"])
def test_both_processes_refuse_a_handshake_from_a_foreign_origin(cluster, origin):
    with cluster.stderr_on_failure():
        for server in cluster.servers:
            handshake = f"{server.base}/socket.io/?EIO=4&transport=polling"
            assert requests.get(handshake, timeout=10).status_code == 200  # no Origin: a non-browser
            own = requests.get(handshake, headers={"Origin": server.base}, timeout=10)
            assert own.status_code == 200
            assert requests.get(handshake, headers={"Origin": origin}, timeout=10).status_code == 400
