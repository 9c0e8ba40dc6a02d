"""Child processes for the whole-program benchmarks: start-up, idle CPU and peak memory.

Run by ``bench_app.py`` in a fresh interpreter each time (never imported by it), so imports,
fonts and memory start from nothing, as they do for a player. Prints one JSON line.

Modes:
  ``startup``  — ``borderlines play`` (``game.cli.main(["play"])``) up to the end of the first
                 title frame; prints the monotonic clock then, so the parent measures from
                 before it spawned the process.
  ``idle SCENE SECONDS`` — the real app loop on ``title``, ``desk`` (map animating) or
                 ``desk-still`` (reduced motion) with no input for a few seconds; prints
                 process CPU time over wall time, from a second after the first frame.
  ``memory-game LEVEL`` — the app plays LEVEL by itself through every screen (``--autoplay``).
  ``memory-worlds N`` — one 3-month turn of N worlds with independent noise.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("BORDERLINES_DATA_DIR", tempfile.mkdtemp(prefix="borderlines-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import peak_rss_mb  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _emit(out: dict[str, Any]) -> None:
    print(json.dumps(out), flush=True)


def startup() -> None:
    """Time to the first title frame through the real command line."""
    from game.ui.app import App

    real_frame = App.frame

    def first_frame(self: App, dt: float) -> None:
        real_frame(self, dt)
        _emit({"first_frame": time.monotonic(), "cpu_s": _cpu(), "rss_mb": peak_rss_mb(),
               "scene": getattr(self.scene, "name", "")})
        # Skip pygame's shutdown: the figure is the time to the first frame, not to exit.
        os._exit(0)

    App.frame = first_frame  # type: ignore[method-assign]
    from game.cli import main

    main(["play"])


#: Idle is measured from this long after the first frame: the screens finish their start-up
#: work first (the desk computes the advisors' forecast once its sliders have rested).
IDLE_SETTLE_S = 1.0


def idle(scene: str, seconds: float) -> None:
    """Process CPU over wall time while the real loop shows ``scene`` with no input."""
    import pygame

    from game.ui.app import App

    frames: list[float] = []
    marks: dict[str, float] = {}
    real_frame = App.frame

    def counted(self: App, dt: float) -> None:
        real_frame(self, dt)
        now = time.monotonic()
        marks.setdefault("first", now)
        if "wall0" not in marks and now - marks["first"] >= IDLE_SETTLE_S:
            marks["wall0"], marks["cpu0"] = now, _cpu()
            # The window closes itself after ``seconds``; nothing else happens meanwhile.
            pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
        frames.append(now)
        marks["animating"] = float(bool(getattr(self.scene, "animating", False)))

    App.frame = counted  # type: ignore[method-assign]
    real_process = App.process

    def process(self: App, event: Any) -> None:
        if event.type == pygame.QUIT and "wall1" not in marks:
            marks["wall1"], marks["cpu1"] = time.monotonic(), _cpu()
        real_process(self, event)

    App.process = process  # type: ignore[method-assign]
    from game.play.settings import Settings

    # "desk-still" is the desk with reduced motion: no particles, so nothing to animate.
    app = App(settings=Settings(reduced_motion=scene == "desk-still"))
    if scene.startswith("desk"):
        from turn_setup import new_session

        from game.play.game import SoloGame
        from game.ui.scenes.desk import DeskScene

        first: Any = DeskScene(app, SoloGame(new_session("tutorial"), "US"))
    else:
        from game.ui.scenes.title import TitleScene

        first = TitleScene(app)
    # A real window manager sends exposure events when the window opens; the dummy driver
    # does not, so one is posted to let the first frame draw at once.
    pygame.event.post(pygame.event.Event(pygame.VIDEOEXPOSE))
    app.run(first)
    wall = marks["wall1"] - marks["wall0"]
    cpu = marks["cpu1"] - marks["cpu0"]
    later = [f for f in frames if marks["wall0"] < f <= marks["wall1"]]
    _emit({"scene": scene, "wall_s": wall, "cpu_s": cpu, "cpu_share": cpu / wall,
           "frames": len(later), "fps": len(later) / wall,
           "animating": bool(marks.get("animating", 0.0))})


def memory_game(level: str) -> None:
    """Peak RSS of the app playing ``level`` through every screen by itself."""
    from game.cli import main

    start = time.monotonic()
    code = main(["play", level, "--autoplay"])
    _emit({"level": level, "exit_code": code, "rss_mb": peak_rss_mb(),
           "seconds": time.monotonic() - start})


def memory_worlds(n: int) -> None:
    """Peak RSS of one 3-month turn of ``n`` worlds (the sim alone)."""
    import numpy as np

    from game.sim import Levers, Noise, default_params, initial_world, run_turn
    from game.sim.policy import Scenario, month_index

    before = peak_rss_mb()
    params = default_params()
    scenario = Scenario(start=month_index(2019, 5), seed=1)
    world = initial_world(scenario, 1, params).take(np.zeros(n, dtype=int))
    levers = Levers.from_policy(scenario.policy, 1).take([0] * n)
    run_turn(world, levers, params, Noise.independent(1), 3)
    _emit({"worlds": n, "rss_mb": peak_rss_mb(), "rss_after_imports_mb": before})


def main(argv: list[str]) -> int:
    """Dispatch on the mode."""
    mode = argv[0]
    if mode == "startup":
        startup()
    elif mode == "idle":
        idle(argv[1], float(argv[2]))
    elif mode == "memory-game":
        memory_game(argv[1])
    elif mode == "memory-worlds":
        memory_worlds(int(argv[1]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
