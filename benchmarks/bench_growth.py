"""How the step's cost grows with the work: worlds, origins, stocks (routes), lever columns.

Usage: ``python benchmarks/bench_growth.py [--worlds 1000]``.

The model has five origins, nineteen stocks and its lever columns fixed in the registry, so
they cannot be varied without changing the model. What can be measured is *which axes the
step's work runs along*: every numpy operation of one step is counted with the size of the
array it produces or reads (an ndarray subclass that records each ufunc and array function
and then defers to numpy). Divided by the number of worlds, the size says the axis: 1 per
world, 3 per nation, 5 per origin, 95 per stock and origin, and so on. With the timed fit
``time = fixed + per_world · n`` this gives the growth model

    time ≈ calls · c_call + n · Σ_axis (elements per world on that axis) · c_element

where ``calls`` is the number of numpy calls per step (they set the fixed cost, about a
microsecond each), and the elements on the origin axis double when the origins double.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_sim import make_batch  # noqa: E402

from game.sim.levers import COLUMNS  # noqa: E402
from game.sim.registry import ORIGINS  # noqa: E402
from game.sim.world import STOCKS  # noqa: E402

#: Elements per world → what that axis is (the model's shapes; others are reported as found).
AXES: dict[int, str] = {
    1: "per world",
    3: "per nation or relation pair",
    4: "per partner (compliance) or detention option",
    len(ORIGINS): "per origin",
    9: "per normal draw",
    15: "per uniform draw",
    len(STOCKS) * len(ORIGINS): "per stock and origin",
    len(COLUMNS): "per lever column (delay pipeline)",
}
#: Axes that grow with the number of origins (their element count is a multiple of it).
ORIGIN_AXES = {len(ORIGINS), len(STOCKS) * len(ORIGINS)}


class _Recorder(np.ndarray):
    """An array that tells its class about every numpy call it takes part in, then defers.

    Subclasses say what they record: ``_ufunc_seen`` after each ufunc call (with the plain
    operands and result), ``_function_seen`` after each array function (with its result).
    """

    @classmethod
    def _ufunc_seen(cls, method: str, operands: list[Any], result: Any) -> None:
        raise NotImplementedError

    @classmethod
    def _function_seen(cls, result: Any) -> None:
        raise NotImplementedError

    @classmethod
    def wrap(cls, value: Any) -> Any:
        """``value`` as a recording array (anything else as it is)."""
        return value.view(cls) if isinstance(value, np.ndarray) else value

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        plain = [_plain(x) for x in inputs]
        if "out" in kwargs:
            kwargs["out"] = tuple(_plain(o) for o in kwargs["out"])
        result = getattr(ufunc, method)(*plain, **kwargs)
        type(self)._ufunc_seen(method, plain, result)
        return type(self).wrap(result)

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        result = func(*_plain(args), **{k: _plain(v) for k, v in kwargs.items()})
        type(self)._function_seen(result)
        return type(self).wrap(result)


def _plain(x: Any) -> Any:
    """Recording arrays (also inside lists and tuples) as plain arrays."""
    if isinstance(x, _Recorder):
        return x.view(np.ndarray)
    if isinstance(x, list | tuple):
        return type(x)(_plain(y) for y in x)
    return x


class _Counted(_Recorder):
    """Records the size of every numpy operation: the larger of its operands and result."""

    sizes: Counter[int] = Counter()

    @classmethod
    def _ufunc_seen(cls, method: str, operands: list[Any], result: Any) -> None:
        size = max([int(np.size(x)) for x in operands]
                   + ([int(np.size(result))] if isinstance(result, np.ndarray) else []))
        cls.sizes[size] += 1

    @classmethod
    def _function_seen(cls, result: Any) -> None:
        if isinstance(result, np.ndarray):
            cls.sizes[int(result.size)] += 1


def _recorded_step(n: int, recorder: type[_Recorder]) -> None:
    """One step of ``n`` worlds whose world, levers and parameter arrays record their calls."""
    batch = make_batch(n)
    step_fn = sys.modules["game.sim.step"].step
    step_fn(batch.world, batch.levers, batch.params, batch.noise, ())  # caches filled first
    world = batch.world.replace(**{f.name: recorder.wrap(getattr(batch.world, f.name))
                                   for f in fields(batch.world) if f.name != "month"})
    levers = type(batch.levers)(**{f.name: recorder.wrap(getattr(batch.levers, f.name))
                                   for f in fields(batch.levers)})
    # The parameters too: operations between two parameters count as well.
    shaped = batch.params.batch(n)
    for name, value in list(vars(shaped).items()):
        if isinstance(value, np.ndarray):
            setattr(shaped, name, recorder.wrap(value))
    cache = getattr(shaped, "_cache", {})
    for name, value in list(cache.items()):
        cache[name] = recorder.wrap(value)
    step_fn(world, levers, batch.params, batch.noise, ())


def count_operations(n: int = 1000) -> dict[str, Any]:
    """Numpy operations of one step of ``n`` worlds, grouped by elements per world."""
    _Counted.sizes = Counter()
    _recorded_step(n, _Counted)
    sizes = _Counted.sizes
    elements = sum(size * k for size, k in sizes.items())
    calls = sum(sizes.values())
    axes: dict[str, dict[str, float]] = {}
    for size, k in sorted(sizes.items()):
        per_world = size / n
        whole = int(round(per_world))
        if per_world < 1:
            label = "whole batch or less (scalars)"
        elif whole in AXES:
            label = AXES[whole]
        elif whole % len(ORIGINS) == 0:
            label = f"per origin × {whole // len(ORIGINS)}"
        else:
            label = f"{per_world:g} per world"
        row = axes.setdefault(label, {"elements_per_world": 0.0, "calls": 0, "share": 0.0,
                                      "grows_with_origins": 0.0})
        row["elements_per_world"] += size * k / n
        row["calls"] += k
        row["share"] += size * k / elements
        grows = per_world >= 1 and (whole in ORIGIN_AXES or (
            whole not in AXES and whole % len(ORIGINS) == 0))
        row["grows_with_origins"] = float(grows or row["grows_with_origins"])
    origin_share = sum(r["share"] for r in axes.values() if r["grows_with_origins"])
    return {"worlds": n, "calls": calls, "elements_per_world": elements / n, "axes": axes,
            "origin_share": origin_share}


#: Kinds of numpy call, by what makes one dearer than another for tiny arrays.
KINDS = ("same shape", "with a Python number", "broadcasting", "reduction", "other function")


def _kind(method: str, operands: list[Any]) -> str:
    if method != "__call__":
        return "reduction"
    shapes = {np.shape(x) for x in operands if isinstance(x, np.ndarray)}
    if len(shapes) > 1:
        return "broadcasting"
    if any(not isinstance(x, np.ndarray) for x in operands):
        return "with a Python number"
    return "same shape"


class _Kinded(_Recorder):
    """Records the kind of every numpy call (see ``KINDS``)."""

    kinds: Counter[str] = Counter()

    @classmethod
    def _ufunc_seen(cls, method: str, operands: list[Any], result: Any) -> None:
        cls.kinds[_kind(method, operands)] += 1

    @classmethod
    def _function_seen(cls, result: Any) -> None:
        cls.kinds["other function"] += 1


def call_kinds(n: int = 1) -> dict[str, int]:
    """Numpy calls of one step of ``n`` worlds by kind (see ``KINDS``)."""
    _Kinded.kinds = Counter()
    _recorded_step(n, _Kinded)
    return {kind: _Kinded.kinds[kind] for kind in KINDS}


def kind_costs(number: int = 100_000, repeats: int = 7) -> dict[str, float]:
    """µs per call of each kind for one world's shapes, ``(1, 5)`` and ``(1, 1)`` (median)."""
    setup = ("import numpy as np; a = np.ones((1, 5)); b = np.ones((1, 5)); "
             "c = np.ones((1, 1)); f = np.where")
    statements = {"same shape": "a * b", "with a Python number": "a * 0.5",
                  "broadcasting": "a * c", "reduction": "a.sum(axis=1)",
                  "other function": "f(a > 0, a, b)"}
    out = {}
    for kind, statement in statements.items():
        times = timeit.repeat(statement, setup, number=number, repeat=repeats)
        out[kind] = statistics.median(times) / number * 1e6
    return out


def one_world(kinds: dict[str, int], costs: dict[str, float], step_ms: float) -> dict[str, Any]:
    """One world's step split into numpy calls by kind and the interpreter; the floor."""
    numpy_ms = sum(kinds[k] * costs[k] for k in KINDS) / 1e3
    calls = sum(kinds.values())
    interpreter_ms = max(step_ms - numpy_ms, 0.0)
    return {
        "calls": calls, "kinds": kinds, "costs": costs, "step_ms": step_ms,
        "numpy_ms": numpy_ms, "interpreter_ms": interpreter_ms,
        # Every call as cheap as the cheapest kind, the interpreter's part unchanged.
        "floor_ms": calls * min(costs.values()) / 1e3 + interpreter_ms,
    }


def growth_model(ops: dict[str, Any], fixed_ms: float, per_world_us: float) -> dict[str, Any]:
    """The timed fit read through the operation counts: cost per call, per element, predictions."""
    per_call_us = fixed_ms * 1e3 / ops["calls"]
    per_element_ns = per_world_us * 1e3 / ops["elements_per_world"]
    share = ops["origin_share"]
    return {
        "per_call_us": per_call_us,
        "per_element_ns": per_element_ns,
        # Twice the origins: the origin-shaped part of the per-world work doubles.
        "per_world_us_2x_origins": per_world_us * (1 + share),
        "origin_share": share,
    }


def main(argv: list[str]) -> int:
    """Print the step's operations by axis."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", type=int, default=1000)
    args = parser.parse_args(argv)
    ops = count_operations(args.worlds)
    print(f"one step of {args.worlds:,} worlds: {ops['calls']} numpy calls, "
          f"{ops['elements_per_world']:.0f} element-operations per world")
    for label, row in ops["axes"].items():
        print(f"  {label:<46} {row['calls']:5d} calls {row['elements_per_world']:8.0f} "
              f"elements/world {100 * row['share']:5.1f}%"
              f"{'  (grows with origins)' if row['grows_with_origins'] else ''}")
    print(f"share of the per-world work that grows with the origins: "
          f"{100 * ops['origin_share']:.0f}%")
    costs = kind_costs()
    kinds = call_kinds(1)
    print("one world's step by kind of numpy call (µs per call at one world's shapes):")
    for kind in KINDS:
        print(f"  {kind:<22} {kinds[kind]:5d} calls × {costs[kind]:.2f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
