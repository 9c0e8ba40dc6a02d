"""The class on students' devices: join code, devices and tokens, actions, the teacher's PIN.

A :class:`LanHost` wraps one simultaneous :class:`~game.play.classroom.Classroom` and is the
only thing the network layer talks to. It has no sockets and no threads of its own: the server
(:mod:`game.net.app`) calls it on one thread only (see there), and the tests call it directly.

Every action goes through the classroom's methods — the same turn desk, decisions, checks and
autosave as the hot-seat game — with the team the device's token is bound to. A refused action
raises :class:`Refused` (or the game's own ``DecisionRejected``) before anything is changed.

**Tokens.** Joining gives the device a random 256-bit token; the host keeps only its SHA-256,
bound to one team. ``Resume`` with the token gives the same team back, with its draft. The
teacher can move a device to another team (its token then opens the new team only).

**A crashed host** resumes from the classroom's autosave; the devices' token hashes, the join
code and the teacher's PIN are kept beside it (``lan-devices.json`` in the game's autosave
folder), so the devices reconnect by themselves (:func:`resume_host`).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.net import protocol as msg
from game.net.views import (
    forecast_metrics,
    forecast_view,
    levers_view,
    notice_view,
    objective_view,
    offers_view,
    proposal_view,
    report_view,
)
from game.play.atomic import write_atomic
from game.play.classroom import Classroom, notices_for, resume_classroom, skip_team
from game.play.decisions import DecisionRejected, country_name
from game.play.game import SoloGame
from game.play.team_names import name_problem, normal_name

if TYPE_CHECKING:
    from game.play.record import GameRecord
    from game.play.report import TurnReport

#: Letters of join codes: no 0/O, 1/I/L, 2/Z, 5/S or 8/B to misread on a projector.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
#: Most devices in one class (a class of 40 with spares).
MAX_DEVICES = 80
#: Name of the devices file in the game's autosave folder.
DEVICES_FILE = "lan-devices.json"


class Refused(Exception):  # noqa: N818 - like DecisionRejected: the text is for the student
    """An action the host refuses; nothing was changed and the text can be shown as is."""


def new_code() -> str:
    """A fresh join code (one per session)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_pin() -> str:
    """A fresh four-digit teacher PIN."""
    return f"{secrets.randbelow(10_000):04d}"


def token_hash(token: str) -> str:
    """The SHA-256 the host keeps instead of a token."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass
class Device:
    """One student's device: a name, the team it is bound to, its last action number."""

    id: str
    name: str
    country: str
    token_hash: str
    last_seq: int = 0
    connected: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the devices file (no token: only its hash)."""
        return {"id": self.id, "name": self.name, "country": self.country,
                "token_hash": self.token_hash, "last_seq": self.last_seq}


@dataclass(frozen=True)
class HostStatus:
    """What the projector and the console show: a snapshot, safe to read on any thread."""

    code: str
    pin: str
    turn: int
    turns: int
    date: str
    finished: bool
    teams: tuple[tuple[str, str, tuple[str, ...], bool], ...]  # country, name, members, done
    time_left: float | None
    version: int
    last_report: TurnReport | None = None


@dataclass
class LanHost:
    """A simultaneous classroom played from students' devices."""

    room: Classroom
    code: str = field(default_factory=new_code)
    pin: str = field(default_factory=new_pin)
    devices: dict[str, Device] = field(default_factory=dict)  # by token hash
    #: Grows with every change the devices must hear of.
    version: int = 0
    reports: list[TurnReport] = field(default_factory=list)
    #: Where the devices file is written (None: not kept, as in tests).
    devices_path: Path | None = None
    _forecasts: dict[str, tuple[Any, list[dict[str, Any]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.room.settings.simultaneous:
            raise ValueError("a LAN host needs a classroom set up with simultaneous=True")

    # --- joining --------------------------------------------------------------------------------

    def _check_code(self, code: str) -> None:
        if not secrets.compare_digest(code.strip().upper().encode(), self.code.encode()):
            raise Refused(t("This join code is not the one on the projector."))

    def lobby(self, code: str) -> list[dict[str, Any]]:
        """The teams a student may join, with who is in each (the join code is checked)."""
        self._check_code(code)
        return [{"team": tm.country, "name": tm.name, "country": country_name(tm.country),
                 "members": self.members(tm.country)} for tm in self.room.teams]

    def members(self, country: str) -> list[str]:
        """Names of the devices bound to ``country``'s team, in joining order."""
        return [d.name for d in self.devices.values() if d.country == country]

    def join(self, code: str, country: str, name: str) -> tuple[str, Device]:
        """A new device joins a team: returns its token (shown to nobody) and the device."""
        self._check_code(code)
        if country not in {tm.country for tm in self.room.teams}:
            raise Refused(t("There is no such team in this session."))
        name = normal_name(name)
        if not name or name_problem(name) in ("empty", "control") or len(name) > msg.NAME_CHARS:
            raise Refused(t("Type your first name (at most {n} letters).", n=msg.NAME_CHARS))
        if len(self.devices) >= MAX_DEVICES:
            raise Refused(t("The class is full."))
        token = secrets.token_urlsafe(32)
        device = Device(secrets.token_hex(4), name, country, token_hash(token))
        self.devices[device.token_hash] = device
        self._changed()
        return token, device

    def resume(self, token: str) -> Device:
        """The device a token belongs to (a forged, old or revoked token is refused)."""
        device = self.devices.get(token_hash(token))
        if device is None:
            raise Refused(t("This device is not known in this session: join again."))
        return device

    # --- the team's actions ---------------------------------------------------------------------

    def act(self, device: Device, action: msg.Action) -> None:
        """Do a team's action through the classroom (Refused / DecisionRejected: nothing done)."""
        if self.devices.get(device.token_hash) is not device:
            raise Refused(t("This device is not known in this session: join again."))
        if action.seq <= device.last_seq:
            raise Refused(t("This message was already received."))
        country = device.country
        if action.country is not None and action.country != country:
            raise Refused(t("A team decides only for its own country."))
        room = self.room
        if room.finished:
            raise Refused(t("The session is over."))
        if isinstance(action, msg.SetLever):
            room.set_lever(country, action.lever, action.value)
        elif isinstance(action, msg.ClearLever):
            room.clear_lever(country, action.lever)
        elif isinstance(action, msg.Propose):
            room.propose(country, action.kind, action.partners, dict(action.terms))
        elif isinstance(action, msg.Answer):
            proposal = room.session.table.proposal(action.proposal)
            if country not in proposal.awaiting:
                raise Refused(t("This proposal does not wait for your answer."))
            room.answer(country, action.proposal, action.answer, dict(action.terms))
        elif isinstance(action, msg.Withdraw):
            room.withdraw(country, action.kind, action.partners)
        elif isinstance(action, msg.Commit):
            room.commit(country)
        else:  # pragma: no cover - the protocol has no other action
            raise Refused("unknown action")
        device.last_seq = action.seq
        self._changed()
        if room.ready and not room.finished:
            self.resolve()

    def resolve(self) -> TurnReport:
        """Every team has committed: the turn is played (the classroom autosaves it)."""
        report = self.room.resolve()
        self.reports.append(report)
        self._forecasts.clear()
        self._changed()
        return report

    # --- the teacher ----------------------------------------------------------------------------

    def check_pin(self, pin: str) -> bool:
        """Whether ``pin`` is the teacher's (the host's, or one set at the class's set-up)."""
        pin = pin.strip()
        return bool(pin) and (secrets.compare_digest(pin.encode(), self.pin.encode())
                              or (self.room.has_pin and self.room.check_pin(pin)))

    def teacher(self, order: msg.Teacher) -> None:
        """A teacher's control (Refused for a wrong PIN or an order that cannot be done)."""
        if not self.check_pin(order.pin):
            raise Refused(t("Wrong teacher PIN."))
        if order.action == "status":
            return
        if order.action == "end_turn":
            self.end_turn()
            return
        team = order.team or ""
        if team not in {tm.country for tm in self.room.teams}:
            raise Refused(t("There is no such team in this session."))
        if order.action == "move":
            self.move(order.device or "", team)
        elif order.action == "reopen":
            self.reopen(team)
        elif order.action == "skip":
            self.skip(team)

    def reopen(self, country: str) -> None:
        """The teacher lets a team that committed change its decisions again."""
        self.room.reopen(country)
        self._changed()

    def skip(self, country: str) -> None:
        """An absent team passes this turn with its levers unchanged (played if it was last)."""
        self._skip(country)
        if self.room.ready and not self.room.finished:
            self.resolve()

    def _skip(self, country: str) -> None:
        if country in self.room.desk.committed:
            raise Refused(t("{team} has already committed.", team=self.room.team(country).label))
        # The classroom's own skip: logged for the teacher, saved, and read back on resume.
        skip_team(self.room, country)
        self._changed()

    def end_turn(self) -> TurnReport | None:
        """The teacher ends the turn: the drafts so far are committed and the turn is played."""
        if self.room.finished:
            raise Refused(t("The session is over."))
        self.room.commit_everyone()
        self._changed()
        return self.resolve() if self.room.ready else None

    def move(self, device_id: str, country: str) -> None:
        """The teacher moves a device to another team (its token opens only the new team)."""
        for device in self.devices.values():
            if device.id == device_id:
                device.country = country
                self._changed()
                return
        raise Refused(t("There is no such device in this session."))

    def tick(self, seconds: float) -> bool:
        """Let time pass; when the class's timer runs out the turn is played. True if it was."""
        if self.room.tick(seconds):
            self.end_turn()
            return True
        return False

    # --- what devices and the projector see -----------------------------------------------------

    def team_state(self, country: str, fresh: bool = True) -> dict[str, Any]:
        """Everything one team's devices show (nothing of another team's desk).

        ``fresh=False`` sends the last forecast computed for the team (marked stale) instead of
        computing it again: the server then sends the fresh one a moment later, once for a
        burst of changes (:data:`game.net.app.FORECAST_DELAY_S`).
        """
        room = self.room
        view = room.team_view(country)
        try:
            budget_left = room.desk.table(country).budget_left(country)
        except DecisionRejected:
            budget_left = room.session.table.budget_left(country)
        partners = [c for c in room.session.table.countries if c != country]
        report = self.reports[-1] if self.reports else None
        return {
            "type": "state", "version": self.version, "team": country,
            "team_name": view.team.name, "country": country_name(country),
            "members": self.members(country),
            "turn": room.turn, "turns": room.session.turns, "date": self.date_label(),
            "finished": room.finished, "committed": country in room.committed,
            "budget": room.session.table.budgets.get(country, 0.0), "budget_left": budget_left,
            "levers": levers_view(room, country),
            "forecast": self._forecast(country, fresh),
            "forecast_fresh": fresh or self._forecast_is_fresh(country),
            "objectives": [objective_view(o) for o in view.objectives],
            "inbox": [proposal_view(room, p) for p in view.inbox],
            "notices": [notice_view(n) for n in notices_for(room, country)],
            "outbox": [proposal_view(room, p) for p in view.outbox],
            "pacts": [{"kind": p.agreement.kind, "parties": list(p.agreement.parties)}
                      for p in view.pacts],
            "offers": offers_view(country, partners),
            "class": [{"team": tm.country, "name": tm.name, "members": len(self.members(
                tm.country)), "committed": tm.country in room.committed} for tm in room.teams],
            "time_left": room.time_left,
            "report": report_view(room, report, country) if report is not None else None,
        }

    def _forecast_key(self, country: str) -> tuple[Any, ...]:
        room = self.room
        table = room.session.table
        return (room.session.turn, repr(sorted(room.desk.draft(country).items())),
                len(table.log), len(table.pacts), len(table.injected))

    def _forecast_is_fresh(self, country: str) -> bool:
        cached = self._forecasts.get(country)
        return cached is not None and cached[0] == self._forecast_key(country)

    def _forecast(self, country: str, fresh: bool = True) -> list[dict[str, Any]]:
        """The desk's forecast for the team's draft, computed again only when it changed."""
        room = self.room
        key = self._forecast_key(country)
        cached = self._forecasts.get(country)
        if cached is not None and (cached[0] == key or not fresh):
            return cached[1]
        try:
            bands = room.desk.forecast(country, forecast_metrics(country))
        except DecisionRejected:
            return cached[1] if cached else []
        view = forecast_view(bands)
        self._forecasts[country] = (key, view)
        return view

    def date_label(self) -> str:
        """The turn's months, as the desk shows them."""
        return SoloGame(self.room.session, self.room.teams[0].country).date_label

    def status(self) -> HostStatus:
        """A snapshot for the projector and the console."""
        room = self.room
        teams = tuple((tm.country, tm.name, tuple(self.members(tm.country)),
                       tm.country in room.committed) for tm in room.teams)
        return HostStatus(self.code, self.pin, room.turn, room.session.turns,
                          self.date_label(),
                          room.finished, teams, room.time_left, self.version,
                          self.reports[-1] if self.reports else None)

    # --- keeping the devices across a crash -----------------------------------------------------

    def _changed(self) -> None:
        self.version += 1
        self.save_devices()

    def save_devices(self) -> None:
        """Write the devices file (token hashes only), if the host keeps one."""
        if self.devices_path is None:
            return
        data = {"game_id": self.room.session.record.game_id, "code": self.code,
                "pin_hash": hashlib.sha256(self.pin.encode()).hexdigest(), "pin": self.pin,
                "devices": [d.to_dict() for d in self.devices.values()], "saved": time.time()}
        try:
            write_atomic(self.devices_path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # The lesson goes on; devices would have to join again after a crash.


def load_devices(path: Path, game_id: str) -> tuple[str, str, dict[str, Device]] | None:
    """The join code, PIN and devices kept for ``game_id`` (None if absent or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("game_id") != game_id:
            return None
        devices = {str(d["token_hash"]): Device(str(d["id"]), str(d["name"]), str(d["country"]),
                                                str(d["token_hash"]), int(d["last_seq"]))
                   for d in data["devices"]}
        return str(data["code"]), str(data["pin"]), devices
    except (OSError, ValueError, KeyError, TypeError):
        return None


def resume_host(record: GameRecord, devices_path: Path | None = None,
                on_save: Any = None) -> LanHost:
    """A host for a saved simultaneous class, its devices back if their file is there."""
    room = resume_classroom(record, on_save=on_save)
    host = LanHost(room, devices_path=devices_path)
    kept = load_devices(devices_path, record.game_id) if devices_path is not None else None
    if kept is not None:
        host.code, host.pin, host.devices = kept
    return host
