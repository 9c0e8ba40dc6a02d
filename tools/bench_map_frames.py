"""Frame time of the living map (MapView.update + draw) with busy flows, under any SDL driver.

Usage: ``python tools/bench_map_frames.py [--frames 600]`` — prints p50/p95/p99 in ms per size.
The benchmarks engineer folds this into ``benchmarks/``; it is kept small and dependency-free.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import pygame  # noqa: E402
from render_map_preview import busy_state  # noqa: E402

from game.ui.map import MapView  # noqa: E402


def measure(size: tuple[int, int], frames: int, stress: float = 1.0) -> dict[str, float]:
    """Percentiles (ms) of update+draw over ``frames`` frames, plus the one-off build costs."""
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
    times, cpu = [], []
    for i in range(frames + 30):
        start = time.perf_counter()
        start_cpu = time.process_time()
        view.update(1 / 60)
        view.draw(screen)
        if i >= 30:  # warm-up frames excluded
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    arr = np.array(times)
    # CPU time is what this process spent: robust when other work shares the cores, while
    # wall-clock tails then measure the scheduler as much as the map.
    cpu_arr = np.array(cpu)
    return {
        "p50": float(np.percentile(arr, 50)),
        "p95": float(np.percentile(arr, 95)),
        "p99": float(np.percentile(arr, 99)),
        "cpu_p50": float(np.percentile(cpu_arr, 50)),
        "cpu_p99": float(np.percentile(cpu_arr, 99)),
        "particles": float(len(view.particles)),
        "first_build_ms": (t1 - t0) * 1000,
        "new_state_ms": (t2 - t1) * 1000,
    }


def main(argv: list[str]) -> int:
    """Print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--stress", type=float, default=1.0,
                        help="multiply every flow (100 reaches the particle cap)")
    args = parser.parse_args(argv)
    pygame.init()
    for size in ((1280, 720), (1920, 1080)):
        r = measure(size, args.frames, args.stress)
        print(f"{size[0]}x{size[1]}: update+draw p50 {r['p50']:.2f} ms, p95 {r['p95']:.2f} ms, "
              f"p99 {r['p99']:.2f} ms (CPU p50 {r['cpu_p50']:.2f}, p99 {r['cpu_p99']:.2f}) "
              f"with {r['particles']:.0f} particles; "
              f"first build {r['first_build_ms']:.0f} ms, new state {r['new_state_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
