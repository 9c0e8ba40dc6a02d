"""What a game is, as data: the level, the seed and every decision, turn by turn.

A :class:`GameRecord` is the source of truth of a saved game. The world itself is never stored:
it is recomputed by replaying the decisions (``Session.from_record``), and the ``state_hash``
kept for every turn proves that the replay reached the same state. Records are plain
dataclasses that turn into readable JSON and back (``to_json`` / ``from_json``); the save file
format around them (version, checksum, migration) lives in :mod:`game.play.saves.format`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from game import __version__


class RecordError(ValueError):
    """A record's data is missing a field or holds a value of the wrong kind."""


def now_iso() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ`` (how records are dated)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def level_hash_of(source: str) -> str:
    """The sha256 (hex) of a level's source text as UTF-8: the ``level_hash`` of a record."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


#: How far a replayed turn's metrics may be from the saved ones and still be the same game.
#: numpy computes exp and log with different instructions on different processors (with and
#: without AVX-512), so a save replayed on another computer reaches a state that differs in
#: the last bits (a different state hash) and metrics that differ by about 1e-12; a changed
#: model moves them by far more than a millionth.
SAME_NUMBERS_TOLERANCE = 1e-6


def same_numbers(saved: dict[str, float], replayed: dict[str, float],
                 tolerance: float = SAME_NUMBERS_TOLERANCE) -> bool:
    """Whether a replayed turn's metrics are the saved ones within ``tolerance`` (0: exactly).

    The same names are required; NaN (stored as null) equals NaN.
    """
    if saved.keys() != replayed.keys():
        return False
    for name, value in saved.items():
        a, b = float(value), float(replayed[name])
        if math.isnan(a) or math.isnan(b):
            if not (math.isnan(a) and math.isnan(b)):
                return False
        elif not math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance):
            return False
    return True


def new_game_id() -> str:
    """A fresh identifier for a game (groups its autosaves and links its branches)."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class BranchInfo:
    """Where a branch left its parent: it shares the parent's turns 1..``branch_turn``."""

    parent_id: str
    branch_turn: int
    parent_name: str = ""
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "parent_id": self.parent_id,
            "branch_turn": self.branch_turn,
            "parent_name": self.parent_name,
            "label": self.label,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BranchInfo:
        """Rebuild from :meth:`to_dict` output; raises :class:`RecordError` on bad data."""
        obj = _mapping(data, "branch")
        return cls(
            parent_id=_str(obj, "parent_id", "branch"),
            branch_turn=_int(obj, "branch_turn", "branch", minimum=0),
            parent_name=_str(obj, "parent_name", "branch", default=""),
            label=_str(obj, "label", "branch", default=""),
        )


@dataclass
class TurnRecord:
    """One resolved turn: the decisions of every country, what happened, and the result.

    ``decisions`` holds each decision's ``to_dict()`` (see ``game.play.decisions``) in the order
    they were applied; ``events`` the events that fired this turn as plain data; ``state_hash``
    the simulation's ``state_hash()`` after the turn; ``metrics`` the canonical metrics of the
    turn (scores included); ``baseline_metrics`` the same metrics in the status-quo world, kept
    so the debrief can draw the baseline without re-simulating.
    """

    turn: int
    decisions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    state_hash: str
    metrics: dict[str, float]
    baseline_metrics: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "turn": self.turn,
            "decisions": [dict(d) for d in self.decisions],
            "events": [dict(e) for e in self.events],
            "state_hash": self.state_hash,
            "metrics": {k: _number_or_none(v) for k, v in self.metrics.items()},
            "baseline_metrics": {k: _number_or_none(v) for k, v in
                                 self.baseline_metrics.items()},
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "turn") -> TurnRecord:
        """Rebuild from :meth:`to_dict` output; raises :class:`RecordError` on bad data."""
        obj = _mapping(data, where)
        return cls(
            turn=_int(obj, "turn", where, minimum=1),
            decisions=_list_of_mappings(obj, "decisions", where),
            events=_list_of_mappings(obj, "events", where, default=[]),
            state_hash=_str(obj, "state_hash", where),
            metrics=_numbers(obj, "metrics", where),
            baseline_metrics=_numbers(obj, "baseline_metrics", where, default={}),
        )


@dataclass
class GameRecord:
    """A whole game: the level (embedded as source text + sha256), the seed, players and turns.

    ``players`` maps each country code to who leads it (``"human"`` or ``"ai:<personality>"``,
    as the session decides). ``turns`` are the resolved turns in order, numbered from 1.
    ``game_id`` groups a game's autosaves; a branch gets a new id and ``branch`` names its parent.
    """

    level_id: str
    level_hash: str
    level_source: str
    seed: int
    players: dict[str, str]
    turns: list[TurnRecord] = field(default_factory=list)
    branch: BranchInfo | None = None
    created: str = field(default_factory=now_iso)
    app_version: str = __version__
    name: str = ""
    game_id: str = field(default_factory=new_game_id)
    level_title: str = ""
    #: Classroom sessions: teams, settings and the turn in progress (``game.play.classroom``).
    classroom: dict[str, Any] | None = None

    @property
    def turn(self) -> int:
        """The number of the last resolved turn (0 before the first turn ends)."""
        return self.turns[-1].turn if self.turns else 0

    def upto(self, turn: int) -> GameRecord:
        """A copy holding only turns 1..``turn`` (same id, branch and metadata)."""
        return replace(self, turns=[t for t in self.turns if t.turn <= turn])

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "game_id": self.game_id,
            "name": self.name,
            "created": self.created,
            "app_version": self.app_version,
            "level_id": self.level_id,
            "level_title": self.level_title,
            "level_hash": self.level_hash,
            "seed": self.seed,
            "players": dict(self.players),
            "branch": self.branch.to_dict() if self.branch else None,
            "turns": [t.to_dict() for t in self.turns],
            **({"classroom": copy.deepcopy(self.classroom)} if self.classroom is not None else {}),
            # Last, because it is long: the level exactly as the game loaded it.
            "level_source": self.level_source,
        }

    @classmethod
    def from_dict(cls, data: Any) -> GameRecord:
        """Rebuild from :meth:`to_dict` output; raises :class:`RecordError` on bad data."""
        obj = _mapping(data, "record")
        raw_turns = obj.get("turns")
        if not isinstance(raw_turns, list):
            raise RecordError("record: 'turns' must be a list")
        turns = [TurnRecord.from_dict(t, f"turns[{i}]") for i, t in enumerate(raw_turns)]
        for i, t in enumerate(turns, start=1):
            if t.turn != i:
                raise RecordError(f"turns[{i - 1}]: expected turn {i}, found turn {t.turn}")
        players = _mapping(obj.get("players"), "record.players")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in players.items()):
            raise RecordError("record.players: must map country codes to text")
        branch = obj.get("branch")
        seed = obj.get("seed")
        if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2 ** 64:
            # numpy seeds a generator from 0 to 2**64 - 1; anything else cannot be replayed.
            raise RecordError("record: 'seed' must be a whole number from 0 to 2**64 - 1")
        return cls(
            level_id=_str(obj, "level_id", "record"),
            level_hash=_str(obj, "level_hash", "record"),
            level_source=_str(obj, "level_source", "record"),
            seed=seed,
            players=dict(players),
            turns=turns,
            branch=BranchInfo.from_dict(branch) if branch is not None else None,
            created=_str(obj, "created", "record", default=""),
            app_version=_str(obj, "app_version", "record", default=""),
            name=_str(obj, "name", "record", default=""),
            game_id=_str(obj, "game_id", "record", default="") or new_game_id(),
            level_title=_str(obj, "level_title", "record", default=""),
            classroom=_mapping(obj["classroom"], "record.classroom")
            if obj.get("classroom") is not None else None,
        )

    def to_json(self) -> str:
        """Readable JSON (indented, keys in a stable order)."""
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> GameRecord:
        """Parse :meth:`to_json` output; raises :class:`RecordError` on bad JSON or data."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise RecordError(f"not valid JSON ({exc})") from None
        return cls.from_dict(data)


# --- validation helpers: every message names the field, so a bad file can be located ----------

_MISSING = object()


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordError(f"{where}: expected an object")
    return value


def _str(obj: dict[str, Any], key: str, where: str, default: Any = _MISSING) -> str:
    value = obj.get(key, default)
    if value is _MISSING:
        raise RecordError(f"{where}: missing '{key}'")
    if not isinstance(value, str):
        raise RecordError(f"{where}: '{key}' must be text")
    return value


def _int(obj: dict[str, Any], key: str, where: str, minimum: int) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise RecordError(f"{where}: '{key}' must be a whole number of at least {minimum}")
    return value


def _number_or_none(value: Any) -> float | None:
    # JSON has no NaN: a metric the model could not compute (NaN, ±inf) is stored as null and
    # read back as NaN, so one odd number never stops a game from being saved.
    number = float(value)
    return number if math.isfinite(number) else None


def _numbers(obj: dict[str, Any], key: str, where: str,
             default: Any = _MISSING) -> dict[str, float]:
    value = obj.get(key, default)
    if value is _MISSING:
        raise RecordError(f"{where}: missing '{key}'")
    if not isinstance(value, dict):
        raise RecordError(f"{where}: '{key}' must be an object")
    out: dict[str, float] = {}
    for name, number in value.items():
        if number is None:
            out[name] = math.nan
            continue
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise RecordError(f"{where}.{key}: '{name}' must be a number")
        out[name] = float(number)
    return out


def _list_of_mappings(obj: dict[str, Any], key: str, where: str,
                      default: Any = _MISSING) -> list[dict[str, Any]]:
    value = obj.get(key, default)
    if value is _MISSING:
        raise RecordError(f"{where}: missing '{key}'")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise RecordError(f"{where}: '{key}' must be a list of objects")
    return [dict(v) for v in value]


# --- branches: "what if" games that share their first turns with a parent ----------------------


def branch_from(record: GameRecord, turn: int, label: str = "") -> GameRecord:
    """A new game that shares ``record``'s turns 1..``turn`` and then goes its own way.

    The branch gets its own ``game_id`` (its own autosaves) and ``branch`` points at the parent;
    a session rebuilt from it (``Session.from_record``) stands at the start of turn ``turn + 1``.
    """
    if not 0 <= turn <= record.turn:
        raise RecordError(f"a branch must start at a played turn (0 to {record.turn}), not {turn}")
    name = record.name or record.level_title or record.level_id
    return GameRecord(
        level_id=record.level_id,
        level_hash=record.level_hash,
        level_source=record.level_source,
        seed=record.seed,
        players=dict(record.players),
        turns=copy.deepcopy(record.turns[:turn]),
        branch=BranchInfo(parent_id=record.game_id, branch_turn=turn, parent_name=record.name,
                          label=label),
        name=f"{name} — {label}" if label else f"{name} (from turn {turn})",
        level_title=record.level_title,
    )


def family_of(record: GameRecord, records: Iterable[GameRecord]) -> list[GameRecord]:
    """``record``'s whole family among ``records``: the root game first, then every branch.

    ``record`` itself wins over a stored copy with the same id (it is the live one). Branches
    come after their parent, ordered by branch turn then creation time.
    """
    by_id = {r.game_id: r for r in records}
    by_id[record.game_id] = record
    root = record
    seen = {root.game_id}
    while root.branch and root.branch.parent_id in by_id and root.branch.parent_id not in seen:
        root = by_id[root.branch.parent_id]
        seen.add(root.game_id)
    children: dict[str, list[GameRecord]] = {}
    for candidate in by_id.values():
        if candidate.branch:
            children.setdefault(candidate.branch.parent_id, []).append(candidate)
    family: list[GameRecord] = []
    stack = [root]
    visited: set[str] = set()
    while stack:
        current = stack.pop(0)
        if current.game_id in visited:
            continue
        visited.add(current.game_id)
        family.append(current)
        kids = sorted(children.get(current.game_id, []),
                      key=lambda r: (r.branch.branch_turn if r.branch else 0, r.created))
        stack.extend(kids)
    return family


@dataclass(frozen=True)
class BranchLine:
    """One path through a game for a chart: metric values per turn (NaN where unknown)."""

    game_id: str
    name: str
    label: str
    parent_id: str | None
    branch_turn: int | None
    turns: list[int]
    metrics: dict[str, list[float]]


@dataclass(frozen=True)
class BranchChart:
    """A game and its branches side by side, with the status-quo baseline (if recorded)."""

    lines: list[BranchLine]
    baseline: BranchLine | None


def _series(turns: list[TurnRecord], pick: str) -> dict[str, list[float]]:
    names = sorted({name for t in turns for name in getattr(t, pick)})
    return {name: [getattr(t, pick).get(name, math.nan) for t in turns] for name in names}


def branch_chart(record: GameRecord, records: Iterable[GameRecord] = ()) -> BranchChart:
    """The lines the debrief draws: ``record``'s family (see :func:`family_of`) and baseline.

    The baseline does not depend on anyone's decisions, so it is taken turn by turn from
    whichever member of the family recorded it furthest.
    """
    family = family_of(record, records)
    lines = [
        BranchLine(
            game_id=member.game_id,
            name=member.name or member.level_title or member.level_id,
            label=member.branch.label if member.branch else "",
            parent_id=member.branch.parent_id if member.branch else None,
            branch_turn=member.branch.branch_turn if member.branch else None,
            turns=[t.turn for t in member.turns],
            metrics=_series(member.turns, "metrics"),
        )
        for member in family
    ]
    longest = max(family, key=lambda r: sum(1 for t in r.turns if t.baseline_metrics))
    recorded = [t for t in longest.turns if t.baseline_metrics]
    baseline = None
    if recorded:
        baseline = BranchLine(game_id="baseline", name="status quo", label="", parent_id=None,
                              branch_turn=None, turns=[t.turn for t in recorded],
                              metrics=_series(recorded, "baseline_metrics"))
    return BranchChart(lines, baseline)
