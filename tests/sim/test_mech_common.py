"""Array helpers shared by the mechanisms, and the step's reading of the stocks (_common.py)."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import numpy as np

import game.sim.mechanisms as mechanisms
from game.sim.mechanisms._common import origin_totals, side_by_side, stacked
from game.sim.world import STOCK


def test_stacked_and_side_by_side_give_np_stack_s_values() -> None:
    rng = np.random.default_rng(3)
    parts = [rng.random((4, 5)) for _ in range(3)]
    np.testing.assert_array_equal(stacked(*parts), np.stack(parts, axis=1))
    columns = [rng.random(4) for _ in range(3)]
    np.testing.assert_array_equal(side_by_side(*columns), np.stack(columns, axis=1))


def test_origin_totals_are_the_sums_over_origins_bit_for_bit_at_any_batch_size() -> None:
    rng = np.random.default_rng(4)
    for n in (1, 5, 6, 300):
        table = rng.random((7, n, 5)) * 1e6
        np.testing.assert_array_equal(origin_totals(table), table.sum(axis=2))


def test_the_family_journeys_are_adjacent_stocks_the_step_reads_as_one_slice() -> None:
    assert STOCK["transit_child"] == STOCK["transit_family"] + 1


#: Public helpers of the mechanism modules that compute no equation of their own.
HELPERS = {"phase_in.column"}


def test_docs_model_md_names_every_mechanism_function_and_only_existing_ones() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
    folder = Path(mechanisms.__file__).parent
    modules = {p.stem: f"game.sim.mechanisms.{p.stem}" for p in folder.glob("[a-z]*.py")}
    modules |= {"movers": "game.sim.movers", "queues": "game.sim.queues",
                "month": "game.sim.month", "_common": "game.sim.mechanisms._common"}
    named = set(re.findall(r"`([a-z_]+)\.([a-z_0-9]+)`", text))
    missing = [f"{m}.{f}" for m, f in named if m in modules
               and not hasattr(importlib.import_module(modules[m]), f)]
    assert missing == [], f"docs/model.md names functions that do not exist: {missing}"
    for stem in modules.keys() - {"movers", "queues", "month", "_common"}:
        module = importlib.import_module(modules[stem])
        public = {name for name, f in inspect.getmembers(module, inspect.isfunction)
                  if f.__module__ == module.__name__ and not name.startswith("_")}
        unnamed = sorted(f"{stem}.{f}" for f in public
                         if (stem, f) not in named and f"{stem}.{f}" not in HELPERS)
        assert unnamed == [], f"docs/model.md does not name {unnamed}"
