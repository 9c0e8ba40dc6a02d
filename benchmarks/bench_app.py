"""Whole-program figures, each in a fresh process: start-up, idle CPU and peak memory.

Usage: ``python benchmarks/bench_app.py [--quick]`` (dummy video and audio drivers).

* start-up — from spawning ``borderlines play`` to the end of the first title frame, median
  of several runs;
* idle — the real app loop with no input for a few seconds: process CPU time over wall time,
  on the title, on the desk with the map animating, and on the desk with reduced motion;
* memory — peak RSS (``VmHWM``) of the app playing a level through every screen by itself
  (``--autoplay``), and of one 3-month turn of 10,000 worlds.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, Timing, python  # noqa: E402

CHILD = Path(__file__).resolve().parent / "app_child.py"


def _child(*args: str, timeout: float = 300) -> dict[str, Any]:
    """Run the child in a fresh interpreter with its own data folder; its JSON line."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    with tempfile.TemporaryDirectory(prefix="borderlines-bench-") as data:
        env["BORDERLINES_DATA_DIR"] = data
        done = subprocess.run([python(), str(CHILD), *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"benchmark child {args} failed ({done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def startup(runs: int = 5) -> dict[str, Any]:
    """Seconds from spawning ``borderlines play`` to the end of its first title frame."""
    wall, cpu, rss = [], [], []
    for _ in range(runs):
        start = time.monotonic()
        out = _child("startup")
        wall.append(out["first_frame"] - start)
        cpu.append(out["cpu_s"])
        rss.append(out["rss_mb"])
    return {"timing": Timing("start-up to the first title frame", tuple(wall), tuple(cpu)),
            "rss_mb": statistics.median(rss)}


def idle(scene: str, seconds: float) -> dict[str, Any]:
    """Process CPU share (CPU seconds per wall second) of the real loop showing ``scene``."""
    return _child("idle", scene, str(seconds))


def memory_game(level: str = "tutorial") -> dict[str, Any]:
    """Peak RSS (MB) of the app playing ``level`` by itself through every screen."""
    return _child("memory-game", level, timeout=600)


def memory_worlds(n: int = 10000) -> dict[str, Any]:
    """Peak RSS (MB) of one 3-month turn of ``n`` worlds."""
    return _child("memory-worlds", str(n))


def main(argv: list[str]) -> int:
    """Print start-up, idle CPU and memory."""
    quick = "--quick" in argv
    s = startup(3 if quick else 7)
    print(s["timing"].line(1.0, "s"), f"RSS {s['rss_mb']:.0f} MB")
    for scene in ("title", "desk", "desk-still"):
        r = idle(scene, 2.0 if quick else 5.0)
        print(f"idle {scene:<11} CPU {100 * r['cpu_share']:.2f}% of a core, {r['fps']:.1f} "
              f"frames/s, animating={r['animating']}")
    g = memory_game("tutorial" if quick else "regional-approach")
    print(f"peak RSS, app playing {g['level']}: {g['rss_mb']:.0f} MB")
    w = memory_worlds(10000)
    print(f"peak RSS, 10,000 worlds × 3 months: {w['rss_mb']:.0f} MB "
          f"(after imports {w['rss_after_imports_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
