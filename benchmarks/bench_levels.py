"""The level picker opening on a custom-levels folder of 200 files (issue 17: under 0.5 s).

Usage: ``python benchmarks/bench_levels.py [--levels 200] [--runs 5] [--json]``.

The folder holds copies of the shipped example levels, each with its own id, and a few files
from the checker's broken corpus (``tests/content/broken``), as a teacher's folder would after a
term of writing levels, all last modified a week ago. Each run is a fresh interpreter (the UI
imported before the clock starts; the checker, which the picker imports on first use, after):

* *first open* — ``LevelPickerScene`` on the custom tab, switched to and drawn once, the first
  time in the process (the picker reads and checks every file);
* *reopen* — the same, again, in the same process (Back, then Custom levels again; nothing
  changed on disk);
* *scan* — ``find_entries`` alone (the reading and checking, without the widgets), first time.

Medians over the runs, wall and CPU time, SDL's dummy drivers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: Budget for opening the picker on 200 custom levels (issue 17).
BUDGET_S = 0.5
#: The shipped levels the folder is made of, in turn.
TEMPLATES = ("minimal", "one-country-crisis", "three-country-cooperation", "conditional-events",
             "every-feature")
#: Broken files among the levels: the reader's error paths cost too.
BROKEN = ("bad-indentation", "typo-lever", "unclosed-quote", "duplicate-key", "month-13",
          "tab-indent", "misspelt-field", "unknown-country", "octal-number", "yes-as-title")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_folder(folder: Path, count: int) -> None:
    """Write ``count`` level files into ``folder``: example copies and a few broken files."""
    folder.mkdir(parents=True, exist_ok=True)
    broken = [ROOT / "tests" / "content" / "broken" / f"{name}.yaml" for name in BROKEN]
    broken = [p for p in broken if p.exists()][: max(0, count // 20)]
    for path in broken:
        shutil.copy(path, folder / path.name)
    for i in range(count - len(broken)):
        name = TEMPLATES[i % len(TEMPLATES)]
        (template,) = (ROOT / "levels" / "examples").glob(f"{name}.yaml")
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id: .*$", f"id: custom-{i:03d}", text, count=1)
        (folder / f"custom-{i:03d}-{name}.yaml").write_text(text, encoding="utf-8")
    # Written last week, as a teacher's folder is: files saved seconds ago are never cached.
    week_ago = time.time() - 7 * 86_400
    for path in folder.iterdir():
        os.utime(path, (week_ago, week_ago))


def child() -> None:
    """Time the picker in this fresh interpreter; print one JSON line."""
    from game.play.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.level_picker import LevelPickerScene, find_entries

    app = App((1280, 720), settings=Settings())

    def open_picker() -> tuple[float, float, int]:
        wall, cpu = time.perf_counter(), _cpu()
        scene = LevelPickerScene(app, section="custom")
        app.switch(scene)
        app.frame(1 / 60)
        return time.perf_counter() - wall, _cpu() - cpu, len(scene.custom)

    if os.environ.get("BENCH_LEVELS_SCAN_ONLY"):
        wall, cpu = time.perf_counter(), _cpu()
        _campaign, custom, _examples = find_entries(app.settings)
        print(json.dumps({"scan_wall": time.perf_counter() - wall, "scan_cpu": _cpu() - cpu,
                          "custom": len(custom), "broken": sum(not e.ok for e in custom)}))
        return
    first_wall, first_cpu, listed = open_picker()
    again = [open_picker() for _ in range(3)]
    print(json.dumps({"first_wall": first_wall, "first_cpu": first_cpu, "custom": listed,
                      "reopen_wall": statistics.median(a[0] for a in again),
                      "reopen_cpu": statistics.median(a[1] for a in again)}))


def run_child(data: Path, scan_only: bool) -> dict[str, Any]:
    """One fresh interpreter running :func:`child` on the data folder ``data``."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               BORDERLINES_DATA_DIR=str(data))
    if scan_only:
        env["BENCH_LEVELS_SCAN_ONLY"] = "1"
    done = subprocess.run([sys.executable, __file__, "--child"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def main(argv: list[str] | None = None) -> int:
    """Make the folder, time fresh interpreters, print medians; exit 1 over the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=200, help="custom level files (200)")
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters (5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child()
        return 0

    with tempfile.TemporaryDirectory(prefix="borderlines-levels-") as scratch:
        data = Path(scratch)
        make_folder(data / "levels", args.levels)
        opens = [run_child(data, scan_only=False) for _ in range(args.runs)]
        scans = [run_child(data, scan_only=True) for _ in range(args.runs)]

    def median(rows: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(r[key] for r in rows), 3)

    result = {
        "levels": args.levels, "runs": args.runs, "broken": scans[0]["broken"],
        "listed": opens[0]["custom"],
        "first_open_wall_s": median(opens, "first_wall"),
        "first_open_cpu_s": median(opens, "first_cpu"),
        "first_open_wall_range_s": [round(min(r["first_wall"] for r in opens), 3),
                                    round(max(r["first_wall"] for r in opens), 3)],
        "reopen_wall_s": median(opens, "reopen_wall"),
        "reopen_cpu_s": median(opens, "reopen_cpu"),
        "scan_wall_s": median(scans, "scan_wall"),
        "scan_cpu_s": median(scans, "scan_cpu"),
        "budget_s": BUDGET_S,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['listed']} custom levels ({result['broken']} broken), "
              f"medians of {args.runs} fresh processes:")
        print(f"  first open  {result['first_open_wall_s']:.3f} s wall "
              f"(range {result['first_open_wall_range_s'][0]:.3f}–"
              f"{result['first_open_wall_range_s'][1]:.3f}), {result['first_open_cpu_s']:.3f} s "
              f"CPU; budget {BUDGET_S} s")
        print(f"  reopen      {result['reopen_wall_s']:.3f} s wall, "
              f"{result['reopen_cpu_s']:.3f} s CPU")
        print(f"  scan alone  {result['scan_wall_s']:.3f} s wall, {result['scan_cpu_s']:.3f} s CPU")
    worst = max(result["first_open_wall_s"], result["reopen_wall_s"])
    return 0 if worst <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
