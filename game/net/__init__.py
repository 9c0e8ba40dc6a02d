"""The classroom on students' devices: a LAN host, the students' page, a WebSocket per device.

Above :mod:`game.play`, beside :mod:`game.ui` (DESIGN.md §2): it imports ``game.play`` only and
never pygame. Modules, by concern:

- :mod:`~game.net.protocol` — the messages and their limits (size, rate, PIN tries);
- :mod:`~game.net.host` — :class:`LanHost`: join code, devices and tokens, the teacher's PIN,
  every action through the classroom's turn desk and decisions, keeping devices over a crash;
- :mod:`~game.net.views` — what a team's devices are sent (its private desk, its report);
- :mod:`~game.net.app` — the Starlette app: the page, its files, the socket; the one thread
  that mutates the session;
- :mod:`~game.net.server` — the LAN address, uvicorn in a background thread, the QR code.
"""

from __future__ import annotations

from game.net.host import Device, HostStatus, LanHost, Refused, resume_host

__all__ = ["Device", "HostStatus", "LanHost", "Refused", "resume_host"]
