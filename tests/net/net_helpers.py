"""Helpers for the LAN host's tests: a three-team class, a device's socket, the session's state."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient
from starlette.testclient import WebSocketTestSession as Socket

from game.net.app import build_app
from game.net.host import LanHost
from game.play.classroom import Classroom, ClassSettings, Team
from tests.play.play_helpers import level

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))


def make_host(**options: Any) -> LanHost:
    """A simultaneous class of three teams on the June 2019 crisis, PIN 2468."""
    room = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, simultaneous=True,
                                                               **options))
    return LanHost(room, code="ACDEFG", pin="2468")


def client_for(host: LanHost) -> TestClient:
    """A test client of the host's app (use it as a context manager: it runs the lifespan)."""
    return TestClient(build_app(host))


def until(ws: Socket, wanted: Callable[[dict[str, Any]], bool], limit: int = 60
          ) -> dict[str, Any]:
    """The first message ``wanted`` accepts (the others are read and dropped)."""
    for _ in range(limit):
        message = ws.receive_json()
        if wanted(message):
            return message
        if message.get("type") == "error":
            raise AssertionError(f"refused: {message['message']}")
    raise AssertionError("the wanted message never came")


def of_type(kind: str) -> Callable[[dict[str, Any]], bool]:
    """A test for ``until``: a message of this type."""
    return lambda m: m.get("type") == kind


def join(ws: Socket, team: str, name: str, code: str = "ACDEFG") -> dict[str, Any]:
    """Join ``team`` on ``ws``: the welcome message (with the token)."""
    ws.send_json({"type": "join", "code": code, "team": team, "name": name})
    return until(ws, of_type("welcome"))


def send(ws: Socket, message: dict[str, Any]) -> None:
    """Send a message as JSON text."""
    ws.send_text(json.dumps(message))


def snapshot(host: LanHost) -> str:
    """Everything a refused message must leave unchanged: the class, its log, the devices."""
    room = host.room
    return json.dumps({"state": room.state(), "version": host.version,
                       "policy": room.session.table.policy.levers,
                       "proposals": [vars(p) for p in room.session.table.proposals],
                       "devices": {k: d.to_dict() for k, d in host.devices.items()}},
                      sort_keys=True, default=str)
