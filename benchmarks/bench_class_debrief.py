"""Opening the class debrief after a 12-turn, three-team classroom session.

Usage: ``python benchmarks/bench_class_debrief.py [--turns 12] [--repeats 5]``.

The session is the shipped ``june-2019-crisis`` classroom level stretched to ``--turns`` turns
(a long lesson), three teams (US, Mexico, Canada), each moving a lever every turn
(up, then down). The figure is
the wall time of :func:`game.play.classroom.class_debrief` — what the debrief screen computes
when it opens, on the UI thread — as the median of ``--repeats`` calls. The budget is 0.2 s
(issue 16); the causes must come from what the session stored when each turn resolved, not from
replaying the game.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.play.classroom import Classroom, ClassSettings, Team, class_debrief  # noqa: E402
from game.play.levelview import LevelView  # noqa: E402

BUDGET_S = 0.2
LEVEL = ROOT / "levels" / "classroom" / "june-2019-crisis.yaml"
#: The lever each team moves, and by how much each turn.
MOVES = {"US": ("asylum_officers", 40.0), "MX": ("asylum_officers", 10.0),
         "CA": ("asylum_officers", 10.0)}


def played_room(turns: int) -> Classroom:
    """A three-team session of ``turns`` turns, played to the end."""
    source = re.sub(r"(?m)^turns: \d+$", f"turns: {turns}", LEVEL.read_text(encoding="utf-8"))
    teams = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))
    room = Classroom(LevelView.parse(source), ClassSettings(teams), source=source)
    while not room.finished:
        for country in list(room.order):
            lever, step = MOVES[country]
            value = room.desk.table(country).policy.value(country, lever)
            # Up one turn, down the next: every turn has decisions to explain, within budget.
            moved = float(value) + (step if room.turn % 2 else -step)  # type: ignore[arg-type]
            room.set_lever(country, lever, moved)
            room.commit(country)
        room.resolve()
    return room


def debrief_seconds(room: Classroom, repeats: int) -> list[float]:
    """Wall time of each of ``repeats`` calls of ``class_debrief``."""
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        class_debrief(room)
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    """Play the session, time the debrief, print the median against the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    room = played_room(args.turns)
    played = time.perf_counter() - start
    samples = debrief_seconds(room, args.repeats)
    median = statistics.median(samples)
    print(f"session of {args.turns} turns played in {played:.1f} s")
    print(f"class debrief: median {median * 1000:.0f} ms over {args.repeats} "
          f"(min {min(samples) * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms); "
          f"budget {BUDGET_S * 1000:.0f} ms: {'ok' if median <= BUDGET_S else 'OVER'}")
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
