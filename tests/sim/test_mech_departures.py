"""Who wants to leave and who leaves (mechanisms/departures.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.departures import (
    emigration_logit,
    network_seen,
    season_factor,
    who_leaves,
)
from game.sim.world import STOCK, STOCKS

POP = origins(1.3e8, 1.7e7, 9e6, 6.5e6, 5e7)
INCOME = origins(9000.0, 4000.0, 2500.0, 3500.0, 3000.0)


def _logit(**change: np.ndarray) -> np.ndarray:
    P, pp = coefficients()
    args = dict(month=2016 * 12, homicide_seen=origins(25.0, 30.0, 60.0, 80.0, 20.0),
                income=INCOME, remittances=np.full(5, 0.1), network=POP * 0.1, population=POP,
                labour_demand=np.ones((1, 1)), shortage=np.zeros((1, 1)),
                disaster_push=np.zeros((1, 5)), coffee_price=120.0,
                price=np.full((1, 1), 4000.0), exit_officers=np.zeros((1, 3)))
    args.update(change)
    return emigration_logit(pp=pp, P=P, **args)


def test_violence_networks_and_disasters_raise_the_wish_to_leave_prices_lower_it() -> None:
    base = _logit()
    assert np.all(_logit(homicide_seen=origins(50.0, 60.0, 120.0, 160.0, 40.0)) > base)
    assert np.all(_logit(network=POP * 0.2) > base)
    assert np.all(_logit(disaster_push=origins(0.5)) > base)
    assert np.all(_logit(price=np.full((1, 1), 8000.0)) < base)
    exits = _logit(exit_officers=np.full((1, 3), 2000.0))
    assert np.all(exits[0, 1:4] < base[0, 1:4]) and exits[0, 0] == base[0, 0]


def test_the_network_echo_follows_the_diaspora_in_the_us_with_a_lag() -> None:
    stocks = np.zeros((1, len(STOCKS), 5))
    stocks[:, STOCK["legal_us"]] = 100.0
    stocks[:, STOCK["unauth_recent_us"]] = 50.0
    stocks[:, STOCK["home"]] = 1e6  # people at home are not the diaspora
    seen = network_seen(stocks, np.zeros((1, 5)), 0.25)
    np.testing.assert_array_equal(seen, np.full((1, 5), 37.5))


def test_departures_peak_in_spring_and_never_go_negative() -> None:
    P, _ = coefficients()
    months = [season_factor(np.ones((1, 1)), m, P)[0, 0] for m in range(12)]
    assert int(np.argmax(months)) in (2, 3, 4) and min(months) >= 0  # March to May
    flat = [season_factor(np.zeros((1, 1)), m, P)[0, 0] for m in range(12)]
    assert flat == [1.0] * 12


def test_nobody_leaves_an_empty_origin_and_a_caravan_takes_at_most_half_of_those_at_home() -> None:
    P, pp = coefficients()
    args = (_logit(), np.ones((1, 1)), np.full((1, 3, 5), 0.5), np.array([12.0]),
            origins(30.0), np.zeros(1), np.zeros(1))
    movers, fc, caravan = who_leaves(np.zeros((1, 5)), *args, origins(5000.0), pp, P)
    assert np.all(movers == 0) and np.all(fc == 0) and np.all(caravan == 0)
    home = origins(1000.0)
    movers, fc, caravan = who_leaves(home, *args, origins(1e6), pp, P)
    assert np.all(movers > 0) and np.all(caravan <= (home - movers) * 0.5)
    surged, _, _ = who_leaves(home, args[0], *args[1:5], np.array([100.0]), np.array([2.0]),
                              origins(0.0), pp, P)
    assert surged[0, 4] > movers[0, 4] and np.all(surged[0, :4] == movers[0, :4])
