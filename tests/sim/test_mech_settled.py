"""Circular returns, interior arrests and the settled (mechanisms/settled.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.settled import settled_population


def _settled(agents: float):
    P, _ = coefficients()
    return settled_population(origins(1e6), origins(2e5), origins(1e4), origins(5e3),
                              origins(3e6), np.full((1, 1), agents), P)


def test_harder_borders_trap_recent_arrivals_in() -> None:
    open_, closed = _settled(5000.0), _settled(40000.0)
    assert np.all(closed.going_home < open_.going_home)
    assert np.all(closed.recent_out < open_.recent_out)


def test_people_leaving_the_recent_arrivals_go_home_settle_or_are_arrested() -> None:
    P, _ = coefficients()
    s = _settled(17000.0)
    settled_return = origins(1e6) * (P.return_rate_settled / 12)
    interior_settled = origins(1e6) * P.interior_removal_rate / 12
    settling_in = s.unauth_change + settled_return + interior_settled
    np.testing.assert_allclose(s.recent_out,
                               s.going_home - settled_return + s.interior - interior_settled
                               + settling_in)
    assert np.all(settling_in > 0) and np.all(s.temp_us_back > 0) and np.all(s.legal_back > 0)


def test_empty_stocks_send_nobody_home() -> None:
    P, _ = coefficients()
    zero = np.zeros((1, 5))
    s = settled_population(zero, zero, zero, zero, zero, np.full((1, 1), 17000.0), P)
    assert all(np.all(part == 0) for part in s)
