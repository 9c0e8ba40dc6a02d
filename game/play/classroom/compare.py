"""Several classes that played the same level and seed, compared turn by turn."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.i18n import t
from game.play.classroom.room import is_classroom_record, settings_of
from game.play.classroom.setup import ClassroomError, Team
from game.play.decisions import (
    country_name,
)
from game.play.record import GameRecord


@dataclass(frozen=True)
class ComparedSession:
    """One class in a comparison: who played, and its scores turn by turn."""

    name: str
    teams: tuple[Team, ...]
    turns: int
    metrics: dict[str, tuple[float, ...]]
    baseline: dict[str, tuple[float, ...]]
    agreements: int
    #: The events of each turn as ``kind (source)``: scripted, conditional or the teacher's.
    events: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Several classes' sessions of the same level and seed, side by side."""

    level_id: str
    title: str
    seed: int
    sessions: tuple[ComparedSession, ...]
    #: True when every session's status-quo baseline is identical until their events differ.
    fair: bool
    #: Why sessions were left out (a different level or seed), one line each.
    skipped: tuple[str, ...] = ()
    #: Turns whose events differ from the first session's (a teacher's injection, a condition
    #: met in one class only): from there on the status quo differs too, one line each.
    differences: tuple[str, ...] = ()

    def final(self, metric: str) -> list[float]:
        """Each session's last value of ``metric``."""
        return [s.metrics.get(metric, (math.nan,))[-1] if s.metrics.get(metric) else math.nan
                for s in self.sessions]


def compare_sessions(records: Sequence[GameRecord]) -> Comparison:
    """Put several classes' records side by side (the first record sets level and seed).

    Records of another level version or seed are skipped with a reason: their random events
    differ, so comparing them would not be fair.
    """
    if not records:
        raise ClassroomError(t("Choose at least one session to compare."))
    first = records[0]
    kept: list[GameRecord] = []
    skipped: list[str] = []
    for record in records:
        name = _record_name(record)
        if record.level_hash != first.level_hash:
            skipped.append(t("{name}: another level (or another version of it).", name=name))
        elif record.seed != first.seed:
            skipped.append(t("{name}: another seed ({seed}), so other random events.",
                             name=name, seed=record.seed))
        else:
            kept.append(record)
    sessions = []
    for record in kept:
        names = sorted({k for turn in record.turns for k in turn.metrics})
        metrics = {n: tuple(turn.metrics.get(n, math.nan) for turn in record.turns)
                   for n in names}
        baseline = {n: tuple(turn.baseline_metrics.get(n, math.nan) for turn in record.turns)
                    for n in names}
        teams = settings_of(record).teams if is_classroom_record(record) else tuple(
            Team(country_name(c), c) for c, who in record.players.items() if who == "human")
        accepted = sum(1 for turn in record.turns for d in turn.decisions
                       if d.get("type") == "answer_proposal" and d.get("answer") == "accept")
        events = tuple(tuple(f"{e.get('kind')} ({e.get('source')})" for e in turn.events)
                       for turn in record.turns)
        sessions.append(ComparedSession(_record_name(record), teams, len(record.turns), metrics,
                                        baseline, accepted, events))
    differences: list[str] = []
    fair = True
    for other in sessions[1:]:
        until = _same_events_until(sessions[0], other)
        if until < min(sessions[0].turns, other.turns):
            differences.append(t("{name}: other events from turn {n} on ({events}).",
                                 name=other.name, n=until + 1,
                                 events=", ".join(other.events[until]) or t("none")))
        fair = fair and _same_baselines(sessions[0], other, until)
    return Comparison(first.level_id, first.level_title or first.level_id, first.seed,
                      tuple(sessions), fair, tuple(skipped), tuple(differences))


def _same_events_until(a: ComparedSession, b: ComparedSession) -> int:
    """How many first turns ``a`` and ``b`` share the same events."""
    n = 0
    for ea, eb in zip(a.events, b.events, strict=False):
        if ea != eb:
            break
        n += 1
    return n


def _same_baselines(a: ComparedSession, b: ComparedSession, turns: int) -> bool:
    """Whether two sessions' status quo agree exactly over their first ``turns`` turns."""
    for name, values in b.baseline.items():
        mine = a.baseline.get(name, ())
        n = min(len(mine), len(values), turns)
        for x, y in zip(mine[:n], values[:n], strict=True):
            if not (x == y or (math.isnan(x) and math.isnan(y))):
                return False
    return True


def _record_name(record: GameRecord) -> str:
    return record.name or f"{record.level_title or record.level_id} ({record.created[:10]})"
