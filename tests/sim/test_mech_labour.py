"""The US labour shortage and mechanisation (mechanisms/labour.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients

from game.sim.mechanisms import labour
from game.sim.world import STOCK, STOCKS

ONE = np.ones((1, 1))


def test_more_migrant_workers_close_the_shortage_and_it_stays_between_0_and_1() -> None:
    P, _ = coefficients()
    few = labour.shortage(0 * ONE, 1e5 * ONE, ONE, 0 * ONE, P)
    many = labour.shortage(0 * ONE, 1e8 * ONE, ONE, 0 * ONE, P)
    assert 0 < few[0, 0] <= 1 and many[0, 0] == 0
    assert labour.shortage(0 * ONE, 0 * ONE, 0 * ONE, 0 * ONE, P)[0, 0] == 0  # no jobs
    assert labour.shortage(0 * ONE, 1e5 * ONE, ONE, 0.5 * ONE, P) < few  # machines do some jobs


def test_a_shortage_raises_mechanisation_which_otherwise_decays() -> None:
    P, _ = coefficients()
    before = np.array([0.1])
    assert labour.mechanisation(before, np.array([0.5]), P)[0] > before[0]
    assert labour.mechanisation(before, np.array([0.0]), P)[0] < before[0]
    assert labour.mechanisation(np.array([0.0]), np.array([0.0]), P)[0] == 0
    high = labour.mechanisation(np.array([1.0]), np.array([1.0]), P)[0]
    assert high == P.flat.mechanisation_max


def test_last_months_shortage_reads_the_world_s_stocks() -> None:
    P, _ = coefficients()
    stocks = np.zeros((1, len(STOCKS), 5))
    stocks[0, STOCK["unauth_us"]] = 1e5
    stocks[0, STOCK["unauth_recent_us"]] = 1e5
    stocks[0, STOCK["temp_us"]] = 1e4
    expected = labour.shortage(5e4 * ONE, 1e6 * ONE, ONE, 0.2 * ONE, P)
    np.testing.assert_array_equal(labour.last_shortage(stocks, np.array([0.2]), ONE, P),
                                  expected)
