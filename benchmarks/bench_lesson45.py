"""A timed run of the 45-minute lesson: does the classroom session fit a period, debrief included?

Usage: ``python benchmarks/bench_lesson45.py [--teams N] [--preset 45|90] [--level ID]``.

The June 2019 level is played through a real :class:`~game.play.classroom.Classroom` set up
with the preset as the set-up screen applies it (turns, desk timer, negotiation rounds, class
briefing). The clock is simulated, a second at a time, through the room's own clocks: the
briefing and every negotiation round are counted down to zero by ``tick_round``; every team
moves one lever and then lets its desk timer run out (``tick``) and commits at the deadline —
the worst case a timed lesson allows. Around them the plan's fixed blocks are added: the
introduction, a hand-over per team, the results on the projector after each turn (the real
time the turn took to compute is measured and must fit in it), the exit ticket. What is left
of the period is the debrief's. docs/classroom.md quotes the figures this prints.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.loader import load_level  # noqa: E402
from game.play.classroom import Classroom, ClassSettings, Team, class_debrief  # noqa: E402
from game.play.lesson_timing import (  # noqa: E402
    EXIT_MINUTES,
    HANDOVER_MINUTES,
    INTRO_MINUTES,
    RESULTS_MINUTES,
    apply_preset,
    lesson_plan,
    preset,
)

#: Team names and the countries they lead, in the order the set-up adds them.
TEAMS = (("Eagles", "US"), ("Jaguars", "MX"), ("Moose", "CA"), ("Quetzals", "GT"),
         ("Toucans", "HN"), ("Torogoz", "SV"))
#: One lever each team moves (its draft is committed when its time runs out).
MOVES = {"US": ("asylum_officers", 1100), "MX": ("asylum_officers", 80),
         "CA": ("humanitarian_visas", 2500), "GT": ("reintegration", 8),
         "HN": ("reintegration", 8), "SV": ("reintegration", 8)}


@dataclass
class LessonRun:
    """What a timed run measured."""

    teams: int
    length: int
    turns_played: int
    #: Whether the session ended by itself after the lesson's last turn.
    finished_by_itself: bool
    #: (start minute, minutes, what) for every block, the debrief and exit ticket included.
    rows: list[tuple[float, float, str]] = field(default_factory=list)
    #: Real seconds each turn took to compute (shown within the results minute).
    resolve_seconds: list[float] = field(default_factory=list)
    #: Real seconds the debrief took to build.
    debrief_seconds: float = 0.0
    #: The minutes the set-up screen planned (lesson_timing.lesson_plan).
    planned_minutes: float = 0.0

    @property
    def total_minutes(self) -> float:
        """The whole lesson, minute zero to the end of the exit ticket."""
        return sum(m for _, m, _ in self.rows)

    @property
    def debrief_minutes(self) -> float:
        """The debrief's minutes: what the period leaves."""
        return sum(m for _, m, what in self.rows if what == "Debrief")


def _count_down(tick: object) -> float:
    """Seconds a clock takes to reach zero, ticked a second at a time."""
    seconds = 0.0
    while True:
        seconds += 1.0
        if tick(1.0):  # type: ignore[operator]
            return seconds
        if seconds > 4 * 3600:
            raise RuntimeError("a clock that never reaches zero")


def timed_run(teams: int = 3, preset_key: str = "45",
              level_id: str = "june-2019-crisis") -> LessonRun:
    """Play a whole lesson on the simulated clock; every team uses its whole desk time."""
    level = load_level(ROOT / "levels" / "classroom" / f"{level_id}.yaml")
    chosen = preset(preset_key)
    length = int(chosen.length or 45)
    timing = apply_preset(chosen, teams, level.turns)
    settings = ClassSettings(tuple(Team(n, c) for n, c in TEAMS[:teams]),
                             timing.desk_minutes, turns=timing.turns,
                             negotiation_minutes=timing.negotiation_minutes,
                             briefing_minutes=timing.briefing_minutes, label="Period 3 — 10B")
    room = Classroom(level, settings)
    run = LessonRun(teams, length, 0, False, planned_minutes=lesson_plan(
        timing, teams, level.turns, length=length).planned)
    clock = 0.0

    def block(minutes: float, what: str) -> None:
        nonlocal clock
        run.rows.append((clock, minutes, what))
        clock += minutes

    block(INTRO_MINUTES, "Introduction")
    while not room.finished:
        kind = room.due_round()
        if kind is not None:
            room.start_round()
            seconds = _count_down(room.tick_round)
            room.end_round()
            block(seconds / 60, "Class briefing" if kind == "briefing" else
                  f"Negotiation round before turn {room.turn}")
        desks = 0.0
        while room.current is not None:
            country = room.current.country
            lever, value = MOVES[country]
            room.set_lever(country, lever, value)
            desks += HANDOVER_MINUTES * 60 + _count_down(room.tick)
            room.commit(country)  # the desk commits the draft when the time runs out
        block(desks / 60, f"Turn {room.turn}: {teams} desks and hand-overs")
        start = time.perf_counter()
        room.resolve()
        run.resolve_seconds.append(time.perf_counter() - start)
        block(RESULTS_MINUTES, f"Turn {len(room.session.reports)}: results on the projector")
    run.turns_played = len(room.session.reports)
    run.finished_by_itself = room.finished and not room.ended_early
    start = time.perf_counter()
    class_debrief(room)
    run.debrief_seconds = time.perf_counter() - start
    block(length - clock - EXIT_MINUTES, "Debrief")
    block(EXIT_MINUTES, "Exit ticket")
    return run


def main(argv: list[str] | None = None) -> int:
    """Print the minute-by-minute run and a line per number of teams; exit 1 if it overflows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=3)
    parser.add_argument("--preset", default="45", choices=("45", "90"))
    parser.add_argument("--level", default="june-2019-crisis")
    args = parser.parse_args(argv)
    run = timed_run(args.teams, args.preset, args.level)
    print(f"A timed {run.length}-minute lesson, {run.teams} teams, {args.level}:")
    print(f"{'minutes':>13}  {'length':>6}  what")
    for start, minutes, what in run.rows:
        print(f"{start:6.2f}–{start + minutes:6.2f}  {minutes:6.2f}  {what}")
    print(f"turns played: {run.turns_played} (the session ended by itself: "
          f"{'yes' if run.finished_by_itself else 'no'}); planned at set-up: "
          f"{run.planned_minutes:.2f} min with the debrief at its least")
    print(f"computing a turn: {max(run.resolve_seconds):.2f} s at most; the debrief "
          f"{run.debrief_seconds:.2f} s")
    print()
    print("teams  turns  minutes with an 8-minute debrief  debrief minutes")
    ok = run.total_minutes <= run.length + 1e-9
    for n in range(2, 7):
        other = run if n == run.teams else timed_run(n, args.preset, args.level)
        needed = other.total_minutes - other.debrief_minutes + 8.0
        print(f"{n:5d}  {other.turns_played:5d}  {needed:31.2f}  {other.debrief_minutes:15.2f}")
        ok = ok and other.debrief_minutes >= 8.0 - 1e-9
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
