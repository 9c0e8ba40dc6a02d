"""Ending a turn through ``Session.end_turn``: AI leaders, the explanation, the months, the report.

Usage: ``python benchmarks/bench_turn.py [--quick]``.

Each game is a fresh session of a shipped level (the tutorial: 3 months a turn) with the US human
and the other countries led by AI; every turn the human moves two levers, so the explanation has
decisions to take apart. Every ``end_turn`` of every game is one sample; the parts (AI leaders,
explanation, the simulation's months, the rest: news, report, records) are timed alongside by
wrapping the session's own methods, so the breakdown adds up to the total.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Timing  # noqa: E402
from turn_setup import human_moves, new_session  # noqa: E402


def _timed(fn: Callable[..., Any], into: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - start)
    return wrapper


def turn_end(level_id: str = "tutorial", games: int = 5) -> dict[str, Any]:
    """Samples of ``end_turn`` over ``games`` whole games, with the parts' medians."""
    wall: list[float] = []
    cpu: list[float] = []
    parts: dict[str, list[float]] = defaultdict(list)
    months = 0
    turns = 0
    for _ in range(games):
        session = new_session(level_id)
        months, turns = session.months_per_turn, session.turns
        explain_t: list[float] = []
        advance_t: list[float] = []
        ai_t: list[float] = []
        session._explain = _timed(session._explain, explain_t)  # type: ignore[method-assign]
        session.sim.advance = _timed(session.sim.advance, advance_t)  # type: ignore[method-assign]
        for leader in session.leaders.values():
            leader.decide = _timed(leader.decide, ai_t)  # type: ignore[method-assign]
        session.begin_turn()
        while not session.finished:
            human_moves(session)
            n_explain, n_advance, n_ai = len(explain_t), len(advance_t), len(ai_t)
            c0 = time.process_time()
            t0 = time.perf_counter()
            session.end_turn()
            total = time.perf_counter() - t0
            cpu.append(time.process_time() - c0)
            wall.append(total)
            e = sum(explain_t[n_explain:])
            a = sum(advance_t[n_advance:])
            ai = sum(ai_t[n_ai:])
            parts["explanation"].append(e)
            parts["months"].append(a)
            parts["ai_leaders"].append(ai)
            parts["rest"].append(total - e - a - ai)
            session.next_turn()
    timing = Timing(f"end turn ({level_id}, {months} months)", tuple(wall), tuple(cpu),
                    {"level": level_id, "months": months, "turns_per_game": turns,
                     "games": games})
    breakdown = {k: Timing(f"  of which {k}", tuple(v)) for k, v in parts.items()}
    return {"timing": timing, "parts": breakdown, "months": months, "level": level_id}


def main(argv: list[str]) -> int:
    """Print the turn-end time and its parts for the tutorial (and longer turns unless quick)."""
    quick = "--quick" in argv
    levels = ("tutorial",) if quick else ("tutorial", "the-45-days", "regional-approach")
    for level_id in levels:
        result = turn_end(level_id, 3 if quick else 6)
        print(result["timing"].line())
        for part in result["parts"].values():
            print(part.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
