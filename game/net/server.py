"""Running the host: the LAN address, uvicorn in a background thread, the join QR code.

**Where it listens.** :func:`lan_address` finds the address of the interface the computer uses
for its local network (the classroom's Wi-Fi) and the server binds to that address only —
never ``0.0.0.0`` — and refuses an address that is not a private, link-local or loopback one
unless the teacher passes ``--bind`` explicitly. A school network's firewall is still what
keeps the internet out; nothing here is reachable unless the network routes to the computer.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass

import segno
import uvicorn

from game.net import protocol as msg
from game.net.app import Hub, build_app
from game.net.host import LanHost

#: The port the host listens on by default (any free one if taken: see ``--port``).
DEFAULT_PORT = 8719


def lan_address() -> str:
    """This computer's address on its local network (127.0.0.1 when it has none)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # Connecting a UDP socket sends nothing; it only picks the interface for the route.
        probe.connect(("10.255.255.255", 1))
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address if is_local(address) else "127.0.0.1"


def is_local(address: str) -> bool:
    """Whether ``address`` is private, link-local or loopback (never a public address)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) and light modules, quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=4)]


@dataclass
class Running:
    """A host serving in a background thread."""

    host: LanHost
    hub: Hub
    server: uvicorn.Server
    thread: threading.Thread
    address: str
    port: int

    @property
    def url(self) -> str:
        """The address students type (or the QR code opens)."""
        return f"http://{self.address}:{self.port}/"

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving and wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout)


def serve(host: LanHost, address: str | None = None, port: int = DEFAULT_PORT,
          wait: float = 10.0) -> Running:
    """Start serving ``host`` on ``address`` (the LAN address) in a background thread."""
    address = address or lan_address()
    app = build_app(host)
    config = uvicorn.Config(app, host=address, port=port, log_level="warning",
                            ws_max_size=msg.MAX_FRAME_BYTES, ws_ping_interval=20.0,
                            ws_ping_timeout=20.0, lifespan="on", access_log=False,
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="borderlines-host", daemon=True)
    thread.start()
    deadline = time.monotonic() + wait
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise OSError(f"the host could not listen on {address}:{port}")
        time.sleep(0.02)
    hub: Hub = app.state.hub
    if port == 0:
        port = server.servers[0].sockets[0].getsockname()[1]
    return Running(host, hub, server, thread, address, port)
