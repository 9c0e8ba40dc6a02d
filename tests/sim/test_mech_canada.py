"""People heading north from the US to Canada (mechanisms/canada.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.canada import heading_north

ONE = np.ones((1, 1))


def _north(restrict: float = 0.0, coverage: float = 0.0, proc: float = 5000.0):
    P, pp = coefficients()
    return heading_north(origins(1e6), origins(2e5), origins(proc), restrict * ONE,
                         coverage * ONE, ONE, 0.3 * ONE, pp, P)


def test_harsher_us_policy_sends_more_people_north() -> None:
    mild, harsh = _north(0.0), _north(1.5)
    assert np.all(harsh.from_unauth > mild.from_unauth)
    assert np.all(harsh.from_recent > mild.from_recent)
    assert np.all(harsh.claims > mild.claims)


def test_everyone_heading_north_is_accounted_for() -> None:
    P, _ = coefficients()
    for coverage in (0.0, 0.2, 1.0):
        north = _north(0.5, coverage)
        from_proc = origins(5000.0) * (north.from_unauth / origins(1e6))
        leaving = north.from_unauth + north.from_recent + from_proc
        np.testing.assert_allclose(north.deaths + north.claims + north.sent_to_us, leaving)
        np.testing.assert_allclose(north.proc_us, origins(5000.0) - from_proc + north.sent_to_us)
        assert np.all(north.intercepted <= north.claims)


def test_a_partial_deal_pushes_claimants_between_ports_where_some_die() -> None:
    none, partial = _north(0.5, 0.0), _north(0.5, 0.2)
    assert np.all(none.sent_to_us == 0)
    assert np.all(partial.sent_to_us > 0)
    assert np.all(partial.deaths > none.deaths)  # the Roxham Road detour


def test_nobody_moves_north_from_empty_stocks() -> None:
    P, pp = coefficients()
    zero = np.zeros((1, 5))
    north = heading_north(zero, zero, zero, ONE, 0.2 * ONE, ONE, 0.3 * ONE, pp, P)
    assert all(np.all(part == 0) for part in north)
