"""Every benchmark of DESIGN.md §7 in one run, the budget table, and the ratio checks.

Usage::

    python benchmarks/run.py            # full run (a few minutes), figures for docs/performance.md
    python benchmarks/run.py --quick    # under a minute; exits 1 when a ratio budget is broken
    python benchmarks/run.py --quick --json results.json   # also write every figure as JSON
    python benchmarks/run.py --only sim turn               # some sections only

Sections: ``sim`` (step by batch size, growth fits, batch speed-up, forecast), ``turn`` (ending
a turn through ``Session``), ``frames`` (desk and map frame percentiles), ``app`` (start-up,
idle CPU, peak memory in fresh processes).

Only ratios can fail the run — the batch speed-up, costs as a share of a 60 fps frame (measured
in CPU time, which another process on the machine does not inflate), the idle CPU share and
how the per-world cost holds up from 1,000 to 10,000 worlds — because absolute times depend on
the machine. Absolute figures (one world's month, start-up, memory) are printed against their
budgets all the same.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import FRAME_S, Timing, fit_linear, machine  # noqa: E402

SECTIONS = ("sim", "turn", "frames", "app")


@dataclass(frozen=True)
class Config:
    """How much of each benchmark to run."""

    sizes: tuple[int, ...] = (1, 10, 100, 1000, 10000)
    step_repeats: int = 15
    ratio_worlds: int = 1000
    ratio_repeats: int = 5
    forecast_repeats: int = 30
    #: Calls per sample when timing each kind of numpy call (one world's shapes).
    kind_calls: int = 100_000
    turn_levels: tuple[str, ...] = ("tutorial", "the-45-days", "regional-approach")
    turn_games: int = 6
    frames: int = 600
    frame_sizes: tuple[tuple[int, int], ...] = ((1280, 720), (1920, 1080))
    #: Also measure the desk through a real X server (Xvfb), when ``xvfb-run`` is installed.
    x11_frames: bool = True
    map_stress: tuple[float, ...] = (1.0, 100.0)
    startup_runs: int = 7
    idle_seconds: float = 5.0
    idle_scenes: tuple[str, ...] = ("title", "desk", "desk-still")
    memory_level: str = "regional-approach"
    memory_worlds: tuple[int, ...] = (1000, 3000, 10000)
    sections: tuple[str, ...] = SECTIONS


FULL = Config()
QUICK = Config(step_repeats=7, ratio_repeats=3, forecast_repeats=12, turn_levels=("tutorial",),
               turn_games=2, frames=200, map_stress=(1.0,), startup_runs=3, idle_seconds=1.5,
               memory_level="tutorial", memory_worlds=(10000,))
#: Tiny sizes for the smoke test: every code path, no meaningful figure.
SMOKE = Config(sizes=(1, 10), step_repeats=2, ratio_worlds=10, ratio_repeats=1,
               forecast_repeats=2, kind_calls=1000, turn_levels=("tutorial",), turn_games=1,
               frames=5, frame_sizes=((640, 480),), x11_frames=False, map_stress=(1.0,),
               startup_runs=1, idle_seconds=0.3, idle_scenes=("title",),
               memory_level="tutorial", memory_worlds=(10, 20))


@dataclass
class Check:
    """One budget line: the figure, its limit, and whether it gates the exit code."""

    name: str
    value: float
    limit: float
    unit: str
    #: ``max``: the value must not exceed the limit; ``min``: must reach it.
    kind: str = "max"
    #: Ratios gate the exit code; absolute figures are reported only.
    gate: bool = True
    note: str = ""
    met: bool = field(init=False)

    def __post_init__(self) -> None:
        self.met = self.value <= self.limit if self.kind == "max" else self.value >= self.limit

    def line(self) -> str:
        """One printable line."""
        sign = "≤" if self.kind == "max" else "≥"
        status = "met" if self.met else ("BROKEN" if self.gate else "not met")
        gate = "" if self.gate else " (reported, not checked)"
        return (f"  {'✓' if self.met else '✗'} {self.name:<52} {self.value:10.3f} {self.unit:<6}"
                f" {sign} {self.limit:g}  {status}{gate}{' — ' + self.note if self.note else ''}")


def _plain(value: Any) -> Any:
    """Timings and tuples as JSON-friendly values (ms for timings)."""
    if isinstance(value, Timing):
        return value.as_dict()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def collect(cfg: Config, say: Any = print) -> dict[str, Any]:
    """Run the chosen sections; every figure in a JSON-friendly dict (times in ms)."""
    out: dict[str, Any] = {"machine": machine(), "config": asdict(cfg), "seconds": {}}
    clock = time.monotonic()

    def lap(section: str) -> None:
        nonlocal clock
        now = time.monotonic()
        out["seconds"][section] = round(now - clock, 1)
        say(f"  ({section}: {now - clock:.1f} s)")
        clock = now

    if "sim" in cfg.sections:
        import bench_sim

        say("— the monthly step —")
        scaling = bench_sim.step_scaling(cfg.sizes, {n: max(3, cfg.step_repeats // 3)
                                                     for n in cfg.sizes if n >= 10000}
                                         | {n: cfg.step_repeats for n in cfg.sizes
                                            if n < 10000})
        for tm in scaling["timings"].values():
            say(tm.line())
        for label, fit in scaling["fit"].items():
            say(f"  growth ({label} batches {fit['sizes']}): {fit['fixed_ms']:.3f} ms + "
                f"{fit['per_world_us']:.2f} µs × worlds (lesser of wall and CPU, "
                f"r² {fit['r2']:.3f})")
        import bench_growth

        ops = bench_growth.count_operations(min(cfg.sizes[-1], 1000))
        fits = scaling["fit"]
        model = bench_growth.growth_model(ops, fits.get("small", fits["all"])["fixed_ms"],
                                          fits.get("large", fits["all"])["per_world_us"])
        say(f"  one step = {ops['calls']} numpy calls ({model['per_call_us']:.2f} µs each in "
            f"the fixed cost) and {ops['elements_per_world']:.0f} element-operations per world "
            f"({model['per_element_ns']:.2f} ns each); {100 * ops['origin_share']:.0f}% of "
            f"them run along the origin axis, so twice the origins → about "
            f"{model['per_world_us_2x_origins']:.1f} µs per world-month")
        for label, row in ops["axes"].items():
            say(f"    {label:<46} {row['calls']:5d} calls {row['elements_per_world']:7.0f} "
                f"elements/world {100 * row['share']:5.1f}%")
        out["growth"] = {"operations": ops, "model": model}
        if 1 in scaling["timings"]:
            one = bench_growth.one_world(bench_growth.call_kinds(1),
                                         bench_growth.kind_costs(cfg.kind_calls),
                                         scaling["timings"][1].cpu_median * 1e3)
            say(f"  one world's step: {one['calls']} numpy calls ≈ {one['numpy_ms']:.2f} ms, "
                f"the interpreter the other {one['interpreter_ms']:.2f} ms; with every call "
                f"the cheapest kind ≈ {one['floor_ms']:.2f} ms")
            out["one_world"] = one
        ratio = bench_sim.batch_ratio(cfg.ratio_worlds, cfg.ratio_repeats)
        say(ratio["singles"].line())
        say(ratio["batch"].line())
        say(f"  batch speed-up at {ratio['worlds']:,} worlds: {ratio['ratio']:.1f}× wall, "
            f"{ratio['ratio_cpu']:.1f}× CPU")
        fc = bench_sim.forecast_200(cfg.forecast_repeats)
        say(fc["timing"].line())
        if cfg.sizes[-1] >= 1000:
            effect = bench_sim.allocator_effect(1000, cfg.step_repeats)
            say(effect["tuned"].line() + " with malloc keeping big blocks")
            say(f"  page faults on fresh temporaries: {100 * effect['page_fault_share']:.0f}% "
                f"of the 1,000-world step's CPU time (negative: keeping big blocks is slower)")
            out["allocator"] = _plain(effect)
        lap("sim")
        out["step"] = {"rows": scaling["rows"], "fit": scaling["fit"]}
        out["batch_ratio"] = _plain({k: v for k, v in ratio.items()})
        out["forecast"] = _plain(fc)
    if "turn" in cfg.sections:
        import bench_turn

        say("— ending a turn —")
        out["turn_end"] = {}
        for level_id in cfg.turn_levels:
            r = bench_turn.turn_end(level_id, cfg.turn_games)
            say(r["timing"].line())
            for part in r["parts"].values():
                say(part.line())
            out["turn_end"][level_id] = _plain(r)
        lap("turn")
    if "frames" in cfg.sections:
        import bench_frames

        say("— frames —")
        out["desk_frames"], out["map_frames"] = {}, {}
        for size in cfg.frame_sizes:
            key = f"{size[0]}x{size[1]}"
            r = bench_frames.desk_frames(size, cfg.frames)
            say(bench_frames.line(r) + f" shares {r['share']}")
            out["desk_frames"][key] = _plain(r)
            for stress in cfg.map_stress:
                m = bench_frames.map_frames(size, cfg.frames, stress)
                say(bench_frames.line(m))
                out["map_frames"][f"{key}x{stress:g}"] = _plain(m)
        # The dummy driver's flip copies nothing; through an X server it does real work.
        for size in cfg.frame_sizes if cfg.x11_frames else ():
            x11 = bench_frames.desk_frames_x11(size, cfg.frames)
            if x11 is None:
                say("desk frames on X11 skipped: xvfb-run is not installed")
                break
            say(bench_frames.line(x11) + f" shares {x11['share']}")
            out["desk_frames"][f"{size[0]}x{size[1]} on X11 (Xvfb)"] = _plain(x11)
        lap("frames")
    if "app" in cfg.sections:
        import bench_app

        say("— the whole program —")
        s = bench_app.startup(cfg.startup_runs)
        say(s["timing"].line(1.0, "s") + f" RSS {s['rss_mb']:.0f} MB")
        out["startup"] = {**s["timing"].as_dict(1.0), "rss_mb": s["rss_mb"]}
        out["idle"] = {}
        for scene in cfg.idle_scenes:
            r = bench_app.idle(scene, cfg.idle_seconds)
            say(f"idle {scene:<11} CPU {100 * r['cpu_share']:.2f}% of a core, "
                f"{r['fps']:.1f} frames/s, animating={r['animating']}")
            out["idle"][scene] = r
        g = bench_app.memory_game(cfg.memory_level)
        say(f"peak RSS, the app playing {g['level']} by itself: {g['rss_mb']:.0f} MB")
        sizes = []
        for n in cfg.memory_worlds:
            w = bench_app.memory_worlds(n)
            say(f"peak RSS, {w['worlds']:,} worlds × 3 months: {w['rss_mb']:.0f} MB "
                f"(after imports {w['rss_after_imports_mb']:.0f} MB)")
            sizes.append(w)
        out["memory"] = {"game": g, "worlds": sizes[-1], "by_worlds": sizes}
        if len(sizes) >= 2:
            a, b, r2 = fit_linear([w["worlds"] for w in sizes], [w["rss_mb"] for w in sizes])
            out["memory"]["fit"] = {"fixed_mb": a, "per_world_kb": b * 1024, "r2": r2}
            say(f"  peak RSS growth: {a:.0f} MB + {b * 1024:.1f} KB × worlds (r² {r2:.3f})")
        lap("app")
    return out


def checks(r: dict[str, Any]) -> list[Check]:
    """The budget of DESIGN.md §7 against the figures in ``r`` (whatever sections ran)."""
    frame_ms = FRAME_S * 1e3
    out: list[Check] = []
    if "step" in r:
        rows = {row["worlds"]: row for row in r["step"]["rows"]}
        if 1 in rows:
            out.append(Check("one month, one world (CPU median)", rows[1]["cpu_median"], 1.0,
                             "ms", gate=False, note="§7: well under 1 ms"))
        big = [n for n in rows if n >= 1000]
        if len(big) >= 2:
            lo, hi = min(big), max(big)
            # The lesser of the wall and CPU ratios: CPU time overstates a batch whose matrix
            # product runs on several BLAS threads, wall time one that waits for the cores.
            wall = (rows[hi]["median"] / hi) / (rows[lo]["median"] / lo)
            cpu = rows[hi]["cpu_per_world_us"] / rows[lo]["cpu_per_world_us"]
            out.append(Check(f"per-world cost, {hi:,} vs {lo:,} worlds",
                             min(wall, cpu), 1.5, "×",
                             note=f"wall {wall:.2f}×, CPU {cpu:.2f}×; the step stays linear"))
    if "batch_ratio" in r:
        br = r["batch_ratio"]
        out.append(Check(f"batch speed-up, {br['worlds']:,} singles vs one batch (CPU)",
                         br["ratio_cpu"], 20.0, "×", kind="min"))
    if "forecast" in r:
        fc = r["forecast"]["timing"]
        out.append(Check(f"forecast {r['forecast']['worlds']} worlds, share of a frame (CPU)",
                         fc["cpu_median"] / frame_ms, 1.0, "frames",
                         note=f"{fc['cpu_median']:.1f} ms CPU, {fc['median']:.1f} ms wall"))
    if "turn_end" in r:
        for level_id, te in r["turn_end"].items():
            if te["months"] != 3:
                continue
            tm = te["timing"]
            out.append(Check(f"end turn ({level_id}, 3 months) in frames (CPU)",
                             tm["cpu_median"] / frame_ms, 100 / frame_ms, "frames",
                             note=f"{tm['cpu_median']:.1f} ms CPU, {tm['median']:.1f} ms wall;"
                             " §7: under 100 ms"))
    for key, fr in r.get("desk_frames", {}).items():
        out.append(Check(f"desk frame p99 at {key}, share of a frame (CPU)",
                         fr["cpu_p99"] / frame_ms, 1.0, "frames",
                         note=f"p99 {fr['cpu_p99']:.2f} ms CPU, {fr['p99']:.2f} ms wall; "
                         f"animating={fr['animating']}"))
    if "idle" in r:
        for scene, idle in r["idle"].items():
            if idle["animating"]:
                continue
            out.append(Check(f"idle CPU on the {scene} screen", idle["cpu_share"], 0.02,
                             "cores", note=f"{idle['fps']:.1f} frames/s"))
    if "startup" in r:
        out.append(Check("start-up to the first title frame (wall median)",
                         r["startup"]["median"], 1.5, "s", gate=False))
    if "memory" in r:
        g, w = r["memory"]["game"], r["memory"]["worlds"]
        out.append(Check(f"peak RSS, the app playing {g['level']}", g["rss_mb"], 300, "MB",
                         gate=False))
        out.append(Check(f"peak RSS, {w['worlds']:,} worlds × 3 months", w["rss_mb"], 300, "MB",
                         gate=False))
    return out


def main(argv: list[str]) -> int:
    """Run, print the budget table, write JSON if asked; 1 when a gated budget is broken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, under a minute")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes: checks that every benchmark runs (figures meaningless)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--json", metavar="PATH",
                        help="write every figure as JSON to PATH ('-' for standard output)")
    args = parser.parse_args(argv)
    cfg = SMOKE if args.smoke else QUICK if args.quick else FULL
    if args.only:
        cfg = replace(cfg, sections=tuple(args.only))
    to_json = args.json == "-"
    say = (lambda *a: print(*a, file=sys.stderr)) if to_json else print
    results = collect(cfg, say)
    table = checks(results)
    results["checks"] = [asdict(c) for c in table]
    say("— budget (DESIGN.md §7) —")
    for c in table:
        say(c.line())
    if args.json:
        text = json.dumps(results, indent=2, ensure_ascii=False)
        if to_json:
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    broken = [c for c in table if c.gate and not c.met]
    if broken and not args.smoke:
        say(f"{len(broken)} ratio budget(s) broken: " + ", ".join(c.name for c in broken))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
