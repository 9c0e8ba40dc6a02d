"""The model's speed: the monthly step by batch size, the batch speed-up, growth, the forecast.

Usage: ``python benchmarks/bench_sim.py [--quick]`` (``run.py`` calls these functions too).

* ``step_scaling`` — one month for batches of 1, 10, 100, 1,000 and 10,000 worlds: median and
  IQR, cost per world-month, and a fit of ``time = fixed + per_world · n`` over all sizes, over
  the small ones (≤ 100, where Python overhead rules) and over the large ones (≥ 1,000, where
  memory traffic rules);
* ``batch_ratio`` — 1,000 single runs (a loop of one-world steps, each its own world) against
  one batch of 1,000 worlds: DESIGN.md §7 asks for at least 20×;
* ``forecast_200`` — the advisors' one-turn forecast with 200 worlds (``game.sim.forecast``),
  live while a slider moves, so it must fit a 16 ms frame;
* ``allocator_effect`` — the 1,000-world step with glibc's default malloc and with big freed
  blocks kept in the process: the difference is page faults on fresh temporaries.

Each figure is measured in a fresh interpreter (see ``_fresh``), so the order in which they
run cannot change them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import Timing, fit_linear, measure  # noqa: E402

from game.sim import Levers, Noise, Params, World, default_params, initial_world, step  # noqa: E402
from game.sim.policy import Policy, Scenario, month_index  # noqa: E402

#: A month of the June 2019 crisis: the busiest the model gets in the shipped levels.
START = month_index(2019, 5)
SEED = 1


@dataclass
class Batch:
    """Everything one step needs for ``n`` worlds started from one spun-up world."""

    world: World
    levers: Levers
    params: Params
    noise: Noise

    def step(self) -> object:
        """One month for the whole batch."""
        return step(self.world, self.levers, self.params, self.noise, ())


def _scenario() -> Scenario:
    return Scenario(start=START, seed=SEED)


def make_batch(n: int, params: Params | None = None, one: World | None = None,
               policy: Policy | None = None) -> Batch:
    """``n`` copies of the scenario's starting world with independent noise (a forecast's set-up).

    The levers are built once and copied row by row (``Levers.take``), which is how the forecast
    builds its batch, so a batch costs nothing to set up.
    """
    params = params if params is not None else default_params()
    scenario = _scenario()
    one = one if one is not None else initial_world(scenario, 1, params)
    policy = policy if policy is not None else scenario.policy
    levers = Levers.from_policy(policy, 1).take([0] * n)
    return Batch(one.take([0] * n), levers, params, Noise.independent(SEED))


#: glibc gives the top of its heap back to the operating system whenever more than 128 KB is
#: free there, so a step that frees megabytes of temporaries page-faults them in again next
#: time; these settings keep the memory in the process. Used only to measure how much of the
#: step that is (``allocator_effect``); the trim threshold is the one that matters.
TUNED_MALLOC = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "1073741824"}


def _fresh(what: str, *args: object, env: dict[str, str] | None = None) -> Any:
    """Run one measurement in a fresh interpreter; its JSON answer.

    Large batches are sensitive to what the process did before (glibc's malloc adjusts its
    thresholds after freeing big blocks, which can halve the next steps' cost), so each figure
    starts from the same state: a new process, as the game itself is.
    """
    full = dict(os.environ)
    full.update(env or {})
    done = subprocess.run([sys.executable, __file__, "--child", what, *map(str, args)],
                          capture_output=True, text=True, env=full, check=False, timeout=600)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"bench_sim child {what} {args} failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def _step_timing(n: int, repeats: int) -> Timing:
    batch = make_batch(n)
    # Small batches are timed over several calls per sample: a single ~1 ms call is too
    # close to the timer's and the scheduler's noise.
    inner = 10 if n <= 100 else 1
    return measure(f"step, {n:>6,} worlds", batch.step, repeats, inner=inner, warmup=2,
                   worlds=n)


def cost(tm: Timing) -> float:
    """The lesser of the wall and CPU medians: the code's own cost on a shared machine.

    Wall time overstates it when other processes hold the cores; CPU time overstates it when
    numpy's BLAS runs the spending matrix product on several threads (10,000 worlds).
    """
    return min(tm.median, tm.cpu_median)


def step_scaling(sizes: tuple[int, ...], repeats: dict[int, int]) -> dict[str, Any]:
    """Median step time per batch size, cost per world-month, and the fitted growth model."""
    timings: dict[int, Timing] = {
        n: Timing.from_raw(_fresh("step", n, repeats.get(n, 5))) for n in sizes}
    rows = []
    for n, tm in timings.items():
        row = tm.as_dict()
        row["per_world_us"] = tm.median / n * 1e6
        row["cpu_per_world_us"] = tm.cpu_median / n * 1e6
        row["cost_per_world_us"] = cost(tm) / n * 1e6
        rows.append(row)
    fits = {}
    ns = list(timings)
    for label, chosen in (("all", ns), ("small", [n for n in ns if n <= 100]),
                          ("large", [n for n in ns if n >= 1000])):
        if len(chosen) >= 2:
            a, b, r2 = fit_linear(chosen, [cost(timings[n]) for n in chosen])
            fits[label] = {"fixed_ms": a * 1e3, "per_world_us": b * 1e6, "r2": r2,
                           "sizes": chosen}
    return {"rows": rows, "fit": fits, "timings": timings}


def allocator_effect(n: int = 1000, repeats: int = 7) -> dict[str, Any]:
    """The step of ``n`` worlds with glibc's default malloc and with big blocks kept."""
    default = Timing.from_raw(_fresh("step", n, repeats))
    tuned = Timing.from_raw(_fresh("step", n, repeats, env=TUNED_MALLOC))
    return {"worlds": n, "default": default, "tuned": tuned,
            "page_fault_share": 1 - tuned.cpu_median / default.cpu_median}


def _batch_ratio_here(n: int, repeats: int) -> dict[str, Any]:
    params = default_params()
    one = initial_world(_scenario(), 1, params)
    batch = make_batch(n, params, one)
    # Each single run is its own world, with its own levers, as n separate games would be.
    singles = [(batch.world.take([i]), batch.levers.take([i])) for i in range(n)]
    noise = Noise.independent(SEED)

    def loop() -> None:
        for w, lv in singles:
            step(w, lv, params, noise, ())

    # The batch first, in the allocator's fresh state, like every other step figure.
    batched = measure(f"one step of {n:,} worlds", batch.step, max(repeats, 7), warmup=2,
                      worlds=n)
    single = measure(f"{n:,} single one-world steps", loop, repeats, warmup=1, worlds=n)
    return {"singles": single.raw(), "batch": batched.raw()}


def batch_ratio(n: int = 1000, repeats: int = 5) -> dict[str, Any]:
    """``n`` one-world steps in a loop against one step of ``n`` worlds (the §7 ratio)."""
    raw = _fresh("ratio", n, repeats)
    single, batched = Timing.from_raw(raw["singles"]), Timing.from_raw(raw["batch"])
    return {
        "worlds": n,
        "singles": single, "batch": batched,
        "ratio": single.median / batched.median,
        "ratio_cpu": single.cpu_median / batched.cpu_median,
    }


def _forecast_here(repeats: int, level: str, worlds: int) -> Timing:
    from turn_setup import new_session

    from game.sim.forecast import forecast

    session = new_session(level)
    sim, policy, months = session.sim, session.table.policy, session.months_per_turn
    return measure(f"forecast, {worlds} worlds × {months} months",
                   lambda: forecast(sim, policy, months, n_worlds=worlds), repeats,
                   warmup=2, worlds=worlds, months=months)


def forecast_200(repeats: int = 20, level: str = "tutorial", worlds: int = 200
                 ) -> dict[str, Any]:
    """The advisors' forecast of one turn with ``worlds`` worlds, from a level's first turn."""
    timing = Timing.from_raw(_fresh("forecast", repeats, level, worlds))
    return {"level": level, "worlds": worlds, "months": timing.meta["months"],
            "timing": timing}


def _child(argv: list[str]) -> int:
    what = argv[0]
    if what == "step":
        out: Any = _step_timing(int(argv[1]), int(argv[2])).raw()
    elif what == "ratio":
        out = _batch_ratio_here(int(argv[1]), int(argv[2]))
    elif what == "forecast":
        out = _forecast_here(int(argv[1]), argv[2], int(argv[3])).raw()
    else:
        print(f"unknown measurement {what!r}", file=sys.stderr)
        return 2
    print(json.dumps(out), flush=True)
    return 0


def main(argv: list[str]) -> int:
    """Print the step table, the growth fits, the batch ratio and the forecast."""
    if argv[:1] == ["--child"]:
        return _child(argv[1:])
    quick = "--quick" in argv
    sizes = (1, 10, 100, 1000) if quick else (1, 10, 100, 1000, 10000)
    scaling = step_scaling(sizes, {10000: 5})
    for tm in scaling["timings"].values():
        print(tm.line())
    for label, fit in scaling["fit"].items():
        print(f"fit ({label}): {fit['fixed_ms']:.3f} ms + {fit['per_world_us']:.2f} µs × worlds"
              f"  (r² {fit['r2']:.3f})")
    ratio = batch_ratio(1000, 3 if quick else 5)
    print(ratio["singles"].line())
    print(ratio["batch"].line())
    print(f"batch speed-up at 1,000 worlds: {ratio['ratio']:.1f}× "
          f"(CPU {ratio['ratio_cpu']:.1f}×)")
    print(forecast_200()["timing"].line())
    effect = allocator_effect(1000)
    print(effect["default"].line())
    print(effect["tuned"].line(), "(big blocks kept by malloc)")
    print(f"page faults from freed temporaries: {100 * effect['page_fault_share']:.0f}% of "
          f"the 1,000-world step")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
