"""Where the time goes: the monthly step line by line, the turn end and a desk frame by function.

Usage: ``python benchmarks/profile_step.py [--worlds 1 1000] [--calls 50] [--top 15]
[--turn] [--frame]``.

The step is a pipeline of sections (``game/sim/step.py``) calling small mechanism functions,
so ``cProfile`` mostly measures its own overhead per call; ``line_profile`` times each line of
the step, its sections and the month's outcome (``game/sim/month.py``) with ``sys.settrace``
(no extra dependency), a mechanism's time counted on the line that calls it. Tracing adds about a
microsecond per line, which matters for one world (read those figures as a ranking, not as
costs) and not for a thousand, where a line costs tens of microseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import linecache
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_sim import make_batch  # noqa: E402


def line_profile(fn: Callable[[], object], codes: set[CodeType], calls: int
                 ) -> tuple[Counter[tuple[str, int]], int]:
    """Seconds spent on each line of ``codes`` over ``calls`` calls of ``fn``; lines executed.

    Lines are ``(file, line number)``; the time of untraced callees counts on the calling line.
    """
    spent: Counter[tuple[str, int]] = Counter()
    state: dict[str, Any] = {"line": None, "t": 0.0, "events": 0}

    def local(frame: FrameType, event: str, arg: object) -> Any:
        now = time.perf_counter()
        if state["line"] is not None:
            spent[state["line"]] += now - state["t"]
        state["line"] = (frame.f_code.co_filename, frame.f_lineno) if event == "line" else None
        state["events"] += 1
        state["t"] = time.perf_counter()
        return local

    def outer(frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code in codes:
            state["line"] = None
            return local
        return None

    sys.settrace(outer)
    try:
        for _ in range(calls):
            fn()
    finally:
        sys.settrace(None)
    return spent, state["events"] // max(calls, 1)


def step_lines(worlds: int, calls: int, top: int) -> dict[str, Any]:
    """The step's most expensive lines for a batch of ``worlds``."""
    codes = {f.__code__ for name in ("game.sim.step", "game.sim.month")
             for f in vars(sys.modules[name]).values()
             if inspect.isfunction(f) and f.__module__ == name}
    batch = make_batch(worlds)
    batch.step()
    spent, events = line_profile(batch.step, codes, calls)
    total = sum(spent.values())
    rows = []
    for (source, lineno), seconds in spent.most_common(top):
        rows.append({
            "line": f"{Path(source).name}:{lineno}", "us": seconds / calls * 1e6,
            "share": seconds / total, "code": linecache.getline(source, lineno).strip()[:100],
        })
    return {"worlds": worlds, "traced_ms": total / calls * 1e3, "line_events": events,
            "rows": rows}


def functions(fn: Callable[[], object], calls: int, top: int,
              sort: str = "cumulative") -> str:
    """``cProfile`` of ``calls`` calls of ``fn``: the ``top`` functions as text."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        fn()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


def turn_profile(top: int, games: int = 2) -> str:
    """``cProfile`` of ending every turn of tutorial games (AI, explanation, months, report).

    Only ``end_turn`` is profiled: loading the level and the human's moves are not.
    """
    from turn_setup import human_moves, new_session

    profile = cProfile.Profile()
    for _ in range(games):
        session = new_session("tutorial")
        session.begin_turn()
        while not session.finished:
            human_moves(session)
            profile.enable()
            session.end_turn()
            profile.disable()
            session.next_turn()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def frame_profile(top: int, size: tuple[int, int] = (1920, 1080)) -> str:
    """``cProfile`` of 300 desk frames with the map animating (by own time)."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame
    from turn_setup import new_session

    from game.play.game import SoloGame
    from game.play.settings import Settings
    from game.ui import theme
    from game.ui.app import App
    from game.ui.scenes.desk import DeskScene

    pygame.key.get_focused = lambda: True
    app = App(size, settings=Settings())
    app.switch(DeskScene(app, SoloGame(new_session("tutorial"), "US")))
    for _ in range(30):
        app.frame(1 / 60)
    try:
        return functions(lambda: app.frame(1 / 60), 300, top, sort="tottime")
    finally:
        pygame.quit()
        theme.reset_fonts()


def main(argv: list[str]) -> int:
    """Print the step's top lines per batch size, and optionally the turn and frame profiles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--turn", action="store_true", help="also profile ending turns")
    parser.add_argument("--frame", action="store_true", help="also profile desk frames")
    args = parser.parse_args(argv)
    for n in args.worlds:
        r = step_lines(n, max(3, args.calls if n <= 1000 else args.calls // 10), args.top)
        print(f"\nstep, {n:,} worlds: {r['traced_ms']:.3f} ms traced, "
              f"{r['line_events']} line events per step")
        for row in r["rows"]:
            print(f"  {row['line']:>12} {row['us']:9.1f} µs {100 * row['share']:5.1f}%  "
                  f"{row['code']}")
    if args.turn:
        print("\nending turns (tutorial, two games):\n" + turn_profile(args.top))
    if args.frame:
        print("\ndesk frames 1920×1080:\n" + frame_profile(args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
