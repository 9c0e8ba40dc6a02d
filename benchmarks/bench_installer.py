"""The installed game as a teacher gets it: folder size, start-up to the title, an autoplayed game.

Usage::

    python tools/build_installer.py                     # builds dist/borderlines/
    python benchmarks/bench_installer.py                # measures dist/borderlines/borderlines
    python benchmarks/bench_installer.py --command /path/to/venv/bin/borderlines

Start-up is timed from spawning ``borderlines play --screenshots DIR`` to the moment the title's
screenshot appears, which the game writes at the end of the title's first frame (so the figure
includes writing one PNG); the process is then stopped. Each run is a fresh process; the first
run, with a cold disk cache, is reported apart from the median of the others. SDL's dummy video
and audio drivers, a private data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The title must open in under this many seconds from a double-click (issue 17).
TITLE_BUDGET_S = 2.0


def folder_size_mb(folder: Path) -> float:
    """Bytes of every file under ``folder``, in MB (10^6); symbolic links count once, as links."""
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_symlink() or p.is_file()) / 1e6


def environment(data_dir: Path) -> dict[str, str]:
    """The process environment: dummy SDL drivers and a private user folder."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               BORDERLINES_DATA_DIR=str(data_dir))
    return env


def title_seconds(command: Path, timeout_s: float = 60.0) -> float:
    """Seconds from spawning the game to its title's first frame (its screenshot on disk)."""
    with tempfile.TemporaryDirectory(prefix="borderlines-startup-") as scratch:
        shots = Path(scratch) / "shots"
        start = time.monotonic()
        process = subprocess.Popen([str(command), "play", "--screenshots", str(shots)],
                                   env=environment(Path(scratch) / "user"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not (shots / "01_title.png").exists():
                if process.poll() is not None:
                    raise RuntimeError(f"{command} exited with {process.returncode} before the "
                                       "title")
                if time.monotonic() - start > timeout_s:
                    raise RuntimeError(f"no title frame within {timeout_s:.0f} s")
                time.sleep(0.002)
            return time.monotonic() - start
        finally:
            process.kill()
            process.wait()


def autoplay(command: Path, level: str) -> dict[str, Any]:
    """Play ``level`` with AI leaders to its debrief; the exit code, time and screens shown."""
    with tempfile.TemporaryDirectory(prefix="borderlines-autoplay-") as scratch:
        shots = Path(scratch) / "shots"
        start = time.monotonic()
        done = subprocess.run([str(command), "play", level, "--autoplay", "--screenshots",
                               str(shots)], env=environment(Path(scratch) / "user"),
                              capture_output=True, text=True, timeout=600)
        return {"level": level, "exit_code": done.returncode,
                "wall_s": round(time.monotonic() - start, 2),
                "screens": sorted(p.stem for p in shots.glob("*.png")),
                "stderr_tail": done.stderr[-500:]}


def main(argv: list[str] | None = None) -> int:
    """Measure and print the figures (JSON with ``--json``); exit 1 if the game failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "dist" / "borderlines",
                        help="the PyInstaller folder (default: dist/borderlines)")
    parser.add_argument("--command", type=Path,
                        help="measure this `borderlines` executable instead (a pip install)")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs (default 7)")
    parser.add_argument("--level", default="tutorial", help="the level to autoplay")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    command = args.command or args.folder / ("borderlines.exe" if sys.platform == "win32"
                                             else "borderlines")
    cold = title_seconds(command)
    warm = [title_seconds(command) for _ in range(max(1, args.runs - 1))]
    quartiles = statistics.quantiles(warm, n=4) if len(warm) > 1 else [warm[0]] * 3
    played = autoplay(command, args.level)
    result: dict[str, Any] = {
        "command": str(command),
        "folder_mb": None if args.command else round(folder_size_mb(args.folder), 1),
        "title_first_run_s": round(cold, 3),
        "title_median_s": round(statistics.median(warm), 3),
        "title_iqr_s": [round(quartiles[0], 3), round(quartiles[2], 3)],
        "title_runs": len(warm),
        "title_budget_s": TITLE_BUDGET_S,
        "autoplay": played,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        if result["folder_mb"] is not None:
            print(f"folder: {result['folder_mb']} MB ({args.folder})")
        print(f"title: first run {cold:.3f} s; median {result['title_median_s']:.3f} s "
              f"(IQR {result['title_iqr_s'][0]:.3f}–{result['title_iqr_s'][1]:.3f}, "
              f"n={len(warm)}); budget {TITLE_BUDGET_S:g} s")
        print(f"autoplay {played['level']}: exit {played['exit_code']} in {played['wall_s']} s, "
              f"{len(played['screens'])} screens, last {played['screens'][-1:]}")
    return 0 if played["exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
