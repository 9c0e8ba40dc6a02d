"""Array helpers shared by the mechanisms, and the step's reading of the stocks (_common.py)."""

from __future__ import annotations

import numpy as np

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
