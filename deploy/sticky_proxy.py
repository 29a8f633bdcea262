"""A tiny sticky reverse proxy for ``make serve``: HTTP and WebSocket, each client kept on one backend.

Production puts nginx in front (``deploy/nginx.conf``, ``upstream`` with ``ip_hash``); this is
the same idea in a page of aiohttp, for machines without nginx.

Why sticky: a Socket.IO client starts with HTTP long-polling, where one session is a series of
separate requests (the handshake, then polls and posts carrying its ``sid``). Only the process
that answered the handshake knows that ``sid``; any other answers 400 "Invalid session". Redis
lets the processes share events, not sessions. So every request of a client must reach the same
process. (A WebSocket is one long connection and would not care, but it begins as polling.)

Two ways to pick a client's backend:

``--sticky cookie`` (the default)
    a client without our cookie gets the next backend in turn and a cookie naming it; every
    later request carrying the cookie goes back there. On one machine every client's address
    is 127.0.0.1, so this is the way to spread local browsers over the processes. It needs
    clients that send cookies back: browsers do; python-socketio does only when given the
    ``requests`` session that holds them (``socketio.Client(http_session=...)``).
``--sticky ip``
    a hash of the client's address, as nginx's ``ip_hash`` (which hashes the first three
    octets of an IPv4 address, the whole of an IPv6 one). Locally, everyone lands on one backend.

The proxy is the one hop the app trusts (``PROXY_HOPS=1``): it replaces whatever
``X-Forwarded-For``/``-Proto``/``-Host`` a client sent with what it saw itself. Upstream
connections are not reused (as nginx speaks HTTP/1.0 to upstreams by default): with long-lived
keep-alive connections the gevent worker serves some clients and starves others (``make bench``).

    python deploy/sticky_proxy.py --listen 127.0.0.1:5000 http://127.0.0.1:5001 http://127.0.0.1:5002
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import itertools
import zlib

from aiohttp import (
    ClientError,
    ClientSession,
    ClientTimeout,
    DummyCookieJar,
    TCPConnector,
    WSMsgType,
    WSServerHandshakeError,
    web,
)
from multidict import CIMultiDict
from yarl import URL

COOKIE = "apiary_backend"
# Headers about one connection, not the message: never passed on (RFC 9110 §7.6.1), plus Host
# (the upstream's own) and the WebSocket handshake's (aiohttp makes its own upstream).
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
    }
)
# Not passed upstream either: the client's own WebSocket handshake (aiohttp makes its own) and any
# forwarding headers the client made up (this proxy writes its own).
NOT_UPSTREAM = HOP_BY_HOP | {
    "sec-websocket-key",
    "sec-websocket-version",
    "sec-websocket-extensions",
    "x-forwarded-for",
    "x-forwarded-proto",
    "x-forwarded-host",
    "forwarded",
}


def ip_hash(address: str, count: int) -> int:
    """The backend for a client address, as nginx's ``ip_hash`` groups them."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:  # not an IP address (a Unix socket): hash whatever it is
        key = address.encode()
    else:
        key = ip.packed[:3] if ip.version == 4 else ip.packed
    return zlib.crc32(key) % count


class Backends:
    """The upstream base URLs and the rule that pins a client to one of them."""

    def __init__(self, urls: list[str], sticky: str) -> None:
        self.urls = [url.rstrip("/") for url in urls]
        self.sticky = sticky
        self._turns = itertools.cycle(range(len(self.urls)))

    def choose(self, request: web.Request) -> tuple[int, bool]:
        """The backend's index, and whether the client must be given the cookie naming it."""
        if self.sticky == "ip":
            return ip_hash(request.remote or "", len(self.urls)), False
        known = request.cookies.get(COOKIE, "")
        if known.isdigit() and int(known) < len(self.urls):
            return int(known), False
        return next(self._turns), True


def upstream_headers(request: web.Request) -> CIMultiDict[str]:
    """The client's headers minus hop-by-hop ones, with this proxy's ``X-Forwarded-*``."""
    headers = CIMultiDict(
        (name, value) for name, value in request.headers.items() if name.lower() not in NOT_UPSTREAM
    )
    headers["X-Forwarded-For"] = request.remote or ""
    headers["X-Forwarded-Proto"] = request.scheme
    headers["X-Forwarded-Host"] = request.host  # with its port: the app checks Origin against it
    return headers


def is_websocket(request: web.Request) -> bool:
    return request.headers.get("Upgrade", "").lower() == "websocket"


async def proxy_http(request: web.Request, url: URL, session: ClientSession, cookie: int | None):
    """Pass one HTTP request on and stream the answer back (a long-poll waits up to ~25 s)."""
    async with session.request(
        request.method,
        url,
        headers=upstream_headers(request),
        data=request.content if request.body_exists else None,
        allow_redirects=False,
    ) as upstream:
        response = web.StreamResponse(status=upstream.status, reason=upstream.reason)
        for name, value in upstream.headers.items():
            if name.lower() not in HOP_BY_HOP:
                response.headers.add(name, value)
        if cookie is not None:
            response.set_cookie(COOKIE, str(cookie), path="/", httponly=True, samesite="Lax")
        await response.prepare(request)
        async for chunk in upstream.content.iter_any():
            await response.write(chunk)
        await response.write_eof()
        return response


async def _pump(source, target) -> None:
    """Copy messages from one WebSocket to the other until ``source`` closes."""
    async for message in source:
        if message.type == WSMsgType.TEXT:
            await target.send_str(message.data)
        elif message.type == WSMsgType.BINARY:
            await target.send_bytes(message.data)


async def proxy_websocket(request: web.Request, url: URL, session: ClientSession):
    """Open the same WebSocket upstream first (so a refusal, such as a foreign Origin's 400,
    reaches the client as it is), then relay messages both ways until either side closes."""
    protocols = [p.strip() for p in request.headers.get("Sec-WebSocket-Protocol", "").split(",") if p.strip()]
    try:
        upstream = await session.ws_connect(
            url.with_scheme("ws"), headers=upstream_headers(request), protocols=protocols, max_msg_size=0
        )
    except WSServerHandshakeError as refused:
        return web.Response(status=refused.status, text=f"{refused.message}\n")
    async with upstream:
        client = web.WebSocketResponse(protocols=protocols, max_msg_size=0)
        await client.prepare(request)
        relays = [
            asyncio.ensure_future(_pump(client, upstream)),
            asyncio.ensure_future(_pump(upstream, client)),
        ]
        await asyncio.wait(relays, return_when=asyncio.FIRST_COMPLETED)
        for relay in relays:
            relay.cancel()
        await client.close()
    return client


def make_app(backends: Backends) -> web.Application:
    async def handle(request: web.Request) -> web.StreamResponse:
        index, new_client = backends.choose(request)
        url = URL(backends.urls[index] + request.raw_path, encoded=True)
        session: ClientSession = request.app["session"]
        try:
            if is_websocket(request):
                return await proxy_websocket(request, url, session)
            return await proxy_http(request, url, session, index if new_client else None)
        except (ClientError, OSError) as error:
            return web.Response(status=502, text=f"backend {backends.urls[index]} unavailable: {error}\n")

    async def open_session(app: web.Application) -> None:
        # force_close: one upstream connection per request; no total timeout: long-polls and
        # WebSockets last as long as the client wants.
        app["session"] = ClientSession(
            connector=TCPConnector(force_close=True),
            timeout=ClientTimeout(total=None, sock_connect=5),
            auto_decompress=False,
            cookie_jar=DummyCookieJar(),  # one session serves every client: it must keep no cookies
        )

    async def close_session(app: web.Application) -> None:
        await app["session"].close()

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", handle)
    app.on_startup.append(open_session)
    app.on_cleanup.append(close_session)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("backends", nargs="+", help="upstream base URLs, e.g. http://127.0.0.1:5001")
    parser.add_argument("--listen", default="127.0.0.1:5000", help="host:port to serve (127.0.0.1:5000)")
    parser.add_argument("--sticky", choices=["cookie", "ip"], default="cookie", help="how clients are pinned")
    args = parser.parse_args()
    host, _, port = args.listen.rpartition(":")
    backends = Backends(args.backends, args.sticky)
    print(f"sticky proxy on http://{args.listen} (by {args.sticky}) -> {' '.join(backends.urls)}", flush=True)
    # On SIGINT or SIGTERM: stop at once; open WebSockets and long-polls are cut, and reconnect.
    web.run_app(
        make_app(backends), host=host, port=int(port), print=None, access_log=None, shutdown_timeout=1
    )


if __name__ == "__main__":
    main()
