"""The realtime benchmark's crowd: real Socket.IO clients, and authors publishing over HTTP.

Everything here runs in one asyncio loop, so a publish and the receipts of its
events are timed on one clock (``time.monotonic``). A receipt is timed when
the client's handler runs, so time the loop spends on other sockets counts
against the server, as it would in a browser that is busy; the loop's own lag
is measured alongside (:class:`LagMonitor`) so that the two can be told apart.

Each client is a ``socketio.AsyncClient`` on the WebSocket transport, with a
session cookie of its own bee; each author publishes with a real ``POST
/write``, its CSRF token read from ``GET /write`` as a browser would.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp
import socketio

from bench.load import USER_AGENT

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
CONNECT_TIMEOUT_S = 60


@dataclass
class Listener:
    """One connected bee: the ``post`` events it received, as (post id, monotonic time)."""

    bee_id: int
    server: int  # index of the server process it is connected to
    cookie: str
    client: socketio.AsyncClient | None = None
    http: aiohttp.ClientSession | None = None
    connect_ms: float | None = None
    authenticated: bool = False
    received: list[tuple[int, float]] = field(default_factory=list)
    unexpected_disconnects: int = 0
    leaving: bool = False
    error: str | None = None


@dataclass(frozen=True)
class Author:
    """A bee who publishes, with the hive (one of theirs) that some posts also go to."""

    bee_id: int
    cookie: str
    hive_id: int | None


@dataclass
class Publish:
    """One ``POST /write``: its marker (found in the post's text afterwards) and timings."""

    number: int
    marker: str
    author: int
    hive_id: int | None
    server: int
    sent: float = 0.0
    sent_wall: float = 0.0  # time.time() at ``sent``, to line up with the servers' traces
    answered: float = 0.0
    status: int = 0
    error: str | None = None


@dataclass
class CrowdResult:
    """What the crowd saw."""

    listeners: list[Listener]
    publishes: list[Publish]
    connect_s: float
    publish_phase_s: float
    loop_lag_ms: list[float]
    gc_pauses_ms: dict[int, list[float]]
    client_cpu_s: float
    probes: dict


class LagMonitor:
    """How late the event loop wakes a task that asked to sleep ``interval`` seconds, and how
    long each of the garbage collector's passes held this process."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.lags_ms: list[float] = []
        self.gc_pauses_ms: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._task: asyncio.Task | None = None
        self._gc_began = 0.0

    async def _run(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(self.interval)
            self.lags_ms.append(max(0.0, (time.monotonic() - before - self.interval) * 1000))

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
        else:
            self.gc_pauses_ms[info["generation"]].append((time.perf_counter() - self._gc_began) * 1000)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())
        gc.callbacks.append(self._gc)

    async def stop(self) -> None:
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


def _jar() -> aiohttp.CookieJar:
    # The servers are at 127.0.0.1: an IP address, whose cookies aiohttp keeps only when "unsafe".
    return aiohttp.CookieJar(unsafe=True)


async def _connect(listener: Listener, bases: list[str], gate: asyncio.Semaphore) -> None:
    """Connect one client as its bee; check with a ``watch`` round trip that the server knows it."""
    listener.http = aiohttp.ClientSession(cookie_jar=_jar(), connector=aiohttp.TCPConnector(limit=0))
    client = socketio.AsyncClient(reconnection=False, http_session=listener.http)
    listener.client = client

    def on_post(data) -> None:
        listener.received.append((data.get("post") if isinstance(data, dict) else None, time.monotonic()))

    def on_disconnect(reason=None) -> None:
        if not listener.leaving:
            listener.unexpected_disconnects += 1

    client.on("post", on_post)
    client.on("disconnect", on_disconnect)
    async with gate:
        started = time.monotonic()
        try:
            await client.connect(
                bases[listener.server],
                headers={"Cookie": listener.cookie, "User-Agent": USER_AGENT},
                transports=["websocket"],
                wait_timeout=CONNECT_TIMEOUT_S,
            )
            # The server joins the bee's room in its connect handler, before it acknowledges the
            # connection; one round trip more proves the socket is the bee's (an anonymous
            # socket is refused on connect, and "watch" answers {"error": ...} without a bee).
            answer = await client.call("watch", {}, timeout=CONNECT_TIMEOUT_S)
            listener.authenticated = isinstance(answer, dict) and "error" not in answer
        except Exception as error:  # a failed client is reported, and its events count as lost
            listener.error = f"{type(error).__name__}: {error}"
        listener.connect_ms = (time.monotonic() - started) * 1000


async def _csrf_token(http: aiohttp.ClientSession, base: str) -> str:
    async with http.get(base + "/write", headers={"User-Agent": USER_AGENT}) as response:
        page = await response.text()
        if response.status != 200:
            raise RuntimeError(f"GET /write answered {response.status}")
    match = CSRF_FIELD.search(page)
    if match is None:
        raise RuntimeError("no CSRF token on /write")
    return match.group(1)


async def _publish(publish: Publish, http: aiohttp.ClientSession, base: str, token: str) -> None:
    form = [
        ("csrf_token", token),
        ("kind", "buzz"),
        ("body", f"Realtime benchmark buzz {publish.marker}: **live** to every follower."),
    ]
    if publish.hive_id is not None:
        form.append(("hives", str(publish.hive_id)))
    publish.sent, publish.sent_wall = time.monotonic(), time.time()
    try:
        async with http.post(
            base + "/write", data=form, allow_redirects=False, headers={"User-Agent": USER_AGENT}
        ) as response:
            await response.read()
            publish.status = response.status
    except Exception as error:
        publish.error = f"{type(error).__name__}: {error}"
    publish.answered = time.monotonic()


async def run_crowd(
    bases: list[str],
    listeners: list[Listener],
    authors: list[Author],
    *,
    posts: int,
    rate: float,
    grace_s: float,
    run_id: str,
    probe: Callable[[], dict] = dict,
    connect_concurrency: int = 50,
) -> CrowdResult:
    """Connect every listener, publish ``posts`` posts at ``rate`` a second (round-robin over
    the authors and the servers; every other round of an author with a hive also goes to that
    hive), wait ``grace_s`` after the last answer, disconnect, and return what was seen."""
    gate = asyncio.Semaphore(connect_concurrency)
    started = time.monotonic()
    await asyncio.gather(*(_connect(listener, bases, gate) for listener in listeners))
    connect_s = time.monotonic() - started

    sessions = {author.bee_id: aiohttp.ClientSession(cookie_jar=_jar()) for author in authors}
    monitor = LagMonitor()
    publishes: list[Publish] = []
    probes: dict = {}
    try:
        tokens = {}
        for author in authors:
            sessions[author.bee_id].cookie_jar.update_cookies(
                {"session": author.cookie.removeprefix("session=")}
            )
            tokens[author.bee_id] = await _csrf_token(sessions[author.bee_id], bases[0])
        for number in range(posts):
            author = authors[number % len(authors)]
            to_hive = author.hive_id is not None and (number // len(authors)) % 2 == 1
            publishes.append(
                Publish(
                    number=number,
                    marker=f"rt{run_id}n{number}",
                    author=author.bee_id,
                    hive_id=author.hive_id if to_hive else None,
                    server=number % len(bases),
                )
            )
        await asyncio.sleep(0.5)  # the connect burst's stragglers settle
        # 500 browsers are 500 processes; here they share one, whose full garbage collections
        # (~150 ms over every client's objects) would hold every client at once. The clients'
        # long-lived objects are set aside, so a collection during the run walks only new ones.
        gc.collect()
        gc.freeze()
        probes["before"] = probe()
        cpu_before = time.process_time()
        monitor.start()
        phase_started = time.monotonic()
        tasks = []
        for publish in publishes:
            due = phase_started + publish.number / rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            http = sessions[publish.author]
            tasks.append(
                asyncio.create_task(_publish(publish, http, bases[publish.server], tokens[publish.author]))
            )
        await asyncio.gather(*tasks)
        await asyncio.sleep(grace_s)
        publish_phase_s = time.monotonic() - phase_started
        client_cpu_s = time.process_time() - cpu_before
        probes["after"] = probe()
    finally:
        gc.unfreeze()
        await monitor.stop()
        for http in sessions.values():
            await http.close()
        await _disconnect_all(listeners)
    return CrowdResult(
        listeners=listeners,
        publishes=publishes,
        connect_s=connect_s,
        publish_phase_s=publish_phase_s,
        loop_lag_ms=monitor.lags_ms,
        gc_pauses_ms=monitor.gc_pauses_ms,
        client_cpu_s=client_cpu_s,
        probes=probes,
    )


async def _disconnect_all(listeners: list[Listener]) -> None:
    async def leave(listener: Listener) -> None:
        listener.leaving = True
        # The run is over: a socket that will not close politely is closed with its session.
        with contextlib.suppress(Exception):
            if listener.client is not None and listener.client.connected:
                await listener.client.disconnect()
        if listener.http is not None:
            await listener.http.close()

    await asyncio.gather(*(leave(listener) for listener in listeners))
    await asyncio.sleep(0.25)  # aiohttp closes its transports on the next turns of the loop
