"""Frame times of the policy desk with the map animating, and of the map alone.

Usage: ``python benchmarks/bench_frames.py [--frames 600] [--stress 1]`` (dummy video driver).

* ``desk_frames`` — the real app frame (``App.frame``: scene update, map particles, widgets,
  drawing, flip) on the desk of a new tutorial game, at 1280×720 and 1920×1080. The desk asks
  for frames only while its window has keyboard focus; the dummy driver never gives focus, so
  the benchmark reports focus as held, which is what a player at the desk sees. The first
  frames (the advisors' first forecast, the map's first build) are excluded as warm-up and
  reported on their own.
* ``desk_frames_x11`` — the same frames through a real X server (Xvfb, SDL's ``x11`` driver) in
  a child process, so ``display.flip`` does the work it does on a Linux desktop; skipped when
  ``xvfb-run`` is not installed.
* ``map_frames`` — the map's update and draw alone with busy flows (the map engineer's former
  ``tools/bench_map_frames.py``), ``--stress`` multiplying every flow up to the particle cap.

Percentiles are of wall-clock and of CPU time per frame: on a shared machine the wall-clock
tail measures the scheduler as much as the game.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
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

import pygame  # noqa: E402
from harness import FRAME_S, Timing  # noqa: E402

SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1920, 1080))
WARMUP = 30


def _quit() -> None:
    """Shut pygame down; the theme's cached fonts die with it, so forget them too."""
    from game.ui import theme

    pygame.quit()
    theme.reset_fonts()


def _summary(name: str, wall: list[float], cpu: list[float], **meta: Any) -> dict[str, Any]:
    tm = Timing(name, tuple(wall), tuple(cpu), meta)
    out: dict[str, Any] = {"timing": tm, **meta}
    for p in (50, 95, 99):
        out[f"p{p}"] = tm.percentile(p) * 1e3
        out[f"cpu_p{p}"] = tm.percentile(p, cpu=True) * 1e3
    out["over_budget_share"] = sum(1 for x in wall if x > FRAME_S) / len(wall)
    out["cpu_over_budget_share"] = sum(1 for x in cpu if x > FRAME_S) / len(cpu)
    return out


def desk_frames(size: tuple[int, int], frames: int = 600) -> dict[str, Any]:
    """Percentiles (ms) of whole app frames on the desk with the map animating."""
    from turn_setup import new_session

    from game.play.game import SoloGame
    from game.play.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.desk import DeskScene

    focused = pygame.key.get_focused
    pygame.key.get_focused = lambda: True  # see the module docstring: a player at the desk
    try:
        app = App(size, settings=Settings())
        game = SoloGame(new_session("tutorial"), "US")
        desk = DeskScene(app, game)
        app.switch(desk)
        parts: dict[str, float] = {"map": 0.0, "widgets": 0.0}
        view = desk.map_view

        def wrap(obj: Any, attr: str, key: str) -> None:
            fn = getattr(obj, attr)

            def timed(*args: Any, **kwargs: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    parts[key] += time.perf_counter() - t0
            setattr(obj, attr, timed)

        wrap(view, "update", "map")
        wrap(view, "draw", "map")
        wrap(app.manager, "update", "widgets")
        wrap(app.manager, "draw_ui", "widgets")
        first = []
        for _ in range(3):
            t0 = time.perf_counter()
            app.frame(1 / 60)
            first.append(time.perf_counter() - t0)
        for _ in range(WARMUP - 3):
            app.frame(1 / 60)
        animating = bool(desk.animating)
        wall, cpu = [], []
        for k in parts:
            parts[k] = 0.0
        for _ in range(frames):
            c0 = time.process_time()
            t0 = time.perf_counter()
            app.frame(1 / 60)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        total = sum(wall)
        share = {k: v / total for k, v in parts.items()}
        share["rest"] = 1 - sum(share.values())
        particles = len(view.particles)
    finally:
        pygame.key.get_focused = focused
        _quit()
    return _summary(f"desk frame {size[0]}×{size[1]}", wall, cpu, size=list(size),
                    frames=frames, animating=animating, particles=particles,
                    first_frames_ms=[x * 1e3 for x in first],
                    share={k: round(v, 3) for k, v in share.items()})


def desk_frames_x11(size: tuple[int, int], frames: int = 600) -> dict[str, Any] | None:
    """:func:`desk_frames` on an X server of exactly that size; None without ``xvfb-run``."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        return None
    w, h = size
    env = dict(os.environ, SDL_VIDEODRIVER="x11")
    done = subprocess.run([xvfb, "-a", "-s", f"-screen 0 {w}x{h}x24", sys.executable, __file__,
                           "--child-desk", f"{w}x{h}", str(frames)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"X11 desk frames failed ({done.returncode}):\n{done.stderr[-2000:]}")
    raw = json.loads(lines[-1])
    tm = Timing.from_raw(raw["timing"])
    return _summary(f"{tm.name} on X11", list(tm.samples), list(tm.cpu), **raw["meta"])


def _child_desk(size: str, frames: int) -> int:
    """Measure :func:`desk_frames` here and print it as one JSON line (for the X11 parent)."""
    w, h = (int(x) for x in size.split("x"))
    r = desk_frames((w, h), frames)
    meta = {k: v for k, v in r.items() if k in (
        "size", "frames", "animating", "particles", "first_frames_ms", "share")}
    meta["driver"] = os.environ.get("SDL_VIDEODRIVER", "")
    print(json.dumps({"timing": r["timing"].raw(), "meta": meta}), flush=True)
    return 0


def map_frames(size: tuple[int, int], frames: int = 600, stress: float = 1.0) -> dict[str, Any]:
    """Percentiles (ms) of the map's update+draw with busy flows, and its one-off build costs."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from render_map_preview import busy_state

    from game.ui.map import MapView

    pygame.init()
    try:
        screen = pygame.display.set_mode(size)
        view = MapView(reduced_motion=False)
        state = busy_state()
        state.flows = {k: v * stress for k, v in state.flows.items()}
        t0 = time.perf_counter()
        view.resize((0, 0, *size))
        view.set_state(state)
        view.prepare()  # land, overlays and particles: what the first frame after a change pays
        t1 = time.perf_counter()
        view.set_state(state)
        view.prepare()  # a new turn's numbers at the same size: overlays and particles only
        t2 = time.perf_counter()
        wall, cpu = [], []
        for i in range(frames + WARMUP):
            c0 = time.process_time()
            start = time.perf_counter()
            view.update(1 / 60)
            view.draw(screen)
            if i >= WARMUP:
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - c0)
        particles = len(view.particles)
    finally:
        _quit()
    return _summary(f"map update+draw {size[0]}×{size[1]} ×{stress:g}", wall, cpu,
                    size=list(size), frames=frames, stress=stress, particles=particles,
                    first_build_ms=(t1 - t0) * 1e3, new_state_ms=(t2 - t1) * 1e3)


def line(r: dict[str, Any]) -> str:
    """One printable line of percentiles."""
    return (f"{r['timing'].name:<30} p50 {r['p50']:6.2f}  p95 {r['p95']:6.2f}  "
            f"p99 {r['p99']:6.2f} ms  (CPU p50 {r['cpu_p50']:.2f}, p95 {r['cpu_p95']:.2f}, "
            f"p99 {r['cpu_p99']:.2f}; {r['particles']} particles)")


def main(argv: list[str]) -> int:
    """Print desk and map frame percentiles at both sizes."""
    if argv[:1] == ["--child-desk"]:
        return _child_desk(argv[1], int(argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--stress", type=float, default=1.0,
                        help="multiply every map flow (100 reaches the particle cap)")
    args = parser.parse_args(argv)
    for size in SIZES:
        r = desk_frames(size, args.frames)
        print(line(r), "shares", r["share"])
        x11 = desk_frames_x11(size, args.frames)
        print(line(x11) if x11 else "X11 desk frames skipped: xvfb-run is not installed")
        print(line(map_frames(size, args.frames, args.stress)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
