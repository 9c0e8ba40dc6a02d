"""The students' page and the WebSocket per device, on Starlette (ASGI).

**One thread mutates the session.** Every call into the :class:`~game.net.host.LanHost` is made
on the server's event-loop thread, in plain synchronous code with no ``await`` in the middle, so
two devices' actions can never interleave; the game window (another thread) never touches the
host directly but hands functions to :meth:`Hub.call`, which runs them on that same loop and
waits for the result. Sending states to devices happens after the change, with the host's
``version`` in each state so that a device keeps only the newest.

Each connection has a token bucket (:data:`~game.net.protocol.RATE_PER_SECOND`), a message
size limit and a limited number of teacher-PIN tries; a refused message changes nothing and is
answered with ``{"type": "error", "message": ...}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.i18n import t
from game.net import protocol as msg
from game.net.host import Device, LanHost, Refused
from game.paths import ASSETS
from game.play.decisions import DecisionRejected

#: The page's files: plain HTML, CSS and JavaScript (no framework, no CDN).
WEB = ASSETS / "web"
#: Languages the page's strings come in (``strings/<code>.json``); English is the fallback.
PAGE_LANGUAGES = ("en", "es", "fr")
#: Browsers may run nothing but the page's own files, and talk only to this host.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' "
    "data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
T = TypeVar("T")
#: A burst of lever changes gets one forecast: the state goes out at once with the last
#: forecast (marked stale) and the fresh forecast follows this many seconds later. The
#: forecast is the costly part of a change (benchmarks/bench_lan.py, docs/performance.md).
FORECAST_DELAY_S = 0.25


class Bucket:
    """A token bucket: ``rate`` messages a second on average, ``burst`` at once."""

    def __init__(self, rate: float = msg.RATE_PER_SECOND, burst: int = msg.RATE_BURST) -> None:
        self.rate, self.burst = rate, float(burst)
        self.level, self.at = float(burst), time.monotonic()

    def take(self) -> bool:
        """Whether one more message may go through now."""
        now = time.monotonic()
        self.level = min(self.burst, self.level + (now - self.at) * self.rate)
        self.at = now
        if self.level >= 1.0:
            self.level -= 1.0
            return True
        return False


class Hub:
    """The connected devices by team, and the bridge from other threads to the host."""

    def __init__(self, host: LanHost) -> None:
        self.host = host
        self.sockets: dict[WebSocket, Device | None] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        #: Called (on the loop thread) after every change, e.g. to wake the projector.
        self.listeners: list[Callable[[], None]] = []
        #: Teams whose fresh forecast is on its way, and the tasks bringing it.
        self._due: set[str] = set()
        self.tasks: set[asyncio.Task[None]] = set()

    def call(self, fn: Callable[[LanHost], T], timeout: float = 10.0) -> T:
        """Run ``fn(host)`` on the server's thread, push the changes, return its result."""
        if self.loop is None:
            raise RuntimeError("the server is not running")

        async def run() -> T:
            before = self.host.version
            result = fn(self.host)
            if self.host.version != before:
                await self.push_all()
            return result

        future: Future[T] = asyncio.run_coroutine_threadsafe(run(), self.loop)
        return future.result(timeout)

    async def push(self, countries: set[str] | None = None, fresh: bool = True) -> None:
        """Send each team's state to its devices (every team's when ``countries`` is None)."""
        for listener in self.listeners:
            listener()
        targets: dict[str, list[WebSocket]] = {}
        for socket, device in list(self.sockets.items()):
            if device is not None and (countries is None or device.country in countries):
                targets.setdefault(device.country, []).append(socket)
        for country, sockets in targets.items():
            text = json.dumps(self.host.team_state(country, fresh))
            for socket in sockets:
                try:
                    await socket.send_text(text)
                except (RuntimeError, WebSocketDisconnect, OSError):
                    self.sockets.pop(socket, None)

    async def push_all(self) -> None:
        """Every team's state to its devices."""
        await self.push(None)

    async def push_draft(self, country: str) -> None:
        """A team's draft changed: its state now, its fresh forecast a moment later."""
        await self.push({country}, fresh=False)
        if country in self._due:
            return
        self._due.add(country)
        try:
            await asyncio.sleep(FORECAST_DELAY_S)
        finally:
            self._due.discard(country)
        await self.push({country})


async def _error(socket: WebSocket, text: str, seq: int | None = None) -> None:
    await socket.send_text(json.dumps({"type": "error", "message": text, "seq": seq}))


def _trusted_host(host: str) -> bool:
    """Whether the Host header names this computer by a local address, not by a domain name.

    A web page on another site may point its own domain name at this computer's LAN address
    (DNS rebinding) and then pass the same-origin test: it would still have to name a domain
    here, which is refused. Students open the page by address (the QR code gives it).
    """
    name = urlsplit(f"//{host}").hostname or ""
    if name in ("localhost", "testserver"):
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local


def _same_origin(socket: WebSocket) -> bool:
    """A page from another site may not drive a device's socket (cross-site WebSockets)."""
    origin = socket.headers.get("origin")
    if origin is None:
        return True  # Not a browser (tests, tools): nothing to protect against.
    return urlsplit(origin).netloc == socket.headers.get("host", "")


async def _handle(hub: Hub, socket: WebSocket, message: msg.AnyMessage, state: dict[str, Any]
                  ) -> None:
    """One parsed message of one connection."""
    host = hub.host
    device: Device | None = hub.sockets.get(socket)
    if isinstance(message, msg.Ping):
        await socket.send_text('{"type":"pong"}')
    elif isinstance(message, msg.Lobby):
        await socket.send_text(json.dumps({"type": "lobby", "teams": host.lobby(message.code)}))
    elif isinstance(message, msg.Join | msg.Resume):
        if isinstance(message, msg.Join):
            token, device = host.join(message.code, message.team, message.name)
        else:
            try:
                token, device = message.token, host.resume(message.token)
            except Refused as refusal:
                # The page forgets its token and shows the join form again.
                await socket.send_text(json.dumps({"type": "error", "message": str(refusal),
                                                   "code": "unknown_device"}))
                return
        hub.sockets[socket] = device
        await socket.send_text(json.dumps({"type": "welcome", "token": token, "id": device.id,
                                           "name": device.name, "team": device.country,
                                           "seq": device.last_seq}))
        await hub.push_all()
    elif isinstance(message, msg.Teacher):
        if state["pin_tries"] >= msg.PIN_TRIES:
            raise Refused(t("Too many wrong PINs from this device."))
        try:
            host.teacher(message)
        except Refused:
            if not host.check_pin(message.pin):
                state["pin_tries"] += 1
            raise
        await socket.send_text(json.dumps({
            "type": "teacher", "ok": True,
            "devices": [{"id": d.id, "name": d.name, "team": d.country}
                        for d in host.devices.values()],
            "teams": [{"team": tm.country, "name": tm.name,
                       "committed": tm.country in host.room.committed}
                      for tm in host.room.teams]}))
        await hub.push_all()
    elif isinstance(message, msg.Action):
        if device is None:
            raise Refused(t("Join a team first."))
        own = isinstance(message, msg.SetLever | msg.ClearLever)
        turn = host.room.session.turn
        host.act(device, message)
        if own and host.room.session.turn == turn:
            # Not awaited: the device's next message is read while the forecast waits.
            task = asyncio.create_task(hub.push_draft(device.country))
            hub.tasks.add(task)
            task.add_done_callback(hub.tasks.discard)
        else:
            await hub.push_all()


async def device_socket(socket: WebSocket) -> None:
    """One device's connection: parse, check, act, answer; never trust a field."""
    hub: Hub = socket.app.state.hub
    if not _same_origin(socket) or not _trusted_host(socket.headers.get("host", "")):
        await socket.close(code=1008)
        return
    await socket.accept()
    hub.sockets[socket] = None
    bucket = Bucket()
    state: dict[str, Any] = {"pin_tries": 0, "strikes": 0}
    try:
        while True:
            text = await socket.receive()
            if text.get("type") == "websocket.disconnect":
                break
            if not bucket.take():
                state["strikes"] += 1
                if state["strikes"] >= msg.RATE_STRIKES:
                    await socket.close(code=1008)
                    break
                await _error(socket, t("Too many messages: slow down."))
                continue
            state["strikes"] = 0
            raw = text.get("text")
            raw = raw if isinstance(raw, str) else bytes(text.get("bytes") or b"")
            seq = None
            try:
                message = msg.parse(raw)
                seq = getattr(message, "seq", None)
                await _handle(hub, socket, message, state)
            except msg.Malformed as error:
                await _error(socket, str(error))
            except (Refused, DecisionRejected) as refusal:
                await _error(socket, str(refusal), seq)
    except WebSocketDisconnect:
        pass
    finally:
        hub.sockets.pop(socket, None)


async def _tick(hub: Hub, every: float = 1.0) -> None:
    """The class's timer: when it runs out, the drafts so far are committed and played."""
    last = time.monotonic()
    while True:
        await asyncio.sleep(every)
        now = time.monotonic()
        try:
            played = hub.host.tick(now - last)
        except (Refused, DecisionRejected):
            played = False
        last = now
        if played:
            await hub.push_all()


def _page_strings(request: Request) -> Response:
    lang = request.path_params["lang"]
    if lang not in PAGE_LANGUAGES or not (WEB / "strings" / f"{lang}.json").is_file():
        lang = "en"
    return FileResponse(WEB / "strings" / f"{lang}.json", headers=HEADERS)


def build_app(host: LanHost, web: Path = WEB) -> Starlette:
    """The ASGI app of one hosted class: the page, its files, its strings, the socket."""
    hub = Hub(host)

    async def index(request: Request) -> Response:
        if not _trusted_host(request.headers.get("host", "")):
            return Response("Open this page by the address on the projector.", 421)
        return FileResponse(web / "index.html", headers=HEADERS)

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True})

    async def strings(request: Request) -> Response:
        return _page_strings(request)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hub.loop = asyncio.get_running_loop()
        ticker = asyncio.create_task(_tick(hub))
        try:
            yield
        finally:
            ticker.cancel()

    app = Starlette(routes=[
        Route("/", index), Route("/health", health), Route("/strings/{lang}.json", strings),
        WebSocketRoute("/ws", device_socket),
        Mount("/static", StaticFiles(directory=web / "static"), name="static"),
    ], lifespan=lifespan)
    app.state.hub = hub
    return app
